// The policy floor (policy_floor.h): what an autoscaling policy keeps running for a traffic
// curve, from how busy a request keeps a node. Worked by hand for each policy, and held against
// full simulated runs, whose cost the recommender may rule a candidate out on.
#include "catalog/catalog.h"
#include "plan/candidate_config.h"
#include "plan/evaluation.h"
#include "plan/monthly_cost.h"
#include "plan/planner.h"
#include "plan/policy_floor.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

// 100 requests/s for an hour, then 160 for an hour; the scenario's c6i.large has 2 vCPUs.
ResolvedScenario twoLevels(const QByteArray& autoscaling)
{
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":7200,"warmup_s":0,"seed":3,
        "traffic":{"kind":"profile","points":[[0,100],[3599,100],[3600,160],[7200,160]]},
        "service":{"cpu_ms":{"dist":"exponential","mean":20}},
        "cluster":{"instance_type":"aws/c6i.large","nodes":2,"workers_per_vcpu":2},
        "autoscaling":)" + autoscaling + R"(,"slo":{"latency_p95_ms":200}})";
    return resolveScenario(parseScenario(json, QStringLiteral("floor.json")), Catalog::shipped(), nullptr, QStringLiteral("floor.json"));
}

double nodeMonth(const ResolvedScenario& s) { return monthlyCostOfNodesUsd(s, 1); }

}  // namespace

TEST(PolicyFloor, TargetTrackingRunsCeilOfLoadOverTarget)
{
    // 0.02 vCPU-s per request: 100/s keep 2 vCPUs (one node) busy; target 0.5 wants 2 nodes,
    // then 160/s: 3.2 vCPUs, 1.6 nodes' worth, over 0.5: 4 nodes (3.2 rounds up).
    const ResolvedScenario s = twoLevels(R"({"policy":"target_tracking","target":0.5,"min":1,"max":10})");
    const std::optional<double> floor = policyFloorCostUsd(s, {0.02, 0});
    ASSERT_TRUE(floor);
    EXPECT_NEAR(*floor / nodeMonth(s), (2 * 3600 + 4 * 3600) / 7200.0, 1e-9);
}

TEST(PolicyFloor, HpaSettlesWithinItsTolerance)
{
    // The HPA leaves the metric alone up to 10 % over the target: 1.0 node's worth over 0.55
    // is 1.82 → 2 nodes, 1.6 over 0.55 is 2.91 → 3 nodes (target tracking would run 4).
    const ResolvedScenario s = twoLevels(R"({"policy":"k8s_hpa","target":0.5,"min":1,"max":10})");
    const std::optional<double> floor = policyFloorCostUsd(s, {0.02, 0});
    ASSERT_TRUE(floor);
    EXPECT_NEAR(*floor / nodeMonth(s), (2 * 3600 + 3 * 3600) / 7200.0, 1e-9);
}

TEST(PolicyFloor, StaysWithinTheScalingBoundsAndFollowsTheMetric)
{
    const ResolvedScenario bounded = twoLevels(R"({"policy":"target_tracking","target":0.5,"min":3,"max":3})");
    EXPECT_NEAR(*policyFloorCostUsd(bounded, {0.02, 0}) / nodeMonth(bounded), 3.0, 1e-9);
    // On busy workers: 4 workers per node (2 per vCPU), 0.05 worker-s per request: 5 and 8
    // workers busy, 1.25 and 2 nodes' worth, over 0.5: 3 and 4 nodes.
    const ResolvedScenario workers = twoLevels(R"({"policy":"target_tracking","metric":"workers","target":0.5,"min":1,"max":10})");
    EXPECT_NEAR(*policyFloorCostUsd(workers, {0.02, 0.05}) / nodeMonth(workers), 3.5, 1e-9);
    EXPECT_FALSE(policyFloorCostUsd(workers, {0.02, 0})) << "nothing measured on the policy's metric";
}

TEST(PolicyFloor, NoFloorForPoliciesThatDoNotTrackATarget)
{
    const ResolvedScenario step = twoLevels(R"({"policy":"step","min":1,"max":10,
        "steps":[{"lower":0.7,"upper":1.0,"change":1},{"lower":0,"upper":0.3,"change":-1}]})");
    EXPECT_FALSE(policyFloorCostUsd(step, {0.02, 0}));
    const ResolvedScenario none = twoLevels(R"({"policy":"none"})");
    EXPECT_FALSE(policyFloorCostUsd(none, {0.02, 0}));
}

TEST(PolicyFloor, AFullRunCostsAtLeastTheFloorLessItsSlackAndNotMuchMore)
{
    // A working day in two hours: a quiet start, a ramp, a plateau, a 10-minute spike, a fall.
    // The busy time per request comes from a 900-second window around the peak, as in the
    // recommender; the full run is what that window stands in for.
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":7200,"warmup_s":300,"seed":5,"replications":3,
        "traffic":{"kind":"profile","points":[[0,30],[1200,30],[2400,150],[4200,160],[4500,400],[5100,400],[5400,150],[7200,60]]},
        "service":{"cpu_ms":{"dist":"lognormal","mean":25,"cv":1},"io":{"calls":2,"rtt_ms":{"dist":"lognormal","mean":2,"cv":0.5}}},
        "cluster":{"instance_type":"aws/c6i.large","nodes":2,"workers_per_vcpu":2,"balancer":"least_connections"},
        "autoscaling":{"policy":"target_tracking","target":0.5,"min":1,"max":12,"cooldown_s":300},
        "slo":{"latency_p95_ms":300}})";
    const Scenario doc = parseScenario(json, QStringLiteral("day.json"));
    const Catalog catalog = Catalog::shipped();
    for (const char* key : {"aws/c6i.large", "hetzner/CPX21"}) {
        const ResolvedScenario configured = resolveScenario(withConfiguration(doc, *catalog.find(QString::fromLatin1(key)), 1, 12),
                                                            catalog, nullptr, QStringLiteral("day.json"));
        EvaluationSettings window;
        window.replications = 2;
        window.spanS = 900;
        const Evaluation peak = evaluateConfiguration(configured, window);
        ASSERT_GT(peak.busy.vcpuS, 0) << key;
        const std::optional<double> floor = policyFloorCostUsd(configured, peak.busy);
        ASSERT_TRUE(floor) << key;
        const Evaluation full = evaluateConfiguration(configured, confirmationSettings(3, 3, 0.9));
        // What ruling out on the floor relies on: the full run never costs less than the floor
        // less its slack. And the floor is close enough to rule anything out at all.
        EXPECT_GE(full.costPerMonthUsd, (1 - planning::kPolicyFloorSlack) * *floor) << key;
        EXPECT_GE(*floor, 0.8 * full.costPerMonthUsd) << key;
        std::printf("%s: %.4f vCPU-s per request; floor $%.2f, full run $%.2f (%.2f×)\n", key, peak.busy.vcpuS, *floor,
                    full.costPerMonthUsd, full.costPerMonthUsd / *floor);
    }
}
