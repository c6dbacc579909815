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

TEST(TargetTracking, ScalesProportionallyAndCountsLaunchingCapacity)
{
    Autoscaling a;
    a.policy = Autoscaling::Policy::TargetTracking;
    a.target = 0.6;
    a.min = 2;
    a.max = 30;
    a.cooldownS = 300;
    Autoscaler s(a);
    // 5 nodes at 90 %: ceil(5 × 0.9 / 0.6) = ceil(7.5) = 8.
    EXPECT_EQ(s.decide(at(0, 5, 5, 0.9)), 8);
    // Still 5 ready at 90 % while 3 launch: 8 is already asked for, no second scale-out.
    ScalerInput in = at(60, 8, 5, 0.9);
    in.launching = 3;
    EXPECT_EQ(s.decide(in), 8);
    // 8 ready at 30 %, but the cooldown since the scale-out (300 s) has not passed.
    EXPECT_EQ(s.decide(at(120, 8, 8, 0.3)), 8);
    // After it: ceil(8 × 0.3 / 0.6) = 4.
    EXPECT_EQ(s.decide(at(300, 8, 8, 0.3)), 4);
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
