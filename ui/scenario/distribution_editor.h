#pragma once
#include <QJsonValue>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace headroom {

// Edits one random quantity of the scenario document: a bare number, {"dist": …, "mean", "cv"},
// {"dist":"deterministic","value"}, {"dist":"empirical","values"}, or (for boot times) "catalog".
class DistributionEditor : public QWidget {
    Q_OBJECT
public:
    explicit DistributionEditor(bool allowCatalog, QWidget* parent = nullptr);
    void setValue(const QJsonValue& v);  // shows it without emitting edited
    QJsonValue value() const;            // what the widgets say now

    QComboBox* kindBox() const { return kind_; }
    QLineEdit* meanEdit() const { return mean_; }
    QLineEdit* cvEdit() const { return cv_; }

signals:
    void edited(const QJsonValue& value);

private:
    void updateVisibility();
    void commit();

    QComboBox* kind_;
    QLineEdit* mean_;
    QLineEdit* cv_;
    QLineEdit* values_;
};

}  // namespace headroom
