#include "fleet_page.h"

#include "analysis/analysis_inputs.h"
#include "analysis/fleet_analysis.h"
#include "analysis/calibration.h"
#include "store/dataset_licences.h"
#include "analysis/fleet_series.h"
#include "analysis/homogeneity.h"
#include "analysis/noisy_neighbour.h"
#include "app_context.h"
#include "charts/box_plot_chart.h"
#include "charts/chart_builder.h"
#include "charts/downsample.h"
#include "charts/fleet_charts.h"
#include "fleet_cards.h"
#include "store/series_queries.h"
#include "store/workspace.h"
#include "job_runner.h"
#include "store/workspace_metrics.h"

#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace headroom {

struct FleetView {
    analysis::FleetAnalysis fleet;
    QString credits;  // attribution of the licensed datasets behind these groups
    std::vector<Series> steal;
    noisy::Result episodes;
};

namespace {

constexpr int kMaxBoxes = 60;

QString number(double v, int digits = 3) { return std::isfinite(v) ? QString::number(v, 'g', digits) : QStringLiteral("–"); }

// Boxes sorted by node mean. With more nodes than fit: the slowest and the fastest nodes (where
// outliers are), every node with ten or more runs (its box has a shape), and evenly spaced
// others, kMaxBoxes in all.
QVector<charts::Box> boxesOf(const analysis::NodeGroup& g, const homogeneity::Result& r)
{
    constexpr size_t kExtremes = 8;
    std::vector<size_t> order(g.nodes.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return r.perNode[a].mean < r.perNode[b].mean; });
    std::vector<size_t> keep;
    if (order.size() <= size_t(kMaxBoxes)) {
        keep = order;
    } else {
        std::vector<bool> chosen(order.size(), false);
        for (size_t k = 0; k < kExtremes; ++k) chosen[k] = chosen[order.size() - 1 - k] = true;
        size_t count = 2 * kExtremes;
        for (size_t k = 0; k < order.size() && count < size_t(kMaxBoxes); ++k)
            if (!chosen[k] && g.nodes[order[k]].values.size() >= 10) {
                chosen[k] = true;
                ++count;
            }
        const size_t rest = size_t(kMaxBoxes) - count;
        for (size_t j = 1; j <= rest; ++j) chosen[j * (order.size() - 1) / (rest + 1)] = true;
        for (size_t k = 0; k < order.size(); ++k)
            if (chosen[k]) keep.push_back(order[k]);
    }
    QVector<charts::Box> boxes;
    for (size_t i : keep) {
        // Categories are told apart by their label, so a shortened name keeps both ends.
        const QString& name = g.nodes[i].node;
        const QString label = name.size() <= 20 ? name : name.left(8) + QStringLiteral("…") + name.right(10);
        charts::Box b = charts::boxOf(label, g.nodes[i].values);
        b.highlighted = r.perNode[i].outlier;
        boxes << b;
    }
    return boxes;
}

}  // namespace

