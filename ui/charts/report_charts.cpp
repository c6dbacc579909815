#include "report_charts.h"

#include "chart_builder.h"
#include "downsample.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QHorizontalStackedBarSeries>
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

double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const size_t lo = size_t(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

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
    auto* series = new QBoxPlotSeries;
    QStringList labels;
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const NodeBox& b : boxes) {
        if (b.values.empty()) continue;
        auto* set = new QBoxSet(b.node);
        const auto [mn, mx] = std::minmax_element(b.values.begin(), b.values.end());
        set->setValue(QBoxSet::LowerExtreme, *mn);
        set->setValue(QBoxSet::LowerQuartile, quantile(b.values, 0.25));
        set->setValue(QBoxSet::Median, quantile(b.values, 0.5));
        set->setValue(QBoxSet::UpperQuartile, quantile(b.values, 0.75));
        set->setValue(QBoxSet::UpperExtreme, *mx);
        set->setBrush(b.outlier ? QColor(0xe7, 0x8a, 0x80) : QColor(0x9c, 0xbd, 0xe0));
        set->setPen(QPen(b.outlier ? QColor(0xc0, 0x39, 0x2b) : QColor(0x1f, 0x5f, 0x9f), 0.8));
        series->append(set);
        labels << b.node;
        lo = std::min(lo, *mn);
        hi = std::max(hi, *mx);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    x->setLabelsAngle(labels.size() > 6 ? -45 : 0);
    auto* y = new QValueAxis;
    if (lo <= hi) {
        const double pad = std::max((hi - lo) * 0.08, std::abs(hi) * 0.01);
        y->setRange(lo - pad, hi + pad);
    }
    y->setTitleText(yTitle);
    y->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(false);
    return chart;
}

QChart* leadTimePhases(const QStringList& phases, const QVector<PhaseBar>& bars)
{
    QChart* chart = makeChart(QObject::tr("Scale-out lead time by phase"));
    auto* series = new QHorizontalStackedBarSeries;
    const QColor palette[] = {QColor(0x1f, 0x5f, 0x9f), QColor(0x4c, 0x9a, 0x2a), QColor(0xe6, 0x7e, 0x22),
                              QColor(0x8e, 0x44, 0xad), QColor(0x16, 0xa0, 0x85), QColor(0xc0, 0x39, 0x2b),
                              QColor(0x7f, 0x8c, 0x8d), QColor(0xd4, 0xac, 0x0d), QColor(0x2c, 0x3e, 0x50)};
    double total = 0;
    for (int i = 0; i < phases.size(); ++i) {
        auto* set = new QBarSet(phases[i]);
        set->setColor(palette[i % 9]);
        set->setBorderColor(Qt::white);
        for (const PhaseBar& bar : bars) set->append(bar.seconds.value(i));
        series->append(set);
    }
    QStringList labels;
    for (const PhaseBar& bar : bars) {
        labels << bar.label;
        double sum = 0;
        for (double s : bar.seconds) sum += s;
        total = std::max(total, sum);
    }
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(labels);
    auto* x = new QValueAxis;
    x->setRange(0, total > 0 ? total * 1.05 : 1);
    x->setTitleText(QObject::tr("seconds from the scaling decision"));
    x->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

}  // namespace headroom::charts
