#pragma once
#include "analysis/validation.h"
#include "page.h"

#include <memory>
#include <optional>

class QChart;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace headroom {

// Validation: does the model predict what was measured? Calibrates the open scenario's service
// from the chosen load-test datasets (one per request rate), simulates every rate and shows
// predicted beside measured latency: a table with the error per statistic and its likely cause,
// and latency against load with both curves. The same computation as `headroom validate`.
class ValidationPage : public Page {
    Q_OBJECT
public:
    explicit ValidationPage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Validation"); }
    QString iconName() const override { return QStringLiteral("dialog-ok-apply"); }
    void activated() override { reloadDatasets(); }

    void setScenarioFile(const QString& path);
    // Checks exactly these datasets in the list (the others are unchecked).
    void setDatasets(const std::vector<qint64>& ids);
    std::vector<qint64> checkedDatasets() const;
    void setReplications(int replications);
    void run();
    void cancel();
    bool running() const { return running_; }

    const std::optional<validation::ValidationResult>& result() const { return result_; }
    QTableWidget* table() const { return table_; }
    QChart* chart() const { return chart_; }
    QString statusText() const;
    QString calibrationText() const;

signals:
    void finished();  // a run ended: result, error or cancel

private:
    void reloadDatasets();
    void showResult(const validation::ValidationResult& r);
    void endRun(const QString& status);

    QString scenarioPath_;
    QLabel* scenarioName_;
    QListWidget* datasets_;
    QSpinBox* replications_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel* calibration_;
    QTableWidget* table_;
    QChart* chart_;
    std::optional<validation::ValidationResult> result_;
    bool running_ = false;
};

}  // namespace headroom
