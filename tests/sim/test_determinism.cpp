#include "sim_test_support.h"

#include "core/errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

#include <cmath>

using namespace headroom;

namespace {

// Autoscaling, health checks, retries, noisy neighbours, unequal speeds and a profile: every
// random choice of the model is exercised.
const QByteArray kBusy = R"({"schema":"headroom.scenario/1","duration_s":900,"warmup_s":60,"seed":77,"replications":4,
  "traffic":{"kind":"profile","points":[[0,150],[450,400],[900,250]]},
  "service":{"cpu_ms":{"dist":"lognormal","mean":20,"cv":0.8},"io":{"calls":2,"rtt_ms":{"dist":"gamma","mean":2,"cv":0.5}},
             "disk":{"ops":1,"iops":2000,"latency_ms":{"dist":"exponential","mean":0.5}}},
  "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.1},"nodes":3,"workers_per_vcpu":2,
             "balancer":"power_of_two","speed":{"cv":0.1},"queue_limit":100,
             "noisy_neighbour":{"episodes_per_hour":2,"mean_duration_s":120,"slowdown":0.5}},
  "autoscaling":{"policy":"k8s_hpa","target":0.6,"min":2,"max":12,"lead_time":{"boot_s":{"dist":"lognormal","mean":40,"cv":0.3}}},
  "health_check":{"interval_s":5,"timeout_ms":500,"unhealthy":3,"healthy":2,"queued":true},
  "client":{"timeout_ms":2000,"retries":2,"backoff_ms":100,"retry_budget":0.2},
  "slo":{"latency_p95_ms":200,"error_rate":0.01}})";

}  // namespace

TEST(Determinism, SameSeedSameJsonWhateverTheThreadCount)
{
    const ResolvedScenario s = test::resolved(kBusy);
    SimulationOptions one;
    one.threads = 1;
    SimulationOptions four;
    four.threads = 4;
    const QByteArray a = QJsonDocument(toJson(simulate(s, one))).toJson();
    const QByteArray b = QJsonDocument(toJson(simulate(s, four))).toJson();
    EXPECT_EQ(a, b);
    // And a different seed gives a different run.
    SimulationOptions other;
    other.seed = 78;
    EXPECT_NE(QJsonDocument(toJson(simulate(s, other))).toJson(), a);
}

TEST(Determinism, OutputHasTheDesignKeys)
{
    SimulationOptions o;
    o.replications = 2;
    const QJsonObject j = toJson(simulate(test::resolved(kBusy), o));
    const QJsonObject summary = j.value(QStringLiteral("summary")).toObject();
    for (const char* k : {"requests", "completed", "errors", "error_rate", "attempts_per_request", "latency_ms", "node_hours",
                          "cost_usd", "slo_met", "ci95"})
        EXPECT_TRUE(summary.contains(QString::fromLatin1(k))) << k;
    for (const char* k : {"mean", "p50", "p95", "p99"}) {
        EXPECT_TRUE(summary.value(QStringLiteral("latency_ms")).toObject().contains(QString::fromLatin1(k))) << k;
        EXPECT_EQ(summary.value(QStringLiteral("ci95")).toObject().value(QString::fromLatin1(k)).toArray().size(), 2) << k;
    }
    const QJsonArray ts = j.value(QStringLiteral("timeseries")).toArray();
    ASSERT_EQ(ts.size(), 15);  // 900 s in 60 s intervals
    for (const char* k : {"t_s", "arrivals", "completed", "p50_ms", "p95_ms", "p99_ms", "errors", "nodes_desired", "nodes_ready",
                          "nodes_healthy", "utilization", "credit_balance_min", "cost_usd"})
        EXPECT_TRUE(ts[0].toObject().contains(QString::fromLatin1(k))) << k;
    EXPECT_EQ(ts[14].toObject().value(QStringLiteral("t_s")).toDouble(), 840);
}

TEST(Determinism, CancelStopsTheRun)
{
    std::atomic<bool> cancel{true};
    SimulationOptions o;
    o.cancel = &cancel;
    EXPECT_THROW(simulate(test::resolved(kBusy), o), Cancelled);
}

// Four quiet replications and one that met a meltdown: the Student t interval of the error rate
// would reach below zero; the summary's stops at zero (a rate cannot be negative), with the same
// mean and upper bound.
TEST(Summary, IntervalsOfFiguresThatCannotBeNegativeStopAtZero)
{
    const auto s = test::resolved(test::queueScenario(1, 1, QStringLiteral(R"({"dist":"exponential","mean":100})"), 100, 1));
    std::vector<ReplicationResult> reps(5);
    for (size_t i = 0; i < reps.size(); ++i) {
        reps[i].requests = 1000;
        reps[i].errorRate = i == 2 ? 0.07 : 0.0001;
        reps[i].minutesOverSlo = i == 2 ? 43 : 2;
    }
    const SimulationResult r = combineReplications(s, 1, reps);
    EXPECT_NEAR(r.summary.errorRate.mean, (0.07 + 4 * 0.0001) / 5, 1e-12);
    EXPECT_EQ(r.summary.errorRate.low, 0.0);
    // Unclamped: mean ± t(4) s / √5, t(4) = 2.776.
    EXPECT_NEAR(r.summary.errorRate.high, r.summary.errorRate.mean + 2.776 * 0.0312611 / std::sqrt(5.0), 1e-4);
    EXPECT_EQ(r.summary.minutesOverSlo.low, 0.0);
    EXPECT_GT(r.summary.minutesOverSlo.high, 20);
}
