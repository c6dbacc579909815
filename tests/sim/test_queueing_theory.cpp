// The simulator against known queueing results. Each check allows twice the 95 % confidence
// half-width of the replications (about four standard errors), plus the histogram's 1 % bucket
// error for percentiles, and insists that the interval is narrow enough to mean something.
#include "sim_test_support.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

void expectWithin(const Estimate& e, double expected, double bucketError, const char* what)
{
    const double tolerance = 2 * e.halfWidth() + bucketError * expected;
    EXPECT_NEAR(e.mean, expected, tolerance) << what << " CI [" << e.low << ", " << e.high << "]";
    EXPECT_LT(e.halfWidth(), 0.05 * expected) << what << ": too few customers for a meaningful check";
}

}  // namespace

TEST(QueueingTheory, MM1)
{
    // λ 0.9, µ 1: response time is exponential with rate µ − λ = 0.1 (mean 10 s,
    // p95 = ln 20 / 0.1 = 29.957 s, p99 = ln 100 / 0.1 = 46.052 s).
    const auto s = test::resolved(test::queueScenario(0.9, 1, QStringLiteral(R"({"dist":"exponential","mean":1000})"), 600000, 8));
    const SimulationResult r = simulate(s);
    expectWithin(r.summary.latencyMean, 10000, 0, "mean");
    expectWithin(r.summary.latencyP95, 29957, 0.01, "p95");
    expectWithin(r.summary.latencyP99, 46052, 0.01, "p99");
}

TEST(QueueingTheory, MM10AtOfferedLoad8)
{
    // λ 8, µ 1, c 10: mean 1.20459 s, p95 3.32827 s, p99 4.94611 s.
    const auto s = test::resolved(test::queueScenario(8, 10, QStringLiteral(R"({"dist":"exponential","mean":1000})"), 40000, 8));
    const SimulationResult r = simulate(s);
    expectWithin(r.summary.latencyMean, 1204.59, 0, "mean");
    expectWithin(r.summary.latencyP95, 3328.27, 0.01, "p95");
    expectWithin(r.summary.latencyP99, 4946.11, 0.01, "p99");
    EXPECT_NEAR(test::erlangCMeanResponse(8, 10), 1.20459, 1e-5);  // the helper agrees with the published figure
}

TEST(QueueingTheory, MM3AtLambda2)
{
    // Erlang C: a = 2, c = 3 gives P(wait) = 4/9 and a mean response of 1 + (4/9)/(3 − 2) = 1.4444 s.
    EXPECT_NEAR(test::erlangCMeanResponse(2, 3), 1 + 4.0 / 9, 1e-12);
    const auto s = test::resolved(test::queueScenario(2, 3, QStringLiteral(R"({"dist":"exponential","mean":1000})"), 60000, 8));
    const SimulationResult r = simulate(s);
    expectWithin(r.summary.latencyMean, 1000 * test::erlangCMeanResponse(2, 3), 0, "mean");
}

TEST(QueueingTheory, RandomRoutingIsIndependentMM1Queues)
{
    // Random routing splits a Poisson stream into independent Poisson streams: 4 one-worker nodes
    // at λ 3.2 are four M/M/1 queues at ρ 0.8, mean response 1 / (1 − 0.8) = 5 s, p95 = 5 ln 20.
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":100000,"warmup_s":2000,"seed":5,"replications":8,
        "traffic":{"kind":"poisson","rate_rps":3.2},"service":{"cpu_ms":{"dist":"exponential","mean":1000}},
        "cluster":{"instance_type":{"vcpu":1,"memory_gib":1,"price_per_hour_usd":0.01},"nodes":4,"balancer":"random"}})";
    const SimulationResult r = simulate(test::resolved(json));
    expectWithin(r.summary.latencyMean, 5000, 0, "mean");
    expectWithin(r.summary.latencyP95, 5000 * std::log(20.0), 0.01, "p95");
}

TEST(QueueingTheory, MD1MeanWait)
{
    // Pollaczek–Khinchine for deterministic service: Wq = ρ / (2 µ (1 − ρ)) = 0.9 / 0.2 = 4.5 s.
    const auto s = test::resolved(test::queueScenario(0.9, 1, QStringLiteral("1000"), 200000, 8));
    const SimulationResult r = simulate(s);
    std::vector<double> waits;
    for (const ReplicationResult& rep : r.perReplication) waits.push_back(rep.queueWaitMs.mean);
    double mean = 0;
    for (double w : waits) mean += w / double(waits.size());
    double ss = 0;
    for (double w : waits) ss += (w - mean) * (w - mean);
    const double half = 2.3646 * std::sqrt(ss / (double(waits.size()) - 1) / double(waits.size()));  // t(0.975, 7)
    EXPECT_NEAR(mean, 4500, 2 * half);
    EXPECT_LT(half, 0.05 * 4500);
    expectWithin(r.summary.latencyMean, 5500, 0, "response");
}
