#include "recommend_page.h"

#include "app_context.h"
#include "charts/chart_export.h"
#include "charts/report_plan_charts.h"
#include "core/errors.h"
#include "plan/candidate_config.h"
#include "plan/ranking.h"
#include "plan/recommender.h"
#include "plan/sensitivity.h"
#include "recommend_page_table.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_writer.h"
#include "job_runner.h"

#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <memory>

namespace headroom {

namespace {

// "3" for a fixed fleet, "1–9" for an autoscaled one.
QString fleetRange(const CandidateResult& c)
{
    return c.nodesMin() == c.nodesMax() ? QString::number(c.nodesMin()) : QStringLiteral("%1–%2").arg(c.nodesMin()).arg(c.nodesMax());
}

// Replaces the view's chart, deleting the old one (the view only releases it).
void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

}  // namespace

RecommendPage::RecommendPage(AppContext* context, QWidget* parent)
    : Page(context, parent), model_(new RecommendTableModel(this)), proxy_(new QSortFilterProxyModel(this))
{
    proxy_->setSourceModel(model_);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);  // any column

    scenarioLabel_ = new QLabel(this);
    auto* choose = new QPushButton(tr("Scenario…"), this);
    providers_ = new QListWidget(this);
    providers_->setFlow(QListView::LeftToRight);
    providers_->setMaximumHeight(providers_->fontMetrics().height() * 2 + 8);
    providers_->setToolTip(tr("Providers to consider (none ticked = all)"));
    runButton_ = new QPushButton(tr("Recommend"), this);
    runButton_->setDefault(true);
    recomputeButton_ = new QPushButton(tr("Recompute"), this);
    recomputeButton_->setEnabled(false);
    recomputeButton_->setToolTip(tr("Run the recommendation again instead of using the one stored in the workspace."));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(scenarioLabel_, 1);
    top->addWidget(choose);
    top->addWidget(providers_, 2);
    top->addWidget(runButton_);
    top->addWidget(recomputeButton_);

    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter candidates (provider, type, status, reason)…"));
    filter_->setClearButtonEnabled(true);
    table_ = new QTableView(this);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(RecommendTableModel::Rank, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();

    why_ = new QTextBrowser(this);
    compareButton_ = new QPushButton(tr("Add to Compare"), this);
    useButton_ = new QPushButton(tr("Use in scenario…"), this);
    compareButton_->setEnabled(false);
    useButton_->setEnabled(false);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(why_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(compareButton_);
    buttons->addWidget(useButton_);
    sideLayout->addLayout(buttons);

    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(filter_);
    tableLayout->addWidget(table_);
    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(tableBox);
    upper->addWidget(side);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 1);

    paretoView_ = new QChartView(this);
    tornadoView_ = new QChartView(this);
    for (QChartView* v : {paretoView_, tornadoView_}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(220);
    }
    charts::addExportActions(paretoView_, QStringLiteral("pareto"));
    charts::addExportActions(tornadoView_, QStringLiteral("tornado"));
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(paretoView_);
    lower->addWidget(tornadoView_);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(lower);
    // Half the height for the charts: on a laptop screen in a meeting, the table alone left the
    // cost-against-p95 chart about 130 pixels tall.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 1000});  // equal shares whatever the table's size hint asks for

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(choose, &QPushButton::clicked, this, &RecommendPage::chooseScenario);
    connect(runButton_, &QPushButton::clicked, this, [this] { startRecommendation(); });
    connect(recomputeButton_, &QPushButton::clicked, this,
            [this] { startRecommendation(lastScenarioPath_, lastOptions_, runs::Reuse::Recompute); });
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RecommendPage::showSelected);
    connect(compareButton_, &QPushButton::clicked, this, &RecommendPage::addSelectedToCompare);
    connect(useButton_, &QPushButton::clicked, this, &RecommendPage::useSelectedInScenario);
    connect(context, &AppContext::catalogChanged, this, &RecommendPage::reloadProviders);
    connect(context, &AppContext::workspaceChanged, this, &RecommendPage::reloadProviders);
    connect(context, &AppContext::scenarioChanged, this, [this] { activated(); });
    reloadProviders();
    status_->setText(tr("Choose a scenario with an SLO and press Recommend. Every instance type of the ticked providers "
                        "(all providers when none is ticked) is screened with Erlang C; the finalists are simulated."));
    activated();  // shows a stored recommendation of the scenario, if there is one
}

