#include "report_plan_charts.h"

#include "chart_builder.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace headroom::charts {

namespace {
const QColor kMeets(0x4c, 0x9a, 0x2a), kFails(0x9a, 0x9a, 0x9a), kFront(0x1f, 0x5f, 0x9f), kSlo(0xc0, 0x39, 0x2b),
    kWinner(0xe6, 0x7e, 0x22), kWindow(0x80, 0x80, 0x80);

// A linear axis from zero, or a log axis when the values span more than `spread` times (lo > 0):
// within one decade a linear axis labels better, across several a log axis keeps both ends
// readable.
QAbstractAxis* spreadAxis(double lo, double hi, double spread, const QString& name, const QString& unit)
{
    if (lo > 0 && lo < hi && hi / lo > spread) {
        auto* log = new QLogValueAxis;
        log->setBase(10);
        log->setRange(std::max(0.1, lo * 0.7), hi * 1.4);
        log->setTitleText(QObject::tr("%1 (%2, log scale)").arg(name, unit));
        log->setLabelFormat(QStringLiteral("%g"));
        log->setMinorTickCount(-1);
        return log;
    }
    auto* linear = new QValueAxis;
    linear->setRange(0, hi > 0 ? hi * 1.1 : 1);
    roundTicks(linear);
    linear->setTitleText(QStringLiteral("%1 (%2)").arg(name, unit));
    linear->setLabelFormat(QStringLiteral("%g"));
    return linear;
}

double axisMin(const QAbstractAxis* a)
{
    if (auto* log = qobject_cast<const QLogValueAxis*>(a)) return log->min();
    return static_cast<const QValueAxis*>(a)->min();
}

double axisMax(const QAbstractAxis* a)
{
    if (auto* log = qobject_cast<const QLogValueAxis*>(a)) return log->max();
    return static_cast<const QValueAxis*>(a)->max();
}

}  // namespace

QString peakWindowOnlyName()
{
    return QObject::tr("peak window only:<br>cost and p95 of the busiest<br>minutes, not of the day");
}

QChart* costVsLatency(const QVector<CostLatencyPoint>& points, double sloMs)
{
    QChart* chart = makeChart(QObject::tr("Monthly cost against p95 latency"));
    auto* meets = new QScatterSeries;
    meets->setName(QObject::tr("meets the SLO"));
    auto* fails = new QScatterSeries;
    fails->setName(QObject::tr("misses the SLO"));
    auto* winner = new QScatterSeries;
    winner->setName(QObject::tr("recommended"));
    auto* front = new QLineSeries;
    front->setName(QObject::tr("Pareto front (full-day runs)"));
    auto* window = new QScatterSeries;
    window->setName(peakWindowOnlyName());
    window->setMarkerSize(7);
    window->setBrush(Qt::NoBrush);  // hollow: figures of another kind than the filled points
    window->setPen(QPen(kWindow, 1.3));
    for (auto* s : {meets, fails}) {
        s->setMarkerSize(6);
        s->setPen(Qt::NoPen);
    }
    meets->setColor(kMeets);
    fails->setColor(kFails);
    winner->setMarkerSize(12);
    winner->setColor(kWinner);
    winner->setBorderColor(Qt::black);
    front->setPen(QPen(kFront, 1.2));
    double xMax = 0, xMin = std::numeric_limits<double>::max(), yMax = sloMs, yMin = std::numeric_limits<double>::max();
    QVector<QPointF> frontPoints;
    for (const CostLatencyPoint& p : points) {
        if (!std::isfinite(p.p95Ms) || !std::isfinite(p.costPerMonthUsd)) continue;
        const QPointF at(p.costPerMonthUsd, p.p95Ms);
        (!p.fullLength ? window : p.meetsSlo ? meets : fails)->append(at);
        if (p.winner) winner->append(at);
        if (p.onFront) frontPoints << at;
        xMax = std::max(xMax, p.costPerMonthUsd);
        xMin = std::min(xMin, p.costPerMonthUsd);
        yMax = std::max(yMax, p.p95Ms);
        yMin = std::min(yMin, p.p95Ms);
    }
    std::sort(frontPoints.begin(), frontPoints.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    front->replace(frontPoints);
    // Costs span decades too once the peak-window points are there (a fleet sized for the peak
    // and priced for a month): on a linear axis every full-day point would sit in the first tenth.
    QAbstractAxis* x = spreadAxis(xMin, xMax, 10, QObject::tr("cost per month"), QStringLiteral("USD"));
    // p95 can span decades between an overloaded fleet and an idle one.
    QAbstractAxis* y = spreadAxis(yMin, yMax, 20, QStringLiteral("p95"), QStringLiteral("ms"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{front, window, fails, meets, winner}) {
        if (s == window && window->count() == 0) {
            delete window;  // no legend entry for points that are not there
            continue;
        }
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (sloMs > 0) {
        auto* slo = new QLineSeries;
        slo->setName(QObject::tr("SLO p95 %1 ms").arg(sloMs));
        slo->append(axisMin(x), sloMs);
        slo->append(axisMax(x), sloMs);
        slo->setPen(QPen(kSlo, 1.2, Qt::DashLine));
        chart->addSeries(slo);
        slo->attachAxis(x);
        slo->attachAxis(y);
    }
    // One entry a line at the side: in a row below, six entries would each be cut to a word.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);  // hollow circles look hollow there too
    chart->legend()->setVisible(true);
    return chart;
}

QChart* tornado(const QVector<TornadoBar>& input, double baseP95Ms, double sloMs, bool peakWindow)
{
    QChart* chart = makeChart(peakWindow ? QObject::tr("Sensitivity of the recommended configuration (p95 around the traffic peak)")
                                         : QObject::tr("Sensitivity of the recommended configuration (p95)"));
    QVector<TornadoBar> bars = input;
    // Widest swing on top; a horizontal bar series draws its first category at the bottom.
    std::sort(bars.begin(), bars.end(), [&](const TornadoBar& a, const TornadoBar& b) {
        return std::abs(a.p95Ms - baseP95Ms) < std::abs(b.p95Ms - baseP95Ms);
    });
    auto* series = new QHorizontalStackedBarSeries;
    auto* up = new QBarSet(QObject::tr("slower than the base"));
    auto* down = new QBarSet(QObject::tr("faster than the base"));
    up->setColor(kSlo);
    down->setColor(kMeets);
    QStringList labels;
    double span = 1;
    for (const TornadoBar& b : bars) {
        const double delta = b.p95Ms - baseP95Ms;
        up->append(delta > 0 ? delta : 0);
        down->append(delta < 0 ? delta : 0);
        labels << QStringLiteral("%1 (%2 ms)").arg(b.label).arg(b.p95Ms, 0, 'f', 1);
        span = std::max(span, std::abs(delta));
    }
    series->append(up);
    series->append(down);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(labels);
    y->setTruncateLabels(false);  // the case names are the point of the chart
    auto* x = new QValueAxis;
    x->setRange(-span * 1.1, span * 1.1);
    roundTicks(x);
    x->setTitleText(QObject::tr("change of p95 from the base %1 ms (ms)%2")
                        .arg(baseP95Ms, 0, 'f', 1)
                        .arg(sloMs > 0 ? QObject::tr("; SLO %1 ms").arg(sloMs) : QString()));
    x->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->setVisible(true);
    return chart;
}

}  // namespace headroom::charts
