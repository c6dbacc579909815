// The Compare page: candidates side by side from short simulations, what-if sliders that
// change the answer, presenter mode, and charts saved for slides.
#include "app_context.h"
#include "catalog/catalog.h"
#include "charts/chart_export.h"
#include "pages/compare_page.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "job_runner.h"

#include <QApplication>
#include <QChartView>
#include <QValueAxis>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <cmath>

using namespace headroom;

namespace {

Scenario fleet(const QString& type, int nodes)
{
    Scenario s;
    s.name = QStringLiteral("compare");
    s.durationS = 600;
    s.warmupS = 60;
    s.replications = 1;
    s.traffic.rateRps = 150;
    s.service.cpuMs = Distribution::exponential(20);
    s.cluster.instanceTypeKey = type;
    s.cluster.nodes = nodes;
    s.cluster.balancer = Balancer::Random;
    Slo slo;
    slo.latencyP95Ms = 120;
    s.slo = slo;
    return s;
}

struct Fixture {
    QTemporaryDir dir;
    AppContext context;
    Fixture()
    {
        auto ws = Workspace::open(dir.filePath(QStringLiteral("compare.headroom")));
        Catalog::seedShipped(*ws);
        context.setWorkspace(std::move(ws));
    }
};

TEST(ComparePage, CardsHoldCostAndLatencyAndSlidersChangeThem)
{
    Fixture fx;
    ComparePage page(&fx.context);
    QSignalSpy evaluated(&page, &ComparePage::evaluated);
    page.addCandidate({QStringLiteral("2 × aws/c6i.large"), fleet(QStringLiteral("aws/c6i.large"), 2)});
    page.addCandidate({QStringLiteral("1 × hetzner/CX32"), fleet(QStringLiteral("hetzner/CX32"), 1)});
    ASSERT_TRUE(evaluated.wait(60000));
    ASSERT_EQ(page.figures().size(), 2);
    // A fixed fleet costs its nodes for 730 h: 2 × 0.085 USD/h × 730 = 124.10; one CX32 hits its
    // 6.80 EUR monthly cap, 7.344 USD at the catalog's 1.08.
    EXPECT_NEAR(page.figures()[0].costPerMonthUsd, 124.10, 0.01);
    EXPECT_NEAR(page.figures()[1].costPerMonthUsd, 6.80 * 1.08, 0.01);
    const double p95Before = page.figures()[0].p95Ms;
    EXPECT_GT(p95Before, 20.0);  // at least the CPU time itself
    EXPECT_FALSE(page.figures()[0].p95Series.isEmpty());
    // The catalog marks c6i.large's vCPUs dedicated and CX32's shared (noisy neighbours).
    EXPECT_TRUE(page.figures()[0].homogeneityRisk.startsWith(QStringLiteral("low")));
    EXPECT_TRUE(page.figures()[1].homogeneityRisk.startsWith(QStringLiteral("medium")));

    WhatIf w;
    w.traffic = 1.8;  // 270 requests/s of 20 ms on two 2-vCPU nodes: 1.35 Erlangs per node, queueing
    page.setWhatIf(w);
    ASSERT_TRUE(evaluated.wait(60000));
    EXPECT_GT(page.figures()[0].p95Ms, p95Before);
}

// A slider move shows the analytic estimate at once, marked as one, and the simulation replaces it.
TEST(ComparePage, EstimateComesFirstAndTheSimulationReplacesIt)
{
    Fixture fx;
    ComparePage page(&fx.context);
    QSignalSpy estimated(&page, &ComparePage::estimated);
    QSignalSpy evaluated(&page, &ComparePage::evaluated);
    page.addCandidate({QStringLiteral("2 × aws/c6i.large"), fleet(QStringLiteral("aws/c6i.large"), 2)});
    ASSERT_TRUE(evaluated.wait(60000));
    ASSERT_GE(estimated.count(), 1);
    const CompareFigures simulated = page.figures()[0];
    EXPECT_FALSE(simulated.estimate);

    estimated.clear();
    evaluated.clear();
    WhatIf w;
    // 225 requests/s of 20 ms: 4.5 vCPU-seconds a second for two c6i.large, whose two
    // hyper-threads deliver about 1.02 vCPUs each under load (the catalog's CPU scores).
    w.traffic = 1.5;
    page.setWhatIf(w);
    ASSERT_TRUE(estimated.wait(5000));
    EXPECT_TRUE(page.figures()[0].estimate);
    EXPECT_TRUE(std::isinf(page.figures()[0].p95Ms)) << "an overloaded fleet has no steady p95";
    ASSERT_TRUE(evaluated.wait(60000));

    estimated.clear();
    evaluated.clear();
    w.traffic = 0.5;  // 75 requests/s: 1.5 of about 2.04 vCPUs, 74 % busy
    page.setWhatIf(w);
    ASSERT_TRUE(estimated.wait(5000));
    EXPECT_EQ(evaluated.count(), 0);  // the estimate does not wait for the simulation
    const CompareFigures first = page.figures()[0];
    EXPECT_TRUE(first.estimate);
    EXPECT_TRUE(std::isnan(first.attainment));
    EXPECT_NEAR(first.costPerMonthUsd, 124.10, 0.01);  // a fixed fleet costs the same either way
    EXPECT_GT(first.p95Ms, 20.0);
    EXPECT_TRUE(std::isfinite(first.p95Ms));
    ASSERT_TRUE(evaluated.wait(60000));
    const CompareFigures then = page.figures()[0];
    EXPECT_FALSE(then.estimate);
    EXPECT_FALSE(std::isnan(then.attainment));
    // The M/M/c estimate and the simulation of the same load agree on the order of magnitude.
    EXPECT_GT(first.p95Ms / then.p95Ms, 0.5);
    EXPECT_LT(first.p95Ms / then.p95Ms, 2.0);
}

TEST(ComparePage, KeepsAtMostFourAndPresenterModeToggles)
{
    Fixture fx;
    ComparePage page(&fx.context);
    for (int n = 1; n <= 5; ++n)
        page.addCandidate({QStringLiteral("%1 × aws/c6i.large").arg(n), fleet(QStringLiteral("aws/c6i.large"), n)});
    EXPECT_EQ(page.candidateCount(), ComparePage::kMaxCandidates);
    page.setPresenterMode(true);
    EXPECT_TRUE(page.presenterMode());
    page.setPresenterMode(false);
    EXPECT_FALSE(page.presenterMode());
    fx.context.jobs()->cancelAll();
    fx.context.jobs()->waitForAll();
}

TEST(ComparePage, ChartsSaveAsPngAndSvg)
{
    Fixture fx;
    ComparePage page(&fx.context);
    QSignalSpy evaluated(&page, &ComparePage::evaluated);
    page.addCandidate({QStringLiteral("2 × aws/c6i.large"), fleet(QStringLiteral("aws/c6i.large"), 2)});
    ASSERT_TRUE(evaluated.wait(60000));
    const QList<QChartView*> views = page.findChildren<QChartView*>();
    ASSERT_FALSE(views.isEmpty());
    QTemporaryDir out;
    const QString png = out.filePath(QStringLiteral("p95.png")), svg = out.filePath(QStringLiteral("p95.svg"));
    ASSERT_TRUE(charts::saveChart(views.first(), png));
    ASSERT_TRUE(charts::saveChart(views.first(), svg));
    const QImage image(png);
    EXPECT_GE(image.width(), 640);
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().contains("<svg"));
}

