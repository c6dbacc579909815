#include "support/temp_workspace.h"

#include "catalog/catalog.h"
#include "core/errors.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

ResolvedScenario resolve(const QByteArray& cluster, const QByteArray& extra = {}, const Workspace* ws = nullptr,
                         const QByteArray& traffic = R"({"kind":"poisson","rate_rps":5})")
{
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":600,"traffic":)" + traffic +
                            R"(,"service":{"cpu_ms":20},"cluster":)" + cluster + extra + "}";
    return resolveScenario(parseScenario(json, QStringLiteral("r.json")), Catalog::shipped(), ws, QStringLiteral("r.json"));
}

}  // namespace

TEST(ResolvedScenario, CatalogTypeGivesWorkersPriceAndBilling)
{
    // c6i.large: 2 vCPU, 4 GiB, 0.085 USD/h in the shipped catalog (data/catalog/instance_types.csv).
    const ResolvedScenario r = resolve(R"({"instance_type":"aws/c6i.large","nodes":2,"workers_per_vcpu":3})");
    EXPECT_EQ(r.vcpu, 2);
    EXPECT_EQ(r.workersPerNode, 6);
    EXPECT_DOUBLE_EQ(r.pricePerHourUsd, 0.085);
    EXPECT_EQ(r.billingGranularityS, 1);   // AWS bills per second …
    EXPECT_EQ(r.billingMinimumS, 60);      // … after the first minute
    EXPECT_FALSE(r.burstable);
}

TEST(ResolvedScenario, MemoryCapsWorkers)
{
    // 4 GiB ÷ 1500 MiB = 2.73 → 2 workers, below 2 vCPU × 3.
    const ResolvedScenario r =
        resolve(R"({"instance_type":"aws/c6i.large","nodes":2,"workers_per_vcpu":3,"memory_per_worker_mib":1500})");
    EXPECT_EQ(r.workersPerNode, 2);
    try {
        resolve(R"({"instance_type":"aws/c6i.large","nodes":2,"memory_per_worker_mib":5000})");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("r.json: $.cluster.memory_per_worker_mib"));
    }
}

TEST(ResolvedScenario, BurstableRulesComeFromTheCatalog)
{
    // t3.medium: baseline 20 %, 24 credits/h, 576 max (data/catalog/instance_types.csv).
    const ResolvedScenario r = resolve(R"({"instance_type":"aws/t3.medium","nodes":1,"cpu_credits":{"mode":"unlimited"}})");
    EXPECT_TRUE(r.burstable);
    EXPECT_DOUBLE_EQ(r.baselineFraction, 0.2);
    EXPECT_DOUBLE_EQ(r.creditsEarnedPerHour, 24);
    EXPECT_DOUBLE_EQ(r.maxCredits, 576);
    EXPECT_DOUBLE_EQ(r.initialCredits, 0);  // AWS T3 gets no launch credits; the balance is carried day to day
    EXPECT_TRUE(r.unlimitedCredits);
}

TEST(ResolvedScenario, SpeedIsTheRatioOfCpuScores)
{
    const ResolvedScenario r = resolve(
        R"({"instance_type":{"vcpu":4,"memory_gib":8,"price_per_hour_usd":0.2,"cpu_score":1500},"nodes":1})");
    EXPECT_DOUBLE_EQ(r.nodeSpeed, 1);  // no reference score: the CPU times are taken as they are
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":600,"traffic":{"kind":"poisson","rate_rps":5},
        "service":{"cpu_ms":20,"reference_cpu_score":1000},
        "cluster":{"instance_type":{"vcpu":4,"memory_gib":8,"price_per_hour_usd":0.2,"cpu_score":1500},"nodes":1}})";
    const ResolvedScenario scored = resolveScenario(parseScenario(json, QStringLiteral("s.json")), Catalog::shipped(), nullptr,
                                                    QStringLiteral("s.json"));
    EXPECT_DOUBLE_EQ(scored.nodeSpeed, 1.5);
    EXPECT_TRUE(scored.speedFromScores);
    EXPECT_DOUBLE_EQ(scored.cpuS.mean, 0.020);  // milliseconds became seconds
}

TEST(ResolvedScenario, UnknownCatalogKeyNamesThePath)
{
    try {
        resolve(R"({"instance_type":"aws/z99.huge","nodes":1})");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("r.json: $.cluster.instance_type"));
        EXPECT_TRUE(e.message().contains(QStringLiteral("aws/z99.huge")));
    }
}

TEST(ResolvedScenario, TraceTrafficReadsTheWorkspaceSeries)
{
    test::TempWorkspace tw;
    QSqlDatabase db = tw.ws().database();
    sql::exec(db, QStringLiteral("INSERT INTO dataset (id, name, format, source, sha256, imported_at) "
                                 "VALUES (7, 'prod-rps', 'prometheus', 'x', 'abc', '2026-01-01T00:00:00Z')"));
    sql::exec(db, QStringLiteral("INSERT INTO series (id, dataset_id, node, metric) VALUES (3, 7, 'lb', 'http.requests_per_s')"));
    for (auto [t, v] : {std::pair{1700000000.0, 100.0}, {1700000060.0, 250.0}, {1700000120.0, 180.0}})
        sql::exec(db, QStringLiteral("INSERT INTO sample (series_id, t, value) VALUES (3, ?, ?)"), {t, v});

    const ResolvedScenario r = resolve(R"({"instance_type":"aws/c6i.large","nodes":1})", {}, &tw.ws(),
                                       R"({"kind":"trace","dataset":"prod-rps","series":"http.requests_per_s","scale":2})");
    ASSERT_EQ(r.ratePoints.size(), 3u);
    EXPECT_EQ(r.ratePoints[0], std::make_pair(0.0, 200.0));   // time from the first sample, rate × scale
    EXPECT_EQ(r.ratePoints[1], std::make_pair(60.0, 500.0));
    EXPECT_EQ(r.peakRateRps, 500);
    try {
        resolve(R"({"instance_type":"aws/c6i.large","nodes":1})", {}, &tw.ws(), R"({"kind":"trace","dataset":99})");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("r.json: $.traffic.dataset"));
    }
}
