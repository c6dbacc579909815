// Behaviour nobody scripted: each arises from the model's parts and is checked against the
// arithmetic that predicts it.
#include "sim_test_support.h"

#include <gtest/gtest.h>

using namespace headroom;

TEST(EmergentBehaviour, CreditsRunOutWhenTheArithmeticSaysAndThroughputFallsToBaseline)
{
    // 2 vCPU at a 20 % baseline earn 0.2 × 2 × 60 = 24 credits/h. 10 requests/s of 100 ms CPU use
    // 1 vCPU = 60 credits/h, so a bank of 36 credits lasts 36 / (60 − 24) = 1 h. Then the node
    // is held at 0.4 vCPU: 4 requests/s at most, against 10 arriving, and latency collapses.
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":10800,"seed":3,"replications":1,
        "traffic":{"kind":"poisson","rate_rps":10},"service":{"cpu_ms":100},
        "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.04,"burstable":true,
                   "baseline_pct_per_vcpu":20,"max_credits":576},"nodes":1,
                   "cpu_credits":{"mode":"standard","initial":36}}})";
    const SimulationResult r = simulate(test::resolved(json));
    const auto& ts = r.timeseries;
    ASSERT_EQ(ts.size(), 180u);
    double emptyAt = -1;
    for (const IntervalPoint& p : ts)
        if (emptyAt < 0 && p.creditBalanceMin <= 1e-9) emptyAt = p.tS;
    EXPECT_NEAR(emptyAt, 3600, 120) << "credits ran out at " << emptyAt << " s";
    // Before: a two-worker node at half load answers in about the CPU time.
    EXPECT_LT(ts[30].p95Ms, 400);
    // In the third hour completions are held near the baseline's 4 requests/s (240 a minute).
    double completed = 0;
    for (size_t i = 120; i < 180; ++i) completed += ts[i].completed;
    EXPECT_NEAR(completed / 60, 240, 24);
    EXPECT_GT(ts[170].p95Ms, 100 * ts[30].p95Ms);
}

TEST(EmergentBehaviour, UnlimitedModeKeepsSpeedAndBillsTheSurplus)
{
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":10800,"seed":3,"replications":1,
        "traffic":{"kind":"poisson","rate_rps":10},"service":{"cpu_ms":100},
        "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.04,"burstable":true,
                   "baseline_pct_per_vcpu":20,"max_credits":576},"nodes":1,
                   "cpu_credits":{"mode":"unlimited","initial":36}}})";
    const SimulationResult r = simulate(test::resolved(json));
    // After the first hour every hour spends 36 surplus credits (vCPU-minutes) at 0.05 USD per vCPU-hour:
    // 2 h × 36 / 60 × 0.05 = 0.06 USD.
    EXPECT_NEAR(r.perReplication[0].creditSurchargeUsd, 0.06, 0.006);
    EXPECT_LT(r.timeseries[170].p95Ms, 400);
}

namespace {

double p95With(const char* balancer)
{
    const QString json = QStringLiteral(R"({"schema":"headroom.scenario/1","duration_s":7200,"warmup_s":600,"seed":21,"replications":3,
        "traffic":{"kind":"poisson","rate_rps":140},"service":{"cpu_ms":{"dist":"exponential","mean":100}},
        "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.1},"nodes":10,
                   "speed":{"cv":0.4},"balancer":"%1"}})").arg(QString::fromLatin1(balancer));
    return simulate(test::resolved(json.toUtf8())).summary.latencyP95.mean;
}

}  // namespace

TEST(EmergentBehaviour, UnequalNodeSpeedsHurtRoundRobinMost)
{
    // At 70 % mean load, the slowest nodes are overloaded when every node gets the same share.
    const double rr = p95With("round_robin");
    const double lc = p95With("least_connections");
    const double p2 = p95With("power_of_two");
    EXPECT_GT(rr, 2 * lc) << "round robin " << rr << " ms, least connections " << lc << " ms";
    EXPECT_GT(rr, 2 * p2) << "round robin " << rr << " ms, power of two " << p2 << " ms";
}

namespace {

ReplicationResult withClient(double rate, const char* budget = "")
{
    // One worker, exponential 100 ms: M/M/1 with response time exponential at rate 10 − λ.
    const QString json = QStringLiteral(R"({"schema":"headroom.scenario/1","duration_s":20000,"warmup_s":500,"seed":8,"replications":1,
        "traffic":{"kind":"poisson","rate_rps":%1},"service":{"cpu_ms":{"dist":"exponential","mean":100}},
        "cluster":{"instance_type":{"vcpu":1,"memory_gib":4,"price_per_hour_usd":0.1},"nodes":1},
        "client":{"timeout_ms":1000,"retries":2,"backoff_ms":100%2}})").arg(rate).arg(QString::fromLatin1(budget));
    return simulate(test::resolved(json.toUtf8())).perReplication[0];
}

}  // namespace

