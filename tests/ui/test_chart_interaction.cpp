// Charts as a meeting uses them: zoom into fifteen minutes of a 24-hour chart (wheel, drag),
// pan, go back to the whole day, read the value under the pointer, and copy or save every chart.
#include "charts/chart_builder.h"
#include "charts/chart_export.h"
#include "charts/interactive_chart_view.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QDateTimeAxis>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

constexpr double kDayStart = 1700000000;  // seconds since the epoch
constexpr double kDay = 86400;

// A day of one-minute points; the value at minute m is m itself, so a read-out is checkable.
QVector<QPointF> minuteRamp()
{
    QVector<QPointF> points;
    for (int m = 0; m <= 1440; ++m) points.append(QPointF(kDayStart + 60.0 * m, m));
    return points;
}

struct DayChart {
    QChart* chart = charts::makeChart(QStringLiteral("p95 latency (ms)"));
    charts::InteractiveChartView* view = nullptr;
    DayChart()
    {
        charts::setLines(chart, {{QStringLiteral("p95"), minuteRamp(), {}, false}}, /*timeAxis=*/true,
                         QStringLiteral("ms"));
        view = qobject_cast<charts::InteractiveChartView*>(charts::makeView(chart));
        view->resize(900, 500);
        view->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(view));
    }
    ~DayChart() { delete view; }
    QDateTimeAxis* axis() const { return qobject_cast<QDateTimeAxis*>(chart->axes(Qt::Horizontal).first()); }
    double spanSeconds() const { return axis()->min().msecsTo(axis()->max()) / 1000.0; }
    // The view position of a value on the line (x in seconds since the epoch).
    QPoint viewPosOf(double x, double y) const
    {
        const QPointF inChart = chart->mapToPosition(QPointF(x * 1000.0, y), chart->series().first());
        return view->mapFromScene(chart->mapToScene(inChart));
    }
    QPoint plotCentre() const { return view->mapFromScene(chart->mapToScene(chart->plotArea().center())); }
};

}  // namespace

TEST(ChartInteraction, EveryViewMadeByTheBuilderIsInteractiveAndExportable)
{
    DayChart day;
    ASSERT_NE(day.view, nullptr) << "makeView must make an InteractiveChartView";
    QStringList texts;
    for (QAction* a : day.view->actions()) texts << a->text();
    EXPECT_EQ(texts, QStringList({QStringLiteral("Copy as image"), QStringLiteral("Save as PNG/SVG…")}));
    // A page that names its own file does not get a second pair of entries.
    charts::addExportActions(day.view, QStringLiteral("latency"));
    EXPECT_EQ(day.view->actions().size(), 2);
    EXPECT_EQ(day.view->property("hr_export_name").toString(), QStringLiteral("latency"));
}

TEST(ChartInteraction, WheelZoomsAroundThePointerAndDoubleClickRestoresTheDay)
{
    DayChart day;
    ASSERT_NEAR(day.spanSeconds(), kDay, 1);
    const QPoint centre = day.plotCentre();
    const QDateTime centreBefore = day.axis()->min().addMSecs(day.axis()->min().msecsTo(day.axis()->max()) / 2);
    // Four notches in: 1.25^4 ≈ 2.44 times narrower, and the value under the pointer stays put.
    QWheelEvent wheel(QPointF(centre), QPointF(day.view->mapToGlobal(centre)), QPoint(), QPoint(0, 4 * 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(day.view->viewport(), &wheel);
    EXPECT_NEAR(day.spanSeconds(), kDay / std::pow(1.25, 4), kDay * 0.01);
    const QDateTime centreAfter = day.axis()->min().addMSecs(day.axis()->min().msecsTo(day.axis()->max()) / 2);
    EXPECT_LT(std::abs(centreBefore.msecsTo(centreAfter)) / 1000.0, kDay * 0.01);
    EXPECT_TRUE(day.chart->isZoomed());

    QTest::mouseDClick(day.view->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
    EXPECT_NEAR(day.spanSeconds(), kDay, 1);
    EXPECT_FALSE(day.chart->isZoomed());
}

TEST(ChartInteraction, DraggingSelectsTheSpike)
{
    DayChart day;
    // The 3 p.m. spike: from minute 900 to minute 915 of the day.
    const QPoint from = day.viewPosOf(kDayStart + 900 * 60, 900);
    const QPoint to = day.viewPosOf(kDayStart + 915 * 60, 915);
    QTest::mousePress(day.view->viewport(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(day.view->viewport(), to);
    QTest::mouseRelease(day.view->viewport(), Qt::LeftButton, Qt::NoModifier, to);
    // Pixel rounding at a 1,440-minute scale is about two minutes either side.
    EXPECT_NEAR(day.spanSeconds(), 15 * 60, 240);
    const double startMinute = (day.axis()->min().toMSecsSinceEpoch() / 1000.0 - kDayStart) / 60;
    EXPECT_NEAR(startMinute, 900, 3);

    // Shift+drag pans: moving the pointer right shows earlier minutes, the span unchanged.
    const double spanBefore = day.spanSeconds();
    const QPoint mid = day.plotCentre();
    QTest::mousePress(day.view->viewport(), Qt::LeftButton, Qt::ShiftModifier, mid);
    QTest::mouseMove(day.view->viewport(), mid + QPoint(100, 0));
    QTest::mouseRelease(day.view->viewport(), Qt::LeftButton, Qt::ShiftModifier, mid + QPoint(100, 0));
    const double startAfterPan = (day.axis()->min().toMSecsSinceEpoch() / 1000.0 - kDayStart) / 60;
    EXPECT_LT(startAfterPan, startMinute - 1);
    EXPECT_NEAR(day.spanSeconds(), spanBefore, 1);

    // Escape goes back to the whole day.
    day.view->setFocus();
    QTest::keyClick(day.view, Qt::Key_Escape);
    EXPECT_NEAR(day.spanSeconds(), kDay, 1);
}

TEST(ChartInteraction, ReadoutNamesTheValueUnderThePointer)
{
    DayChart day;
    day.view->zoomAround(day.plotCentre().x(), 8);  // minutes far enough apart to point at one
    const double minute = std::round((day.axis()->min().toMSecsSinceEpoch() / 1000.0 - kDayStart) / 60) + 20;
    const QString text = day.view->readoutAt(day.viewPosOf(kDayStart + minute * 60, minute));
    const QString expectedTime = QDateTime::fromMSecsSinceEpoch(qint64((kDayStart + minute * 60) * 1000))
                                     .toString(day.axis()->format());
    EXPECT_TRUE(text.startsWith(expectedTime)) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("p95: %1").arg(minute))) << text.toStdString();
    // Outside the plot area there is nothing to read.
    EXPECT_TRUE(day.view->readoutAt(QPoint(1, 1)).isEmpty());
}

TEST(ChartInteraction, CategoryChartsDoNotZoom)
{
    QChart* chart = charts::makeChart(QStringLiteral("nodes"));
    auto* axis = new QBarCategoryAxis;
    axis->append(QStringList{QStringLiteral("a"), QStringLiteral("b")});
    chart->addAxis(axis, Qt::AlignBottom);
    auto* view = qobject_cast<charts::InteractiveChartView*>(charts::makeView(chart));
    ASSERT_NE(view, nullptr);
    EXPECT_FALSE(view->zoomable());
    view->zoomAround(10, 4);
    EXPECT_FALSE(chart->isZoomed());
    delete view;
}
