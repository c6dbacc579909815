#pragma once
#include "page.h"
#include "sim/simulator.h"

#include <QMap>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace headroom {

class SimulationCharts;
class SummaryCard;

// Simulate: runs the scenario the Scenario page has open (or one opened here) with a seed and a
// number of replications, off the GUI thread with progress and Cancel, then shows summary cards
// (mean with 95 % confidence interval) and charts over time. The numbers are those of
// `headroom simulate --json` for the same seed.
class SimulatePage : public Page {
    Q_OBJECT
public:
    explicit SimulatePage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Simulate"); }
    QString iconName() const override { return QStringLiteral("media-playback-start"); }

    // Uses this scenario file from now on (also what the Open button does). A file that does not
    // parse shows the parser's message and disables Run.
    void setScenarioFile(const QString& path);
    QString scenarioFile() const { return scenarioPath_; }
    void setSeed(quint64 seed);
    void setReplications(int replications);

    void run();
    void cancel();
    bool running() const { return running_; }

    // The last finished run (empty before the first and after a failure or Cancel).
    const std::optional<SimulationResult>& result() const { return result_; }
    // Card keys: p50, p95, p99, errors, attempts, nodeHours, cost, slo, overSlo.
    SummaryCard* card(const QString& key) const { return cards_.value(key); }
    QString errorText() const;
    QString statusText() const;
    SimulationCharts* charts() const { return charts_; }

signals:
    void finished();  // a run ended: result, error or cancel

private:
    void openScenario();
    void showResult(const SimulationResult& result, bool hasSlo);
    void endRun(const QString& status);
    void clearCards();

    QString scenarioPath_;
    QLabel* scenarioName_;
    QLabel* error_;
    QLineEdit* seed_;
    QSpinBox* replications_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    QMap<QString, SummaryCard*> cards_;
    SimulationCharts* charts_;
    std::optional<SimulationResult> result_;
    bool running_ = false;
    bool scenarioOk_ = false;
};

}  // namespace headroom
