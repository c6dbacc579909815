// Scaling policies on hand-computed traces.
#include "sim/autoscaler.h"

#include <gtest/gtest.h>

using namespace headroom;
using headroom::sim::Autoscaler;
using headroom::sim::ScalerInput;

namespace {

Autoscaling hpa()
{
    Autoscaling a;
    a.policy = Autoscaling::Policy::KubernetesHpa;
    a.target = 0.5;
    a.min = 1;
    a.max = 20;
    return a;  // tolerance 0.1, stabilisation 300 s: the Kubernetes defaults
}

ScalerInput at(double now, int desired, int ready, double metric)
{
    ScalerInput in;
    in.now = now;
    in.desired = desired;
    in.ready = ready;
    in.metric = metric;
    return in;
}

}  // namespace

TEST(KubernetesHpa, FollowsItsFormulaOnAHandComputedTrace)
{
    Autoscaler s(hpa());
    // 4 ready pods at 90 % of CPU against a 50 % target: ceil(4 × 0.9 / 0.5) = ceil(7.2) = 8,
    // within the scale-up limit max(2 × 4, 4 + 4) = 8.
    EXPECT_EQ(s.decide(at(0, 4, 4, 0.9)), 8);
    // The new pods are not ready yet; only the 4 ready ones count: ceil(4 × 0.95 / 0.5) = 8.
    EXPECT_EQ(s.decide(at(15, 8, 4, 0.95)), 8);
    // 8 ready at 52 %: ratio 1.04 is inside the 0.1 tolerance, nothing changes.
    EXPECT_EQ(s.decide(at(30, 8, 8, 0.52)), 8);
    // 8 ready at 20 %: ceil(8 × 0.4) = 4 is recommended, but the highest recommendation of the
    // last 300 s (8) wins: scale-down is stabilised.
    EXPECT_EQ(s.decide(at(45, 8, 8, 0.2)), 8);
    // At 330 s the window [30, 330] still holds the 8 recommended at 30 s.
    EXPECT_EQ(s.decide(at(330, 8, 8, 0.2)), 8);
    // At 346 s the window [46, 346] holds only 4s: scale down to 4.
    EXPECT_EQ(s.decide(at(346, 8, 8, 0.2)), 4);
    // Ratio 0.91 (metric 0.455) is inside the tolerance: stays at 4.
    EXPECT_EQ(s.decide(at(361, 4, 4, 0.455)), 4);
    // Ratio 0.88 is outside: ceil(4 × 0.88) = 4 anyway (rounding up).
    EXPECT_EQ(s.decide(at(376, 4, 4, 0.44)), 4);
}

TEST(KubernetesHpa, ScaleUpIsLimitedToDoubleOrFourPodsPerPeriod)
{
    Autoscaler s(hpa());
    // 2 pods at 100 % against a 10 % target: ceil(2 × 10) = 20, limited to max(2 × 2, 2 + 4) = 6.
    Autoscaling a = hpa();
    a.target = 0.1;
    Autoscaler fast(a);
    EXPECT_EQ(fast.decide(at(0, 2, 2, 1.0)), 6);
    // Next period from 6: max(12, 10) = 12.
    EXPECT_EQ(fast.decide(at(15, 6, 6, 1.0)), 12);
    // Then the max of 20 caps it.
    EXPECT_EQ(fast.decide(at(30, 12, 12, 1.0)), 20);
}

TEST(TargetTracking, FollowsAwsAlarmsOnAStepLoad)
{
    // AWS target tracking at 60 %: the scale-out alarm needs 3 consecutive 1-minute datapoints
    // above 60 %, the scale-in alarm 15 consecutive ones below 54 % (90 % of the target).
    Autoscaling a;
    a.policy = Autoscaling::Policy::TargetTracking;
    a.target = 0.6;
    a.min = 2;
    a.max = 30;
    a.cooldownS = 300;
    Autoscaler s(a);
    int desired = 5;
    // Load steps up at 10 min: the datapoints at 11, 12 and 13 min read 90 %.
    for (int m = 1; m <= 10; ++m) EXPECT_EQ(desired = s.decide(at(60 * m, desired, 5, 0.5)), 5) << m;
    EXPECT_EQ(desired = s.decide(at(660, desired, 5, 0.9)), 5);  // 1 datapoint above
    EXPECT_EQ(desired = s.decide(at(720, desired, 5, 0.9)), 5);  // 2
    // 3 above: ceil(5 × 0.9 / 0.6) = ceil(7.5) = 8.
    EXPECT_EQ(desired = s.decide(at(780, desired, 5, 0.9)), 8);
    // Still 5 counted at 90 % while 3 launch or warm up: 8 is already bought, no second scale-out.
    ScalerInput warming = at(840, desired, 5, 0.9);
    warming.launching = 3;
    EXPECT_EQ(desired = s.decide(warming), 8);
    // 8 in service at 60 %: no alarm.
    for (int m = 15; m <= 30; ++m) EXPECT_EQ(desired = s.decide(at(60 * m, desired, 8, 0.6)), 8) << m;
    // Load drops at 30 min: 8 nodes at 15 %. The 15th datapoint below 54 % is at 45 min; only then
    // ceil(8 × 0.15 / 0.6) = 2.
    for (int m = 31; m <= 44; ++m) EXPECT_EQ(desired = s.decide(at(60 * m, desired, 8, 0.15)), 8) << m;
    EXPECT_EQ(desired = s.decide(at(2700, desired, 8, 0.15)), 2);
    // A datapoint at the target resets the scale-out alarm's count: 2 above, 1 at, 2 above: no action.
    Autoscaler t(a);
    desired = 5;
    for (double metric : {0.9, 0.9, 0.6, 0.9, 0.9}) EXPECT_EQ(desired = t.decide(at(60, desired, 5, metric)), 5);
}

