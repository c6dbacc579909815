#pragma once
#include <QStringList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QVBoxLayout;

namespace headroom {

class FieldBinder;
class ScenarioDocument;

// The form over every section of the scenario document (DESIGN §7), made from the key table
// (model/scenario/scenario_keys.cpp): one group per section, one field per key that has a form
// label, its help as the tooltip and what leaving it out means as the placeholder. A few keys
// need their own editor (traffic kind, instance type, scaling steps and schedule); the traffic
// profile table and chart live on the page next to it.
class ScenarioForm : public QWidget {
    Q_OBJECT
public:
    ScenarioForm(ScenarioDocument* doc, QWidget* parent = nullptr);

    FieldBinder* binder() const { return binder_; }
    // The catalog keys offered for the instance type ("aws/c6i.large", …).
    void setInstanceTypeKeys(const QStringList& keys);
    QComboBox* instanceTypeBox() const { return instanceType_; }
    QComboBox* trafficKindBox() const { return trafficKind_; }

private:
    QFormLayout* section(const QString& title);
    QFormLayout* optionalSection(const QString& title, const QString& path, const QJsonObject& defaults);
    // The fields of the keys inside `sectionPath`, in the table's order.
    void buildKeys(const QString& sectionPath, QFormLayout* form);
    QWidget* buildCustom(const QString& path, const QString& label, QFormLayout* form);
    QWidget* buildTrafficKind(const QString& label, QFormLayout* form);
    QWidget* buildInstanceType(const QString& label, QFormLayout* form);
    void changeTrafficKind(const QString& kind);
    void changeInstanceType(const QString& text);

    ScenarioDocument* doc_;
    FieldBinder* binder_;
    QVBoxLayout* sections_;
    QComboBox* trafficKind_ = nullptr;
    QComboBox* instanceType_ = nullptr;
    QGroupBox* inlineType_ = nullptr;
    QFormLayout* inlineTypeForm_ = nullptr;
};

}  // namespace headroom