FleetPage::FleetPage(AppContext* context, QWidget* parent) : Page(context, parent)
{
    metric_ = new QComboBox;
    metric_->setMinimumContentsLength(24);
    groupBy_ = new QComboBox;
    groupBy_->setEditable(true);
    groupBy_->addItems({QString(), QStringLiteral("zone"), QStringLiteral("region"), QStringLiteral("vm_lifespan")});
    groupBy_->setToolTip(tr("Split each instance type further by this label (zone, region or any label); "
                            "empty groups by instance type only"));
    stealThreshold_ = new QDoubleSpinBox;
    stealThreshold_->setRange(0.01, 100);
    stealThreshold_->setValue(5);
    stealThreshold_->setSuffix(QStringLiteral(" %"));
    group_ = new QComboBox;
    auto* refreshButton = new QPushButton(tr("Analyse"));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Metric:")));
    controls->addWidget(metric_);
    controls->addWidget(new QLabel(tr("Group by:")));
    controls->addWidget(groupBy_);
    controls->addWidget(new QLabel(tr("Steal episode ≥")));
    controls->addWidget(stealThreshold_);
    controls->addWidget(refreshButton);
    controls->addStretch();

    cards_ = new QLabel;
    cards_->setWordWrap(true);
    cards_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cards_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    histogramChart_ = charts::makeChart(tr("Node means"));
    ecdfChart_ = charts::makeChart(tr("Node means, cumulative"));
    auto* distribution = new QSplitter(Qt::Horizontal);
    distribution->addWidget(charts::makeView(histogramChart_));
    distribution->addWidget(charts::makeView(ecdfChart_));
    distribution->setSizes({3000, 2000});  // scaled to the real width when first shown
    driftChart_ = charts::makeChart(tr("Drift of long-lived nodes"));
    boxChart_ = charts::makeChart(tr("Runs per node"));
    auto* boxPage = new QWidget;
    auto* boxLayout = new QVBoxLayout(boxPage);
    auto* groupRow = new QHBoxLayout;
    groupRow->addWidget(new QLabel(tr("Group:")));
    groupRow->addWidget(group_, 1);
    boxLayout->addLayout(groupRow);
    boxLayout->addWidget(charts::makeView(boxChart_), 1);
    stealChart_ = charts::makeChart(tr("CPU steal time"));

    calFrom_ = new QComboBox;
    calTo_ = new QComboBox;
    calTarget_ = new QDoubleSpinBox;
    calTarget_->setRange(5, 100);
    calTarget_->setValue(60);
    calTarget_->setSuffix(QStringLiteral(" %"));
    calFromScore_ = new QDoubleSpinBox;
    calToScore_ = new QDoubleSpinBox;
    for (QDoubleSpinBox* s : {calFromScore_, calToScore_}) {
        s->setRange(0, 1e7);
        s->setDecimals(0);
        s->setSpecialValueText(tr("catalog"));
    }
    auto* calButton = new QPushButton(tr("Calibrate"));
    calibrationResult_ = new QLabel;
    calibrationResult_->setWordWrap(true);
    calibrationResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* calBox = new QGroupBox(tr("Calibration from monitoring (cpu.util_pct and http.requests_per_s of the fleet)"));
    auto* calForm = new QFormLayout(calBox);
    calForm->addRow(tr("Fleet's instance type:"), calFrom_);
    calForm->addRow(tr("Per-vCPU score of the fleet's type:"), calFromScore_);
    calForm->addRow(tr("Project onto:"), calTo_);
    calForm->addRow(tr("Per-vCPU score of that type:"), calToScore_);
    calForm->addRow(tr("Plan for CPU utilisation:"), calTarget_);
    calForm->addRow(calButton, calibrationResult_);

    tabs_ = new QTabWidget;
    tabs_->addTab(distribution, tr("Distribution of nodes"));
    tabs_->addTab(charts::makeView(driftChart_), tr("Drift over time"));
    tabs_->addTab(boxPage, tr("Runs per node"));
    tabs_->addTab(charts::makeView(stealChart_), tr("Steal time"));
    tabs_->addTab(calBox, tr("Calibration"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(cards_);
    layout->addWidget(tabs_, 1);

    connect(refreshButton, &QPushButton::clicked, this, &FleetPage::refresh);
    connect(metric_, &QComboBox::currentIndexChanged, this, &FleetPage::refresh);
    connect(group_, &QComboBox::currentIndexChanged, this, &FleetPage::showGroup);
    connect(calButton, &QPushButton::clicked, this, &FleetPage::calibrate);
    connect(context, &AppContext::workspaceChanged, this, &FleetPage::activated);
    connect(context, &AppContext::datasetsChanged, this, &FleetPage::activated);
    connect(context, &AppContext::catalogChanged, this, &FleetPage::fillPickers);
    charts::showMessage(boxChart_, tr("Pick a metric measured on several nodes"));
    charts::showMessage(histogramChart_, tr("Pick a metric measured on several nodes"));
    charts::showMessage(stealChart_, tr("No cpu.steal_pct series yet"));
}

FleetPage::~FleetPage() = default;

void FleetPage::activated()
{
    fillPickers();
    refresh();
}

void FleetPage::fillPickers()
{
    Workspace* ws = context()->workspace();
    if (!ws) return;
    {
        QSignalBlocker block(metric_);
        const QString current = metric_->currentText();
        metric_->clear();
        metric_->addItems(metricsInWorkspace(*ws));
        // First visit: the CPU benchmark, the metric fleets are most often compared on.
        const QString wanted = current.isEmpty() ? QStringLiteral("cpu.events_per_s") : current;
        if (metric_->findText(wanted) >= 0) metric_->setCurrentText(wanted);
    }
    for (QComboBox* box : {calFrom_, calTo_}) {
        const QString current = box->currentText();
        box->clear();
        for (const InstanceType& t : context()->catalog().instanceTypes()) box->addItem(t.key());
        if (box->findText(current) >= 0) box->setCurrentText(current);
    }
}

void FleetPage::refresh()
{
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    const QString metric = metric_->currentText();
    if (!ws || metric.isEmpty()) return;
    const QString label = groupBy_->currentText().trimmed();
    noisy::Options stealOptions;
    stealOptions.thresholdPct = stealThreshold_->value();
    for (QChart* c : {boxChart_, histogramChart_, ecdfChart_, driftChart_}) charts::showMessage(c, tr("Computing…"));
    context()->jobs()->run(
        this, QStringLiteral("refresh"), tr("Fleet homogeneity"),
        [ws, metric, label, stealOptions](JobControl&) {
            auto view = std::make_shared<FleetView>();
            Selection filter;
            filter.metric = metric;
            view->fleet = analysis::analyzeFleet(*ws, filter, label);
            QStringList credits;
            for (const DataLicence& l : dataLicences(*ws)) credits << l.text();
            view->credits = credits.join(QStringLiteral("; "));
            view->steal = analysis::loadStealSeries(*ws, {});
            view->episodes = noisy::detect(view->steal, stealOptions);
            return view;
        },
        [this](std::shared_ptr<FleetView> view) {
            view_ = std::move(view);
            {
                QSignalBlocker block(group_);
                group_->clear();
                for (const auto& g : view_->fleet.groups) group_->addItem(g.group.group);
            }
            QString cards = view_->fleet.groups.empty() ? tr("No measurements of this metric.")
                                                         : fleetCardsHtml(view_->fleet, view_->episodes);
            if (!view_->credits.isEmpty())
                cards += tr("<br><small>Data: %1</small>").arg(view_->credits.toHtmlEscaped());
            cards_->setText(cards);
            charts::fillNodeMeanHistogram(histogramChart_, view_->fleet);
            charts::fillNodeMeanEcdf(ecdfChart_, view_->fleet);
            charts::fillNodeDrift(driftChart_, view_->fleet);
            showGroup(0);
            if (view_->steal.empty()) {
                charts::showMessage(stealChart_, tr("No cpu.steal_pct series imported (sysstat, Prometheus node_exporter)"));
            } else {
                QVector<charts::Line> lines;
                // One node can have several steal series (sysstat and node_exporter of the same host).
                QMap<QString, int> perNode;
                for (const auto& s : view_->steal) ++perNode[s.node];
                for (const auto& s : view_->steal) {
                    const QString name = perNode.value(s.node) > 1 ? tr("%1 (series %2)").arg(s.node).arg(s.id) : s.node;
                    lines << charts::Line{name, downsampleMinMax(s.t, s.v), {}, false};
                }
                const bool absolute = !view_->steal.front().t.empty() && view_->steal.front().t.front() > 1e8;
                charts::setLines(stealChart_, lines, absolute, tr("steal %"), absolute ? QString() : tr("seconds"));
                charts::addHorizontalLine(stealChart_, view_->episodes.thresholdPct, tr("episode threshold"), QColor(220, 80, 60));
            }
            emit refreshed();
        });
}

void FleetPage::showGroup(int index)
{
    if (!view_ || index < 0 || size_t(index) >= view_->fleet.groups.size()) {
        cards_->setText(tr("No measurements of this metric."));
        charts::showMessage(boxChart_, tr("No measurements of this metric"));
        return;
    }
    const auto& a = view_->fleet.groups[size_t(index)];
    const auto& g = a.group;
    const auto& r = a.result;
    if (r.nodes < 2) {
        // One node has no siblings to compare with: a lone box would look like a verdict.
        charts::showMessage(boxChart_, tr("%1 has runs from one node only (group %2). Import runs from two or more "
                                          "nodes of the same instance type (--node, --instance-type) to compare them.")
                                           .arg(r.metric, g.group));
        boxChart_->setTitle(tr("Runs per node"));
        return;
    }
    const auto boxes = boxesOf(g, r);
    charts::setBoxPlots(boxChart_, boxes, r.metric, tr("outlier nodes"));
    boxChart_->setTitle(boxes.size() < int(g.nodes.size()) ? tr("Runs per node of %1 (%2 of %3 nodes: the slowest, the fastest, "
                                                                  "those with ten or more runs and evenly spaced others)")
                                                                 .arg(g.group).arg(boxes.size()).arg(g.nodes.size())
                                                           : tr("Runs per node of %1").arg(g.group));
}

void FleetPage::calibrate()
{
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    if (!ws) return;
    const Catalog catalog = context()->catalog();
    auto from = catalog.find(calFrom_->currentText());
    auto to = catalog.find(calTo_->currentText());
    if (!from || !to) return;
    if (calFromScore_->value() > 0) from->cpuScore = calFromScore_->value();
    if (calToScore_->value() > 0) to->cpuScore = calToScore_->value();
    const double target = calTarget_->value();
    const InstanceType source = *from, dest = *to;
    calibrationResult_->setText(tr("Computing…"));
    context()->jobs()->run(
        this, QStringLiteral("calibrate"), tr("Calibration"),
        [ws, source, dest, target](JobControl&) {
            Selection filter;
            filter.instanceType = source.key();
            calibration::FleetSeries fleet = analysis::loadFleetSeries(*ws, filter);
            fleet.vcpuPerNode = source.vcpu;
            fleet.cpuScore = source.cpuScore;
            const calibration::Demand d = calibration::serviceDemand(fleet, QStringLiteral("workspace"));
            QString text = tr("%1 × %2: mean CPU %3 %, %4 requests/s → %5 ms CPU per request "
                              "(p10 %6, p90 %7 over time).")
                               .arg(fleet.nodes).arg(source.key(), number(d.meanUtilPct), number(d.meanRateRps, 5),
                                                      number(d.pooledMs), number(d.p10Ms), number(d.p90Ms));
            if (source.cpuScore > 0 && dest.cpuScore > 0) {
                const calibration::Projection p = calibration::project(fleet.nodes, d.meanUtilPct, source, dest, target, d.pooledMs);
                text += QStringLiteral(" ") + p.text + tr(" (CPU per request there %1 ms).").arg(number(p.demandOnTargetMs));
            } else {
                text += tr(" Enter per-vCPU scores to project onto %1.").arg(dest.key());
            }
            return text;
        },
        [this](const QString& text) {
            calibrationResult_->setText(text);
            emit calibrated();
        },
        [this](const QString& message) {
            calibrationResult_->setText(message);
            emit calibrated();
        });
}

}  // namespace headroom
