#include "report_charts.h"

#include "box_plot_chart.h"
#include "chart_builder.h"
#include "downsample.h"
#include "stacked_bar_chart.h"

#include <QBarCategoryAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace headroom::charts {

namespace {

// Time series points in minutes, downsampled (min/max per bucket) for long runs.
QVector<QPointF> minutes(const std::vector<IntervalPoint>& series, double IntervalPoint::*field, double scale = 1)
{
    std::vector<double> t, v;
    t.reserve(series.size());
    v.reserve(series.size());
    for (const IntervalPoint& p : series) {
        t.push_back(p.tS / 60.0);
        v.push_back(p.*field * scale);
    }
    if (t.size() <= 1000) {
        QVector<QPointF> out;
        for (size_t i = 0; i < t.size(); ++i) out << QPointF(t[i], v[i]);
        return out;
    }
    return downsampleMinMax(t, v, 500);
}

const QColor kP50(0x4c, 0x9a, 0x2a), kP95(0x1f, 0x5f, 0x9f), kP99(0x8e, 0x44, 0xad), kSlo(0xc0, 0x39, 0x2b);

}  // namespace

QChart* latencyVsSlo(const std::vector<IntervalPoint>& series, double sloMs, double warmupS)
{
    QChart* chart = makeChart(QObject::tr("Latency per interval vs SLO"));
    setLines(chart,
             {Line{QStringLiteral("p50"), minutes(series, &IntervalPoint::p50Ms), kP50},
              Line{QStringLiteral("p95"), minutes(series, &IntervalPoint::p95Ms), kP95},
              Line{QStringLiteral("p99"), minutes(series, &IntervalPoint::p99Ms), kP99}},
             false, QObject::tr("latency (ms)"), QObject::tr("time (min)"));
    if (sloMs > 0) addHorizontalLine(chart, sloMs, QObject::tr("SLO p95 %1 ms").arg(sloMs), kSlo);
    if (warmupS > 0) {
        // A dotted vertical line where the warm-up ends: intervals before it are not scored.
        const auto vertical = chart->axes(Qt::Vertical);
        const auto horizontal = chart->axes(Qt::Horizontal);
        if (!vertical.isEmpty() && !horizontal.isEmpty()) {
            auto* axis = qobject_cast<QValueAxis*>(vertical.first());
            auto* marker = new QLineSeries;
            marker->setName(QObject::tr("end of warm-up"));
            marker->append(warmupS / 60.0, 0);
            marker->append(warmupS / 60.0, axis ? axis->max() : 1);
            marker->setPen(QPen(Qt::gray, 1.0, Qt::DotLine));
            chart->addSeries(marker);
            marker->attachAxis(horizontal.first());
            marker->attachAxis(vertical.first());
        }
    }
    return chart;
}

QChart* nodeCounts(const std::vector<IntervalPoint>& series)
{
    QChart* chart = makeChart(QObject::tr("Nodes: desired, ready and healthy"));
    setLines(chart,
             {Line{QObject::tr("desired"), minutes(series, &IntervalPoint::nodesDesired), QColor(0x7f, 0x7f, 0x7f), true},
              Line{QObject::tr("ready"), minutes(series, &IntervalPoint::nodesReady), kP95},
              Line{QObject::tr("healthy"), minutes(series, &IntervalPoint::nodesHealthy), kP50}},
             false, QObject::tr("nodes"), QObject::tr("time (min)"));
    return chart;
}

QChart* utilisation(const std::vector<IntervalPoint>& series)
{
    QChart* chart = makeChart(QObject::tr("Utilisation of the ready nodes"));
    setLines(chart,
             {Line{QObject::tr("vCPU busy"), minutes(series, &IntervalPoint::utilization, 100), kP95},
              Line{QObject::tr("workers busy"), minutes(series, &IntervalPoint::workerUtilization, 100), kP99, true}},
             false, QObject::tr("utilisation (%)"), QObject::tr("time (min)"));
    return chart;
}

QChart* creditBalance(const std::vector<IntervalPoint>& series)
{
    QChart* chart = makeChart(QObject::tr("Lowest CPU credit balance of any node"));
    setLines(chart, {Line{QObject::tr("credits"), minutes(series, &IntervalPoint::creditBalanceMin), kP50}}, false,
             QObject::tr("credits (vCPU-minutes)"), QObject::tr("time (min)"));
    return chart;
}

QChart* nodeBoxPlot(const QString& title, const QVector<NodeBox>& boxes, const QString& yTitle)
{
    QChart* chart = makeChart(title);
    QVector<Box> five;
    for (const NodeBox& b : boxes) {
        if (b.values.empty()) continue;
        Box box = boxOf(b.node, b.values);
        box.highlighted = b.outlier;
        five << box;
    }
    setBoxPlots(chart, five, yTitle, QObject::tr("outlier nodes"));
    chart->legend()->setVisible(false);
    return chart;
}

QChart* leadTimePhases(const QStringList& phases, const QVector<PhaseBar>& bars)
{
    QChart* chart = makeChart(QObject::tr("Scale-out lead time by phase"));
    QStringList labels;
    QVector<QVector<double>> seconds(phases.size());  // per phase, one value per bar
    for (const PhaseBar& bar : bars) {
        labels << bar.label;
        for (qsizetype i = 0; i < phases.size(); ++i) seconds[i] << bar.seconds.value(i);
    }
    setStackedBars(chart, labels, phases, seconds, QObject::tr("seconds from the scaling decision"));
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal))
        if (auto* x = qobject_cast<QValueAxis*>(axis)) x->setLabelFormat(QStringLiteral("%g"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

}  // namespace headroom::charts
