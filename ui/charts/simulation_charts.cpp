#include "simulation_charts.h"

#include "chart_builder.h"
#include "chart_export.h"
#include "downsample.h"
#include "sim/simulator.h"

#include <QChartView>
#include <QGridLayout>
#include <functional>

namespace headroom {

namespace {

// Long runs are drawn in hours, short ones in minutes, so the axis reads in round numbers.
struct TimeScale {
    double divisor;
    QString title;
};

TimeScale timeScaleFor(double durationS)
{
    if (durationS > 3 * 3600) return {3600, QObject::tr("hours since start")};
    return {60, QObject::tr("minutes since start")};
}

// One line from the mean series; `keep` drops intervals whose value means nothing (latency of an
// interval in which nothing completed). Downsampled so a week at 60 s stays light for Qt Charts.
QVector<QPointF> lineOf(const std::vector<IntervalPoint>& series, const TimeScale& scale,
                        const std::function<double(const IntervalPoint&)>& value,
                        const std::function<bool(const IntervalPoint&)>& keep = {})
{
    std::vector<double> t, v;
    t.reserve(series.size());
    v.reserve(series.size());
    for (const IntervalPoint& p : series) {
        if (keep && !keep(p)) continue;
        t.push_back(p.tS / scale.divisor);
        v.push_back(value(p));
    }
    return downsampleMinMax(t, v);
}

QChartView* addChart(QWidget* parent, QGridLayout* grid, int row, int column, const QString& title, const QString& exportName)
{
    QChartView* view = charts::makeView(charts::makeChart(title), parent);
    charts::addExportActions(view, exportName);
    grid->addWidget(view, row, column);
    return view;
}

}  // namespace

SimulationCharts::SimulationCharts(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    latency_ = addChart(this, grid, 0, 0, tr("Latency percentiles"), QStringLiteral("simulation-latency"));
    nodes_ = addChart(this, grid, 0, 1, tr("Nodes"), QStringLiteral("simulation-nodes"));
    utilisation_ = addChart(this, grid, 1, 0, tr("Utilisation"), QStringLiteral("simulation-utilisation"));
    credit_ = addChart(this, grid, 1, 1, tr("Lowest CPU credit balance"), QStringLiteral("simulation-credits"));
    credit_->setVisible(false);
    showMessage(tr("Run a simulation to see latency, nodes and utilisation over time."));
}

void SimulationCharts::showResult(const SimulationResult& result, double sloP95Ms, bool burstable)
{
    const auto& s = result.timeseries;
    if (s.empty()) {
        showMessage(tr("The run kept no time series."));
        return;
    }
    const TimeScale scale = timeScaleFor(result.durationS);
    auto completed = [](const IntervalPoint& p) { return p.completed > 0; };

    charts::setLines(latency_->chart(),
                     {charts::Line{tr("p50"), lineOf(s, scale, [](const IntervalPoint& p) { return p.p50Ms; }, completed), QColor(), false},
                      charts::Line{tr("p95"), lineOf(s, scale, [](const IntervalPoint& p) { return p.p95Ms; }, completed), QColor(), false},
                      charts::Line{tr("p99"), lineOf(s, scale, [](const IntervalPoint& p) { return p.p99Ms; }, completed), QColor(), false}},
                     false, tr("ms"), scale.title);
    if (sloP95Ms > 0) charts::addHorizontalLine(latency_->chart(), sloP95Ms, tr("SLO p95"), QColor(0xc6, 0x28, 0x28));

    charts::setLines(nodes_->chart(),
                     {charts::Line{tr("desired"), lineOf(s, scale, [](const IntervalPoint& p) { return p.nodesDesired; }), QColor(), true},
                      charts::Line{tr("ready"), lineOf(s, scale, [](const IntervalPoint& p) { return p.nodesReady; }), QColor(), false},
                      charts::Line{tr("healthy"), lineOf(s, scale, [](const IntervalPoint& p) { return p.nodesHealthy; }), QColor(), false}},
                     false, tr("nodes"), scale.title);

    charts::setLines(utilisation_->chart(),
                     {charts::Line{tr("vCPU busy"), lineOf(s, scale, [](const IntervalPoint& p) { return p.utilization * 100; }), QColor(), false},
                      charts::Line{tr("workers busy"), lineOf(s, scale, [](const IntervalPoint& p) { return p.workerUtilization * 100; }), QColor(), false}},
                     false, tr("%"), scale.title);

    // Credits mean something only on burstable types; elsewhere the chart would be a flat zero.
    credit_->setVisible(burstable);
    if (burstable)
        charts::setLines(credit_->chart(),
                         {charts::Line{tr("lowest balance of any node"),
                                       lineOf(s, scale, [](const IntervalPoint& p) { return p.creditBalanceMin; }), QColor(), false}},
                         false, tr("credits (vCPU-minutes)"), scale.title);
}

void SimulationCharts::showMessage(const QString& text)
{
    for (QChartView* view : {latency_, nodes_, utilisation_, credit_}) charts::showMessage(view->chart(), text);
}

QChart* SimulationCharts::latencyChart() const { return latency_->chart(); }
QChart* SimulationCharts::nodesChart() const { return nodes_->chart(); }
QChart* SimulationCharts::utilisationChart() const { return utilisation_->chart(); }
QChart* SimulationCharts::creditChart() const { return credit_->chart(); }
bool SimulationCharts::creditChartShown() const { return !credit_->isHidden(); }

}  // namespace headroom
