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

// The form over every section of the scenario document (DESIGN §7): general settings, traffic,
// service, cluster (instance type from the catalog or inline, credits, balancer, speed, noisy
// neighbour, billing), autoscaling with its lead time, health check, client and SLO. The traffic
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
    void buildGeneral();
    void buildTraffic();
    void buildService();
    void buildCluster();
    void buildAutoscaling();
    void buildHealthClientSlo();
    void changeTrafficKind(const QString& kind);
    void changeInstanceType(const QString& text);

    ScenarioDocument* doc_;
    FieldBinder* binder_;
    QVBoxLayout* sections_;
    QComboBox* trafficKind_ = nullptr;
    QComboBox* instanceType_ = nullptr;
    QGroupBox* inlineType_ = nullptr;
};

}  // namespace headroom
