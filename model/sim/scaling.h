#pragma once
#include "autoscaler.h"
#include "world.h"

#include <optional>

namespace headroom::sim {

// Drives the autoscaling policy (autoscaler.h): gathers what it observes every metric period,
// or applies the schedule, and has the fleet follow its decision.
class Scaling {
public:
    explicit Scaling(World& w);
    int initialNodes() const;     // the scenario's node count within the policy's bounds
    void start(int initialNodes);
    void onTick();
    void onScheduledCapacity();
    int desired() const { return desired_; }

private:
    World& w_;
    std::optional<Autoscaler> scaler_;
    int desired_ = 0;
    double lastTick_ = 0;
};

}  // namespace headroom::sim
