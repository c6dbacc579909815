// Burstable CPU credits as the providers document them: launch credits per family, standard
// versus unlimited mode, the unlimited surcharge, and balances carried from day to day until they
// repeat before one day stands for every day of the month.
#include "core/errors.h"
#include "sim_test_support.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

// One node of `type` whose requests keep `vcpus` of its CPU busy on average (10 requests/s of
// vcpus × 100 ms, exponential), for `hours` a day.
QByteArray oneNode(const char* type, double vcpus, double hours, const QString& credits)
{
    return QStringLiteral(R"({"schema":"headroom.scenario/1","duration_s":%1,"warmup_s":0,"interval_s":60,"seed":4,
        "replications":2,"traffic":{"kind":"poisson","rate_rps":10},
        "service":{"cpu_ms":{"dist":"exponential","mean":%2}},
        "cluster":{"instance_type":"%3","nodes":1,"workers_per_vcpu":8%4}})")
        .arg(hours * 3600).arg(vcpus * 100).arg(QString::fromLatin1(type)).arg(credits)
        .toUtf8();
}

double meanSurcharge(const SimulationResult& r)
{
    double s = 0;
    for (const ReplicationResult& rep : r.perReplication) s += rep.creditSurchargeUsd / double(r.perReplication.size());
    return s;
}

}  // namespace

TEST(BurstableCredits, ResolvedFromTheFamilyRules)
{
    // t3.small with no cpu_credits: unlimited (AWS's default for T3), no launch credits, carried.
    const ResolvedScenario t3 = test::resolved(oneNode("aws/t3.small", 1, 1, QString()));
    EXPECT_TRUE(t3.unlimitedCredits);
    EXPECT_DOUBLE_EQ(t3.launchCredits, 0);
    EXPECT_TRUE(t3.carryCredits);
    EXPECT_DOUBLE_EQ(t3.surplusUsdPerVcpuHour, 0.05);
    EXPECT_FALSE(t3.creditRulesSource.isEmpty());
    // Stated standard mode and a starting balance: as written, not carried.
    const ResolvedScenario stated =
        test::resolved(oneNode("aws/t3.small", 1, 1, QStringLiteral(R"(,"cpu_credits":{"mode":"standard","initial":100})")));
    EXPECT_FALSE(stated.unlimitedCredits);
    EXPECT_DOUBLE_EQ(stated.initialCredits, 100);
    EXPECT_FALSE(stated.carryCredits);
    // Azure B2s: standard only, 60 initial credits (30 per vCPU).
    const ResolvedScenario b2s = test::resolved(oneNode("azure/B2s", 1, 1, QString()));
    EXPECT_FALSE(b2s.unlimitedCredits);
    EXPECT_DOUBLE_EQ(b2s.launchCredits, 60);
    try {
        test::resolved(oneNode("azure/B2s", 1, 1, QStringLiteral(R"(,"cpu_credits":{"mode":"unlimited"})")));
        FAIL() << "Azure B-series has no unlimited mode";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("test.json: $.cluster.cpu_credits.mode"));
    }
}

TEST(BurstableCredits, UnlimitedSurchargeAtSteadyStateIsTheSurplusOverBaseline)
{
    // t3.small: 2 vCPUs, 20 % baseline each (0.4 vCPU, 24 credits/h). Using 1 vCPU spends 0.6
    // vCPU-hours an hour above the baseline. The balance goes negative (borrowed against future
    // earnings) down to one day's earnings, −576, then AWS bills the excess. Day after day the
    // balance settles at −576 and every surplus credit of the day is billed:
    // 0.6 vCPU × 6 h × 0.05 USD per vCPU-hour = 0.18 USD for a 6-hour day.
    // Without CPU scores: a t3.small's two vCPUs are hyper-threads of one core (1,379 all-core
    // against 954 single-core bogo ops/s), so with scores the same work keeps them busier and
    // spends more credits than this arithmetic with independent vCPUs.
    const SimulationResult r = simulate(test::resolvedWithoutCpuScores(oneNode("aws/t3.small", 1, 6, QString())));
    EXPECT_NEAR(meanSurcharge(r), 0.18, 0.18 * 0.03);
    EXPECT_GE(r.perReplication.front().creditDays, 3);  // −216, −432, −576: three days to settle
    EXPECT_NEAR(r.perReplication.front().endCredits.front(), -576, 1);
    // T4g's surplus credits cost 0.04 USD per vCPU-hour: same load on t4g.medium (same baseline).
    const SimulationResult g = simulate(test::resolvedWithoutCpuScores(oneNode("aws/t4g.medium", 1, 6, QString())));
    EXPECT_NEAR(meanSurcharge(g), 0.6 * 6 * 0.04, 0.144 * 0.03);
}

TEST(BurstableCredits, OneDayAloneBillsWhatTheNodesStillOwe)
{
    // Stated starting balance 0, one 6-hour day: 216 surplus credits are owed at the end, billed
    // as if the nodes stopped: the same 0.18 USD, never the 0 of a bank assumed to refill.
    const SimulationResult r = simulate(test::resolvedWithoutCpuScores(
        oneNode("aws/t3.small", 1, 6, QStringLiteral(R"(,"cpu_credits":{"mode":"unlimited","initial":0})"))));
    EXPECT_NEAR(meanSurcharge(r), 0.18, 0.18 * 0.03);
    EXPECT_EQ(r.perReplication.front().creditDays, 1);
}

TEST(BurstableCredits, StandardModeSpendsLaunchCreditsThenHoldsTheBaseline)
{
    // Azure B2s (2 vCPUs, 20 % baseline, 24 credits/h) starts with its 60 initial credits and is
    // kept busy on both vCPUs (λ·E[S] = 3 vCPUs offered): it spends 2 − 0.4 = 1.6 credits a minute,
    // so the bank is empty after 60 / 1.6 = 37.5 minutes and the node is then held to 0.4 vCPU.
    ResolvedScenario s = test::resolved(oneNode("azure/B2s", 3, 1.5, QString()));
    s.carryCredits = false;  // the first day of a new node, not the steady state
    const SimulationResult r = simulate(s);
    const std::vector<IntervalPoint>& ts = r.perReplication.front().timeseries;
    ASSERT_GE(ts.size(), 60u);
    int emptyAt = -1;
    for (size_t i = 0; i < ts.size(); ++i)
        if (ts[i].creditBalanceMin <= 0) {
            emptyAt = int(i);
            break;
        }
    EXPECT_EQ(emptyAt, 37);  // the interval from 37 to 38 minutes
    // Held to the baseline: 0.4 of 2 vCPUs busy in the last half hour.
    EXPECT_NEAR(ts.back().utilization, 0.2, 0.02);
}
