#pragma once
#include "import/prometheus_live.h"

#include <QDialog>

class QLineEdit;
class QDateTimeEdit;
class QDoubleSpinBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace headroom {

// File → Import from Prometheus: server URL, PromQL, time range and step, optional credentials
// (used for the request only, never stored), and a Test button that runs an instant query.
class PrometheusDialog : public QDialog {
    Q_OBJECT
public:
    explicit PrometheusDialog(QWidget* parent = nullptr);
    PrometheusQuery query() const;

private:
    void testConnection();
    QLineEdit* url_;
    QLineEdit* promql_;
    QDateTimeEdit* start_;
    QDateTimeEdit* end_;
    QDoubleSpinBox* step_;
    QComboBox* aggregate_;
    QLineEdit* user_;
    QLineEdit* password_;
    QLineEdit* token_;
    QLabel* status_;
    QPushButton* test_;
};

}  // namespace headroom