void RecommendPage::activated()
{
    const QString path = context()->scenarioPath();
    scenarioLabel_->setText(path.isEmpty() ? tr("No scenario open") : tr("Scenario: %1").arg(QFileInfo(path).fileName()));
    runButton_->setEnabled(!path.isEmpty() && !running_);
    if (!running_ && !path.isEmpty() && path != scenarioPath_) showStored(path);
}

void RecommendPage::showStored(const QString& path)
{
    const Workspace* ws = context()->workspace();
    if (!ws) return;
    try {
        const Scenario doc = loadScenarioFile(path);
        RecommendOptions options;
        for (int i = 0; i < providers_->count(); ++i)
            if (providers_->item(i)->checkState() == Qt::Checked) options.providers << providers_->item(i)->text();
        const std::optional<runs::RecommendationOutcome> stored = runs::findRecommendation(*ws, context()->catalog(), doc, options);
        if (!stored) return;
        scenarioPath_ = path;
        scenario_ = doc;
        lastScenarioPath_ = path;
        lastOptions_ = {};
        showOutcome(*stored);
    } catch (const std::exception&) {
        // A scenario that does not parse has nothing stored; Recommend shows the error.
    }
}

void RecommendPage::showOutcome(const runs::RecommendationOutcome& outcome)
{
    show(outcome.result);
    recomputeButton_->setEnabled(outcome.reused);
    if (outcome.reused)
        status_->setText(status_->text() + QLatin1Char(' ')
                         + tr("Result %1, stored in the workspace for these inputs; Recompute runs it again.")
                               .arg(outcome.run.madeAtText()));
}

void RecommendPage::reloadProviders()
{
    QStringList ticked;
    for (int i = 0; i < providers_->count(); ++i)
        if (providers_->item(i)->checkState() == Qt::Checked) ticked << providers_->item(i)->text();
    providers_->clear();
    for (const QString& p : context()->catalog().providers()) {
        auto* item = new QListWidgetItem(p, providers_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(p) ? Qt::Checked : Qt::Unchecked);
    }
}

void RecommendPage::chooseScenario()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Scenario"), QFileInfo(context()->scenarioPath()).path(),
                                                      tr("Scenario (*.json)"));
    if (!path.isEmpty()) context()->setScenarioPath(path);
}

QString RecommendPage::statusText() const { return status_->text(); }

void RecommendPage::startRecommendation(const QString& scenarioPath, const RecommendOptions& extra, runs::Reuse reuse)
{
    const QString path = scenarioPath.isEmpty() ? context()->scenarioPath() : scenarioPath;
    if (path.isEmpty() || running_) return;
    Scenario doc;
    try {
        doc = loadScenarioFile(path);
    } catch (const InputError& e) {
        status_->setText(e.text());
        emit recommendationFailed(e.text());
        return;
    }
    RecommendOptions options = extra;
    QStringList ticked;
    for (int i = 0; i < providers_->count(); ++i)
        if (providers_->item(i)->checkState() == Qt::Checked) ticked << providers_->item(i)->text();
    if (!ticked.isEmpty()) options.providers = ticked;

    lastScenarioPath_ = scenarioPath;
    lastOptions_ = extra;
    running_ = true;
    provisionalShown_ = false;
    runButton_->setEnabled(false);
    recomputeButton_->setEnabled(false);
    status_->setText(tr("Recommending for %1…").arg(QFileInfo(path).fileName()));
    const Catalog catalog = context()->catalog();
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    const QString file = QFileInfo(path).fileName();
    JobHandlers<runs::RecommendationOutcome> handlers;
    // The answer is shown as soon as it is stored (`answered`); the job then still keeps the
    // scenario as written for a report, and its end changes nothing on the page.
    auto answered = [this, path, doc](const runs::RecommendationOutcome& outcome) {
        if (!running_) return;
        running_ = false;
        scenarioPath_ = path;
        scenario_ = doc;
        activated();
        showOutcome(outcome);
        emit recommendationReady();
    };
    handlers.done = answered;
    handlers.failed = [this](const QString& message) {
        running_ = false;
        activated();
        status_->setText(message);
        emit recommendationFailed(message);
    };
    handlers.stopped = [this] {
        running_ = false;
        activated();
        status_->setText(tr("Cancelled; nothing was kept."));
    };
    RecommendPage* page = this;  // dereferenced only in calls the runner delivers while the page lives
    context()->jobs()->run(
        this, QStringLiteral("recommend"), tr("Recommendation"),
        [page, doc, catalog, ws, file, options, reuse, answered](JobControl& control) {
            RecommendOptions o = options;
            o.cancel = control.cancelFlag();
            o.progress = [&control](double f) { control.setProgress(f); };
            // The ranking so far, handed to the GUI thread: the screen's estimates at once, then
            // each candidate's figures as its simulations finish.
            o.provisional = [&control, page](const Recommendation& r) {
                auto copy = std::make_shared<Recommendation>(r);
                control.post([page, copy] { page->showProvisional(*copy); });
            };
            runs::RecommendationOutcome outcome;
            auto ready = [&control, answered](const runs::RecommendationOutcome& stored) {
                auto copy = std::make_shared<runs::RecommendationOutcome>(stored);
                control.post([answered, copy] { answered(*copy); });
            };
            if (ws) outcome = runs::recommendStored(*ws, catalog, doc, file, o, reuse, ready);
            else outcome.result = recommend(doc, catalog, ws.get(), file, o);
            return outcome;
        },
        std::move(handlers));
}

