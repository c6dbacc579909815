#include "fleet_charts.h"

#include "chart_builder.h"
#include "downsample.h"

#include <QObject>
#include <algorithm>

namespace headroom::charts {

namespace {

constexpr int kMaxGroups = 8;  // more lines than this cannot be told apart

QString axisTitle(const analysis::FleetAnalysis& fleet)
{
    return fleet.unit.isEmpty() ? QObject::tr("node mean of %1").arg(fleet.metric)
                                : QObject::tr("node mean of %1 (%2)").arg(fleet.metric, fleet.unit);
}

QString legendName(const analysis::FleetGroupAnalysis& g)
{
    return g.result.nodes == 1 ? QObject::tr("%1 (1 node)").arg(g.group.group)
                               : QObject::tr("%1 (%2 nodes)").arg(g.group.group).arg(g.result.nodes);
}

}  // namespace

void fillNodeMeanHistogram(QChart* chart, const analysis::FleetAnalysis& fleet)
{
    QVector<Line> lines;
    for (const auto& g : fleet.groups) {
        if (lines.size() == kMaxGroups || g.histogram.empty() || g.result.nodes < 2) continue;  // a lone node is no distribution
        // A step line: flat across each bin at the share of the group's nodes in it.
        QVector<QPointF> steps;
        for (size_t i = 0; i < g.histogram.size(); ++i) {
            const double share = 100.0 * g.histogram[i] / g.result.nodes;
            const double x0 = fleet.binLow + double(i) * fleet.binWidth;
            steps << QPointF(x0, share) << QPointF(x0 + fleet.binWidth, share);
        }
        lines << Line{legendName(g), steps, {}, false};
    }
    if (lines.isEmpty()) {
        showMessage(chart, QObject::tr("No group has two or more nodes of %1 to compare").arg(fleet.metric));
        return;
    }
    setLines(chart, lines, false, QObject::tr("% of the group's nodes"), axisTitle(fleet));
    chart->legend()->setVisible(true);
    chart->setTitle(QObject::tr("Node means of %1, %2 bins shared by all groups").arg(fleet.metric).arg(fleet.bins));
}

void fillNodeMeanEcdf(QChart* chart, const analysis::FleetAnalysis& fleet)
{
    QVector<Line> lines;
    for (const auto& g : fleet.groups) {
        if (lines.size() == kMaxGroups || g.sortedMeans.size() < 2) continue;
        const size_t n = g.sortedMeans.size();
        const size_t step = std::max<size_t>(1, n / 600);
        QVector<QPointF> pts;
        for (size_t i = 0; i < n; i += step) pts << QPointF(g.sortedMeans[i], 100.0 * double(i + 1) / double(n));
        pts << QPointF(g.sortedMeans.back(), 100.0);
        lines << Line{legendName(g), pts, {}, false};
    }
    if (lines.isEmpty()) {
        showMessage(chart, QObject::tr("No group has two or more nodes of %1 to compare").arg(fleet.metric));
        return;
    }
    setLines(chart, lines, false, QObject::tr("% of nodes at or below"), axisTitle(fleet));
    chart->legend()->setVisible(true);
    chart->setTitle(QObject::tr("Node means of %1, cumulative").arg(fleet.metric));
}

void fillNodeDrift(QChart* chart, const analysis::FleetAnalysis& fleet)
{
    QVector<Line> lines;
    for (const auto& g : fleet.groups)
        for (const auto& d : g.drift) {
            if (lines.size() == kMaxGroups) break;
            std::vector<double> pct;
            pct.reserve(d.v.size());
            for (double v : d.v) pct.push_back(d.mean != 0 ? 100.0 * (v / d.mean - 1) : 0);
            lines << Line{QObject::tr("%1 %2 (%3 runs)").arg(g.group.group, d.node).arg(d.runs), downsampleMinMax(d.t, pct, 300),
                          {}, false};
        }
    chart->setTitle(QObject::tr("Drift of long-lived nodes: each run of %1 against the node's own mean").arg(fleet.metric));
    if (lines.isEmpty()) {
        showMessage(chart, QObject::tr("No node ran %1 ten or more times with start times, so drift over time cannot be shown.")
                               .arg(fleet.metric));
        return;
    }
    setLines(chart, lines, true, QObject::tr("% from the node's mean"), QString());
    chart->legend()->setVisible(true);
}

QChart* nodeMeanHistogram(const analysis::FleetAnalysis& fleet)
{
    QChart* chart = makeChart(QString());
    fillNodeMeanHistogram(chart, fleet);
    return chart;
}

QChart* nodeDrift(const analysis::FleetAnalysis& fleet)
{
    QChart* chart = makeChart(QString());
    fillNodeDrift(chart, fleet);
    return chart;
}

}  // namespace headroom::charts
