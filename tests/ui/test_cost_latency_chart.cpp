// The cost-against-p95 chart of the Recommend page and the report: points from the short window
// around the peak are drawn apart from the full-day points, in a legend entry of their own.
#include "charts/report_plan_charts.h"

#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QScatterSeries>
#include <gtest/gtest.h>
#include <memory>

using namespace headroom;

namespace {

QXYSeries* seriesNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series())
        if (s->name() == name) return qobject_cast<QXYSeries*>(s);
    return nullptr;
}

TEST(CostLatencyChart, PeakWindowPointsAreHollowInTheirOwnLegendEntry)
{
    QVector<charts::CostLatencyPoint> points;
    charts::CostLatencyPoint window{QStringLiteral("hetzner/CPX31 × 1–5"), 67.86, 20, false, false, false, false};
    charts::CostLatencyPoint cheap{QStringLiteral("hetzner/CPX21 × 1–4"), 80, 90, true, true, true, true};
    charts::CostLatencyPoint fast{QStringLiteral("hetzner/CCX13 × 1–3"), 120, 60, true, true, false, true};
    points << window << cheap << fast;
    const std::unique_ptr<QChart> chart(charts::costVsLatency(points, 100));

    QXYSeries* peak = seriesNamed(chart.get(), charts::peakWindowOnlyName());
    ASSERT_NE(peak, nullptr);
    ASSERT_EQ(peak->count(), 1);
    EXPECT_EQ(peak->at(0), QPointF(67.86, 20));
    auto* scatter = qobject_cast<QScatterSeries*>(peak);
    ASSERT_NE(scatter, nullptr);
    EXPECT_EQ(scatter->brush().style(), Qt::NoBrush) << "hollow markers";
    // Nowhere else: not among the points that meet or miss, not on the front's line.
    for (QAbstractSeries* s : chart->series()) {
        if (s == peak) continue;
        for (const QPointF& at : qobject_cast<QXYSeries*>(s)->points())
            EXPECT_NE(at, QPointF(67.86, 20)) << s->name().toStdString();
    }
    QXYSeries* meets = seriesNamed(chart.get(), QObject::tr("meets the SLO"));
    ASSERT_NE(meets, nullptr);
    EXPECT_EQ(meets->count(), 2);
}

TEST(CostLatencyChart, NoPeakWindowEntryWithoutSuchPoints)
{
    QVector<charts::CostLatencyPoint> points;
    points << charts::CostLatencyPoint{QStringLiteral("aws/c6i.large × 2"), 120, 60, true, true, true, true};
    const std::unique_ptr<QChart> chart(charts::costVsLatency(points, 100));
    EXPECT_EQ(seriesNamed(chart.get(), charts::peakWindowOnlyName()), nullptr);
    EXPECT_NE(seriesNamed(chart.get(), QObject::tr("meets the SLO")), nullptr);
}

TEST(CostLatencyChart, CostsThatSpanDecadesGetALogAxisAndCloseOnesALinearOne)
{
    // A whole-catalog run: full days from $25, a peak window priced at $4,171 a month. On a linear
    // axis every full-day point would sit in the first hundredth of the width.
    QVector<charts::CostLatencyPoint> spread;
    spread << charts::CostLatencyPoint{QStringLiteral("hetzner/CPX21 × 1–9"), 25.03, 463, false, true, false, true}
           << charts::CostLatencyPoint{QStringLiteral("hetzner/CPX21 × 6–9"), 51.98, 55, true, true, true, true}
           << charts::CostLatencyPoint{QStringLiteral("aws/m7i.2xlarge × 9"), 4171, 300, false, false, false, false};
    const std::unique_ptr<QChart> wide(charts::costVsLatency(spread, 300));
    const auto* logCost = qobject_cast<QLogValueAxis*>(wide->axes(Qt::Horizontal).value(0));
    ASSERT_NE(logCost, nullptr);
    EXPECT_LE(logCost->min(), 25.03);
    EXPECT_GE(logCost->max(), 4171);
    EXPECT_TRUE(logCost->titleText().contains(QStringLiteral("log scale")));
    // The SLO line runs across the whole axis, which starts above zero.
    QXYSeries* slo = seriesNamed(wide.get(), QObject::tr("SLO p95 %1 ms").arg(300));
    ASSERT_NE(slo, nullptr);
    EXPECT_DOUBLE_EQ(slo->at(0).x(), logCost->min());
    EXPECT_DOUBLE_EQ(slo->at(1).x(), logCost->max());

    QVector<charts::CostLatencyPoint> close;
    close << spread[0] << spread[1];
    const std::unique_ptr<QChart> narrow(charts::costVsLatency(close, 300));
    const auto* linearCost = qobject_cast<QValueAxis*>(narrow->axes(Qt::Horizontal).value(0));
    ASSERT_NE(linearCost, nullptr);
    EXPECT_EQ(linearCost->min(), 0);
    EXPECT_GE(linearCost->max(), 51.98);
}

}  // namespace