TEST(TargetTracking, ScalesInGraduallyOneAlarmAtATime)
{
    // After a scale-in the alarm is re-armed: the next one needs 15 fresh datapoints below 90 %.
    Autoscaling a;
    a.policy = Autoscaling::Policy::TargetTracking;
    a.target = 0.5;
    a.min = 1;
    a.max = 30;
    a.cooldownS = 0;
    Autoscaler s(a);
    int desired = 10;
    // 10 nodes at 40 %: the 15th datapoint (15 min) scales in to ceil(10 × 0.8) = 8.
    for (int m = 1; m <= 14; ++m) EXPECT_EQ(desired = s.decide(at(60 * m, desired, 10, 0.4)), 10) << m;
    EXPECT_EQ(desired = s.decide(at(900, desired, 10, 0.4)), 8);
    // 8 nodes at 40 % again: not before 15 more datapoints (30 min): ceil(8 × 0.8) = 7.
    for (int m = 16; m <= 29; ++m) EXPECT_EQ(desired = s.decide(at(60 * m, desired, 8, 0.4)), 8) << m;
    EXPECT_EQ(desired = s.decide(at(1800, desired, 8, 0.4)), 7);
}

TEST(StepScaling, WaitsForItsAlarmDatapoints)
{
    Autoscaling a;
    a.policy = Autoscaling::Policy::Step;
    a.min = 1;
    a.max = 10;
    a.cooldownS = 0;
    a.scaleOutDatapoints = 2;
    a.scaleInDatapoints = 3;
    a.steps = {{0.0, 0.3, -1}, {0.7, std::nullopt, 2}};
    Autoscaler s(a);
    EXPECT_EQ(s.decide(at(60, 4, 4, 0.8)), 4);   // 1 of 2
    EXPECT_EQ(s.decide(at(120, 4, 4, 0.8)), 6);  // 2 of 2
    EXPECT_EQ(s.decide(at(180, 6, 6, 0.1)), 6);  // 1 of 3
    EXPECT_EQ(s.decide(at(240, 6, 6, 0.5)), 6);  // no step: the count restarts
    EXPECT_EQ(s.decide(at(300, 6, 6, 0.1)), 6);
    EXPECT_EQ(s.decide(at(360, 6, 6, 0.1)), 6);
    EXPECT_EQ(s.decide(at(420, 6, 6, 0.1)), 5);  // 3 of 3
}

TEST(StepScaling, PicksTheStepHoldingTheMetricThenCoolsDown)
{
    Autoscaling a;
    a.policy = Autoscaling::Policy::Step;
    a.min = 1;
    a.max = 10;
    a.cooldownS = 120;
    a.steps = {{0.0, 0.3, -1}, {0.7, 0.9, 1}, {0.9, std::nullopt, 3}};
    Autoscaler s(a);
    EXPECT_EQ(s.decide(at(0, 4, 4, 0.95)), 7);
    EXPECT_EQ(s.decide(at(60, 7, 4, 0.95)), 7);   // cooling down
    EXPECT_EQ(s.decide(at(120, 7, 7, 0.8)), 8);
    EXPECT_EQ(s.decide(at(240, 8, 8, 0.5)), 8);   // no step covers 0.3 … 0.7
    EXPECT_EQ(s.decide(at(360, 8, 8, 0.1)), 7);
}

TEST(ScheduledScaling, UsesTheEntryInForce)
{
    Autoscaling a;
    a.policy = Autoscaling::Policy::Scheduled;
    a.min = 1;
    a.max = 10;
    a.schedule = {{3600, 6}, {7200, 2}, {9000, 40}};
    Autoscaler s(a);
    EXPECT_EQ(s.scheduled(0, 3), 3);
    EXPECT_EQ(s.scheduled(3600, 3), 6);
    EXPECT_EQ(s.scheduled(8000, 3), 2);
    EXPECT_EQ(s.scheduled(9000, 3), 10);  // capped by max
}