void RecommendPage::showProvisional(const Recommendation& r)
{
    if (!running_) return;  // the final ranking is already shown
    provisionalShown_ = true;
    int pending = 0, simulated = 0;
    for (const CandidateResult& c : r.candidates) {
        pending += c.pending ? 1 : 0;
        simulated += c.simulated() ? 1 : 0;
    }
    const CandidateResult* winner = r.winner();
    // The status first: it describes the table the model is about to show.
    if (pending == 0 && winner && winner->meetsSlo())
        // Every candidate is decided; what is still running are the winner's what-if runs.
        status_->setText(tr("Ranking settled: %1 × %2, $%3/month (%4 configurations simulated). The winner's what-if "
                            "runs (traffic, boot time, node speed, a lost node) are under way.")
                             .arg(fleetRange(*winner), winner->type.key())
                             .arg(winner->costPerMonthUsd(), 0, 'f', 2)
                             .arg(simulated));
    else
        status_->setText(tr("Provisional ranking: %1 candidates simulated so far, %2 still screening estimates "
                            "(labelled \"estimate\"); rows fill in as they are confirmed.")
                             .arg(simulated)
                             .arg(pending));
    model_->setRecommendation(r);
}

void RecommendPage::show(const Recommendation& r)
{
    model_->setRecommendation(r);
    table_->resizeColumnsToContents();
    const CandidateResult* winner = r.winner();
    status_->setText(winner ? tr("Recommended: %1 × %2, $%3/month, p95 %4 ms (SLO %5 ms). %6 configurations simulated in %7 s.")
                                  .arg(fleetRange(*winner), winner->type.key())
                                  .arg(winner->costPerMonthUsd(), 0, 'f', 2)
                                  .arg(winner->chosen->p95Ms, 0, 'f', 1)
                                  .arg(r.sloP95Ms, 0, 'f', 0)
                                  .arg(r.simulations)
                                  .arg(r.elapsedS, 0, 'f', 1)
                            : tr("No candidate meets the SLO (p95 %1 ms). %2 configurations simulated.")
                                  .arg(r.sloP95Ms, 0, 'f', 0)
                                  .arg(r.simulations));

    QVector<charts::CostLatencyPoint> points;
    for (const ParetoPoint& p : r.pareto) {
        charts::CostLatencyPoint c;
        c.label = paretoLabel(p, r.pareto);
        c.costPerMonthUsd = p.costPerMonthUsd;
        c.p95Ms = p.p95Ms;
        c.meetsSlo = p.meetsSlo;
        c.onFront = p.onFront;
        c.fullLength = p.fullLength;
        c.winner = isWinnersPoint(p, winner) && p.meetsSlo;
        points << c;
    }
    replaceChart(paretoView_, charts::costVsLatency(points, r.sloP95Ms));
    QVector<charts::TornadoBar> bars;
    for (const SensitivityCase& s : r.sensitivity)
        if (s.result) bars << charts::TornadoBar{s.label, s.result->p95Ms};
    replaceChart(tornadoView_, charts::tornado(bars, whatIfBaseP95Ms(r), r.sloP95Ms, r.sensitivityBase.peakWindow));
    if (model_->rowCount() > 0) table_->selectRow(0);
}

