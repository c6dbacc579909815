#pragma once
#include "scenario/scenario.h"

#include <deque>
#include <utility>

namespace headroom::sim {

// What a scaling policy sees at one evaluation.
struct ScalerInput {
    double now = 0;
    int desired = 0;        // the capacity asked for so far (ready + still launching)
    int ready = 0;          // nodes whose metric counts (HPA: ready for at least the readiness delay)
    int launching = 0;      // decided but not yet serving, or still in its instance warm-up
    double metric = 0;      // mean utilisation (0…1) of the `ready` nodes
};

// The policies of DESIGN §6 as pure functions of what they observe, so that each can be checked
// against its published formula on a hand-made trace. decide() returns the new desired count,
// already within [min, max].
class Autoscaler {
public:
    explicit Autoscaler(const Autoscaling& config) : c_(config) {}
    int decide(const ScalerInput& in);
    int clamp(int n) const;
    // Scheduled policy: the capacity in force at time t (before the first entry: `initial`).
    int scheduled(double t, int initial) const;

private:
    int targetTracking(const ScalerInput& in);
    int step(const ScalerInput& in);
    int kubernetesHpa(const ScalerInput& in);

    Autoscaling c_;
    double lastScaleS_ = -1e300;
    int highRun_ = 0, lowRun_ = 0;  // consecutive datapoints breaching the scale-out / scale-in alarm
    std::deque<std::pair<double, int>> recommendations_;  // HPA: (time, recommendation) in the window
};

}  // namespace headroom::sim