TEST(ComparePage, ChartsShareTheSimulatedWindowAndPresenterModeEnlargesThem)
{
    Fixture fx;
    ComparePage page(&fx.context);
    QSignalSpy evaluated(&page, &ComparePage::evaluated);
    // A day-long profile: the what-if simulates a window around the peak, far from minute 0.
    Scenario s = fleet(QStringLiteral("aws/c6i.large"), 2);
    s.durationS = 14400;
    s.traffic.kind = Traffic::Kind::Profile;
    s.traffic.points = {{0, 50}, {10800, 150}, {14400, 50}};
    page.addCandidate({QStringLiteral("2 × aws/c6i.large"), s});
    page.addCandidate({QStringLiteral("3 × aws/c6i.large"), [&] { Scenario t = s; t.cluster.nodes = 3; return t; }()});
    ASSERT_TRUE(evaluated.wait(120000));
    double dataMin = 1e300, dataMax = -1e300;
    for (const CompareFigures& f : page.figures())
        for (const QPointF& p : f.p95Series) dataMin = std::min(dataMin, p.x()), dataMax = std::max(dataMax, p.x());
    ASSERT_GT(dataMin, 60.0) << "the window around the 3-hour peak starts well after minute 0";
    const QList<QChartView*> views = page.findChildren<QChartView*>();
    ASSERT_EQ(views.size(), 2);
    double titleSize = 0;
    for (QChartView* view : views) {
        auto* axis = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Horizontal).first());
        ASSERT_NE(axis, nullptr);
        EXPECT_DOUBLE_EQ(axis->min(), dataMin);  // not 0: the data would sit in a sliver at the edge
        EXPECT_DOUBLE_EQ(axis->max(), dataMax);
        titleSize = view->chart()->titleFont().pointSizeF();
    }
    page.setPresenterMode(true);
    const QList<QChartView*> large = page.findChildren<QChartView*>();
    ASSERT_EQ(large.size(), 2);
    EXPECT_NEAR(large.first()->chart()->titleFont().pointSizeF(), titleSize * 1.8, 0.01);
    EXPECT_GT(page.font().pointSizeF(), QApplication::font().pointSizeF() * 1.4);
    page.setPresenterMode(false);
    EXPECT_DOUBLE_EQ(page.font().pointSizeF(), QApplication::font().pointSizeF());
}

}  // namespace

// The candidates as they are (no what-if) are kept in the workspace: opening them again takes the
// stored short simulations, with the same figures; what-if moves are not kept.
TEST(ComparePage, TheCandidatesAsTheyAreComeBackFromTheWorkspace)
{
    Fixture fx;
    const auto simulations = [&] {
        return sql::scalar(fx.context.workspace()->database(), QStringLiteral("SELECT count(*) FROM run WHERE kind = 'simulate'")).toInt();
    };
    double p95 = 0;
    {
        ComparePage page(&fx.context);
        QSignalSpy evaluated(&page, &ComparePage::evaluated);
        page.addCandidate({QStringLiteral("2 × aws/c6i.large"), fleet(QStringLiteral("aws/c6i.large"), 2)});
        ASSERT_TRUE(evaluated.wait(60000));
        p95 = page.figures()[0].p95Ms;
        EXPECT_EQ(simulations(), 1);
        WhatIf w;
        w.traffic = 0.7;
        page.setWhatIf(w);
        ASSERT_TRUE(evaluated.wait(60000));
        EXPECT_EQ(simulations(), 1) << "a what-if move was kept";
        fx.context.jobs()->waitForAll();
    }
    ComparePage again(&fx.context);
    QSignalSpy evaluated(&again, &ComparePage::evaluated);
    again.addCandidate({QStringLiteral("2 × aws/c6i.large"), fleet(QStringLiteral("aws/c6i.large"), 2)});
    ASSERT_TRUE(evaluated.wait(60000));
    EXPECT_EQ(again.figures()[0].p95Ms, p95);
    EXPECT_EQ(simulations(), 1) << "the stored run was not taken";
}