const CandidateResult* RecommendPage::selected() const
{
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid()) return nullptr;
    const int row = proxy_->data(current, RecommendTableModel::kRowRole).toInt();
    const auto& candidates = model_->recommendation().candidates;
    return row >= 0 && size_t(row) < candidates.size() ? &candidates[size_t(row)] : nullptr;
}

QString RecommendPage::whyText() const { return why_->toPlainText(); }

void RecommendPage::showSelected()
{
    const CandidateResult* c = selected();
    compareButton_->setEnabled(c && c->simulated());
    useButton_->setEnabled(c && c->simulated());
    if (!c) {
        why_->clear();
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(c->type.key().toHtmlEscaped(), c->why.toHtmlEscaped());
    if (c->chosen)
        html += tr("<p>p95 %1 ms (95 % CI %2–%3), SLO met in %4 % of replications (95 % CI %5–%6 %), "
                   "%7 % of intervals; %8 replications%9.</p>")
                    .arg(c->chosen->p95Ms, 0, 'f', 1)
                    .arg(c->chosen->p95LowMs, 0, 'f', 1)
                    .arg(c->chosen->p95HighMs, 0, 'f', 1)
                    .arg(c->chosen->attainment * 100, 0, 'f', 0)
                    .arg(c->chosen->attainmentLow * 100, 0, 'f', 0)
                    .arg(c->chosen->attainmentHigh * 100, 0, 'f', 0)
                    .arg(c->chosen->intervalAttainment * 100, 0, 'f', 0)
                    .arg(c->chosen->replications)
                    .arg(c->chosen->fullLength ? QString() : tr(" over a window around the peak"));
    if (c->screening.nodesAtPeak)
        html += tr("<p>Erlang C at the peak of %1 requests/s: %2 nodes (p95 %3 ms)%4.</p>")
                    .arg(c->screening.peakRateRps, 0, 'f', 0)
                    .arg(*c->screening.nodesAtPeak)
                    .arg(c->screening.analyticP95Ms, 0, 'f', 1)
                    .arg(c->screening.exact ? tr(", exact for this scenario") : tr(", a first guess for the simulator"));
    why_->setHtml(html);
}

std::optional<Scenario> RecommendPage::configuredScenario(const CandidateResult& c) const
{
    if (!c.chosen) return std::nullopt;
    return withConfiguration(scenario_, c.type, c.chosen->nodes, c.chosen->nodesMax);
}

void RecommendPage::addSelectedToCompare()
{
    const CandidateResult* c = selected();
    if (!c) return;
    if (const auto doc = configuredScenario(*c)) {
        CompareCandidate item;
        item.label = c->nodesMin() == c->nodesMax() ? QStringLiteral("%1 × %2").arg(c->nodesMin()).arg(c->type.key())
                                                    : QStringLiteral("%1–%2 × %3").arg(c->nodesMin()).arg(c->nodesMax()).arg(c->type.key());
        item.scenario = *doc;
        emit compareRequested(item);
    }
}

void RecommendPage::useSelectedInScenario()
{
    const CandidateResult* c = selected();
    const auto doc = c ? configuredScenario(*c) : std::nullopt;
    if (!doc) return;
    const QString suggested = QFileInfo(scenarioPath_).path() + QStringLiteral("/")
                            + QFileInfo(scenarioPath_).completeBaseName() + QStringLiteral("-") + c->type.name + QStringLiteral(".json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the scenario with this configuration"), suggested,
                                                      tr("Scenario (*.json)"));
    if (path.isEmpty()) return;
    try {
        saveScenarioFile(*doc, path);
        context()->setScenarioPath(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Use in scenario"), QString::fromUtf8(e.what()));
    }
}

}  // namespace headroom
