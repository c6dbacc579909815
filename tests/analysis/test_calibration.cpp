#include "analysis/calibration.h"
#include "catalog/catalog.h"
#include "core/errors.h"

#include <QJsonObject>
#include <gtest/gtest.h>

using namespace headroom;

TEST(Calibration, UtilisationLawGivesDemandPerRequest)
{
    // 12 nodes × 2 vCPU at 45 % = 10.8 busy vCPUs; at 1080 requests/s that is 10 ms per request.
    // Second interval: 30 % and 540 requests/s → 7.2 / 540 = 13.33 ms.
    calibration::FleetSeries f;
    f.nodes = 12;
    f.vcpuPerNode = 2;
    f.utilT = {0, 60, 120};
    f.utilPct = {45, 30, 50};
    f.rateT = {0, 60};  // the last utilisation sample has no rate to pair with
    f.rateRps = {1080, 540};
    const auto d = calibration::serviceDemand(f);
    EXPECT_EQ(d.intervals, 2);
    EXPECT_NEAR(d.demandMs[0], 10.0, 1e-12);
    EXPECT_NEAR(d.demandMs[1], 7.2 / 540 * 1000, 1e-9);
    EXPECT_NEAR(d.meanMs, (10.0 + 7200.0 / 540) / 2, 1e-9);
    EXPECT_NEAR(d.pooledMs, 1000 * (10.8 + 7.2) / (1080 + 540), 1e-9);
    EXPECT_EQ(d.scenarioService().value(QStringLiteral("cpu_ms")).toObject().value(QStringLiteral("mean")).toDouble(),
              d.pooledMs);
}

TEST(Calibration, RatesAreInterpolatedBetweenSamples)
{
    calibration::FleetSeries f;
    f.nodes = 1;
    f.vcpuPerNode = 1;
    f.utilT = {30};
    f.utilPct = {50};
    f.rateT = {0, 60};
    f.rateRps = {100, 300};  // 200 at t = 30 → 0.5 s / 200 = 2.5 ms
    EXPECT_NEAR(calibration::serviceDemand(f).demandMs.front(), 2.5, 1e-12);
}

TEST(Calibration, NoOverlapIsAnInputError)
{
    calibration::FleetSeries f;
    f.utilT = {0};
    f.utilPct = {50};
    f.rateT = {100, 200};
    f.rateRps = {10, 10};
    EXPECT_THROW(calibration::serviceDemand(f, QStringLiteral("ws")), InputError);
}

TEST(Calibration, ProjectsFleetOntoAnotherTypeByScoreRatio)
{
    auto from = Catalog::shipped().find(QStringLiteral("aws/m5.large"));
    auto to = Catalog::shipped().find(QStringLiteral("hetzner/ccx23"));
    ASSERT_TRUE(from && to);
    ASSERT_EQ(from->vcpu, 2);
    ASSERT_EQ(to->vcpu, 4);
    from->cpuScore = 1000;
    to->cpuScore = 1200;
    // 12 × 2 × 0.45 = 10.8 busy vCPUs; 1.2× faster vCPUs → 9; at 60 % of 4 vCPUs (2.4) → 3.75 → 4.
    const auto p = calibration::project(12, 45, *from, *to, 60, 10.0);
    EXPECT_NEAR(p.nodesExact, 3.75, 1e-12);
    EXPECT_EQ(p.nodesNeeded, 4);
    EXPECT_NEAR(p.demandOnTargetMs, 10.0 / 1.2, 1e-12);
    EXPECT_EQ(p.text, QStringLiteral("12 × m5.large at 45 % ≈ 4 × CCX23 at 60 %"));
}

TEST(Calibration, MissingScoreIsAnInputError)
{
    auto from = Catalog::shipped().find(QStringLiteral("aws/m5.large"));
    ASSERT_TRUE(from);
    from->cpuScore = 0;
    EXPECT_THROW(calibration::project(12, 45, *from, *from, 60), InputError);
}
