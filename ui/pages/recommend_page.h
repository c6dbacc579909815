#pragma once
#include "compare_page.h"
#include "page.h"
#include "plan/recommend_options.h"
#include "plan/recommendation.h"
#include "runs/stored_results.h"
#include "scenario/scenario.h"

class QChartView;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace headroom {

class RecommendTableModel;

// Recommend: runs the recommender on the scenario (the Scenario page's file, or one chosen
// here) for the ticked providers, off the GUI thread, and shows the ranked candidates
// (sortable, filterable), the Pareto chart of cost against p95 with the SLO and the winner,
// the tornado of the winner, and why the selected candidate wins or fails.
class RecommendPage : public Page {
    Q_OBJECT
public:
    explicit RecommendPage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Recommend"); }
    QString iconName() const override { return QStringLiteral("office-chart-line"); }
    void activated() override;

    // Starts a recommendation of the scenario file; empty = the shared scenario path.
    // `extra` narrows it further (instance types, limits); its providers are overridden by the
    // ticked boxes unless none is ticked.
    // A recommendation of the same inputs stored in the workspace is shown at once, with when it
    // was made, unless `reuse` is Recompute (the Recompute button).
    void startRecommendation(const QString& scenarioPath = {}, const RecommendOptions& extra = {},
                             runs::Reuse reuse = runs::Reuse::Allowed);
    bool running() const { return running_; }
    // A provisional ranking has been shown during the current or last run.
    bool provisionalShown() const { return provisionalShown_; }

    RecommendTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QString statusText() const;
    QPushButton* recomputeButton() const { return recomputeButton_; }
    QString whyText() const;
    QChartView* paretoView() const { return paretoView_; }
    QChartView* tornadoView() const { return tornadoView_; }

signals:
    void recommendationReady();
    void recommendationFailed(const QString& message);
    // "Add to Compare": the selected candidate's configuration, for ComparePage::addCandidate.
    void compareRequested(const headroom::CompareCandidate& candidate);

private:
    void chooseScenario();
    void reloadProviders();
    void show(const Recommendation& r);
    void showOutcome(const runs::RecommendationOutcome& outcome);
    // Shows the recommendation stored for this scenario file (and the ticked providers), if any.
    void showStored(const QString& path);
    void showProvisional(const Recommendation& r);
    void showSelected();
    void addSelectedToCompare();
    void useSelectedInScenario();
    const CandidateResult* selected() const;
    std::optional<Scenario> configuredScenario(const CandidateResult& c) const;

    RecommendTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QLineEdit* filter_;
    QListWidget* providers_;
    QLabel* scenarioLabel_;
    QLabel* status_;
    QPushButton* runButton_;
    QPushButton* recomputeButton_;
    QString lastScenarioPath_;   // the request the Recompute button repeats
    RecommendOptions lastOptions_;
    QPushButton* compareButton_;
    QPushButton* useButton_;
    QTextBrowser* why_;
    QChartView* paretoView_;
    QChartView* tornadoView_;
    QString scenarioPath_;       // the file the shown recommendation came from
    Scenario scenario_;          // … as parsed
    bool running_ = false;
    bool provisionalShown_ = false;
};

}  // namespace headroom