TEST(EmergentBehaviour, RetriesRaiseAttemptsPerRequestOnceTimeoutsFire)
{
    // ρ 0.3: P(response > 1 s) = e^(−7) ≈ 0.1 %, and even if every request were tried three
    // times the load (0.9) would stay below 1, so a burst of timeouts dies out.
    const ReplicationResult light = withClient(3);
    EXPECT_LT(light.attemptsPerRequest, 1.01);
    EXPECT_GE(light.attemptsPerRequest, 1.0);
    // ρ 0.7: 5 % of responses pass 1 s. Their retries add load while the abandoned attempts still
    // hold the worker, queues grow, more requests time out: a retry storm that does not recover.
    const ReplicationResult heavy = withClient(7);
    EXPECT_GT(heavy.attemptsPerRequest, 1.5);
    EXPECT_GT(heavy.timeouts, 0);
    EXPECT_GT(heavy.errorRate, 0.1);
    // A retry budget of 10 % caps the amplification and the queue recovers.
    const ReplicationResult budgeted = withClient(7, R"(,"retry_budget":0.1)");
    EXPECT_LE(budgeted.attemptsPerRequest, 1.11);
    EXPECT_LT(budgeted.errorRate, heavy.errorRate / 2);
}

namespace {

double minutesOverSloWithBoot(double bootS)
{
    // 100 → 300 requests/s at t = 1800 s. Each node serves 40 requests/s (2 workers, 50 ms);
    // 4 nodes cover the start, 8 or more are needed after the step.
    const QString json = QStringLiteral(R"({"schema":"headroom.scenario/1","duration_s":5400,"warmup_s":300,"seed":4,"replications":3,
        "traffic":{"kind":"profile","points":[[0,100],[1799,100],[1800,300],[5400,300]]},
        "service":{"cpu_ms":{"dist":"exponential","mean":50}},
        "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.1},"nodes":4,"queue_limit":200},
        "autoscaling":{"policy":"target_tracking","metric":"cpu","target":0.6,"min":2,"max":20,
                       "metric_interval_s":60,"cooldown_s":120,"lead_time":{"boot_s":%1}},
        "slo":{"latency_p95_ms":500,"error_rate":0.01}})").arg(bootS);
    return simulate(test::resolved(json.toUtf8())).summary.minutesOverSlo.mean;
}

}  // namespace

TEST(EmergentBehaviour, SlowerBootMeansMoreMinutesOverTheSloAfterATrafficStep)
{
    const double fast = minutesOverSloWithBoot(30);
    const double slow = minutesOverSloWithBoot(600);
    // The slow boot leaves the cluster overloaded for at least the extra 570 s, about 9 minutes.
    EXPECT_GT(slow, fast + 8) << "fast boot " << fast << " min, slow boot " << slow << " min";
    EXPECT_GT(fast, 0.0);
}

namespace {

SimulationResult withHealthChecks(double rate, bool queued)
{
    // 4 nodes × 2 workers × 10 requests/s each = 80 requests/s capacity.
    const QString json = QStringLiteral(R"({"schema":"headroom.scenario/1","duration_s":1800,"seed":9,"replications":1,
        "interval_s":30,
        "traffic":{"kind":"poisson","rate_rps":%1},"service":{"cpu_ms":{"dist":"exponential","mean":100}},
        "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.1},"nodes":4,"balancer":"round_robin"},
        "health_check":{"interval_s":5,"timeout_ms":1000,"unhealthy":3,"healthy":2,"queued":%2}})")
        .arg(rate).arg(queued ? QStringLiteral("true") : QStringLiteral("false"));
    return simulate(test::resolved(json.toUtf8()));
}

}  // namespace

TEST(EmergentBehaviour, QueuedHealthChecksFailUnderOverloadAndCascade)
{
    // At 50 % load every check is answered in time: all 4 nodes stay healthy throughout.
    for (const IntervalPoint& p : withHealthChecks(40, true).timeseries) EXPECT_EQ(p.nodesHealthy, 4) << p.tS;
    // At 110 % load queues grow past the 1 s timeout, checks fail, nodes leave the pool, the
    // survivors get their traffic and fail in turn: the cascade reaches zero healthy nodes (and
    // the balancer fails open).
    const SimulationResult over = withHealthChecks(88, true);
    double fewest = 4;
    for (const IntervalPoint& p : over.timeseries) fewest = std::min(fewest, p.nodesHealthy);
    EXPECT_EQ(fewest, 0);
    EXPECT_GT(over.perReplication[0].completed, 0);  // fail-open: requests are still served
    // Checks on a separate port never queue behind requests, so the same overload marks nothing.
    for (const IntervalPoint& p : withHealthChecks(88, false).timeseries) EXPECT_EQ(p.nodesHealthy, 4) << p.tS;
}
