#pragma once
#include "random.h"
#include "world.h"

#include <cstdint>

namespace headroom::sim {

// The nodes' lifecycle: launch (decision → provisioning → boot → image pull → app start →
// readiness → registration), service, scale-in by cancelling a launch or draining, and the time
// integrals of the node counts that give node-hours, cost and utilisation.
class Fleet {
public:
    explicit Fleet(World& w);
    std::uint32_t launch(bool immediate);  // immediate: in service at once (the nodes at the start)
    void onReady(std::uint32_t node);
    void reconcile(int desired);           // launch or retire nodes until `desired` are up or coming
    void finishDrainIfIdle(std::uint32_t node);
    void integrateCounts();                // bring the node-second integrals up to now
    double billedSeconds(double end) const;  // all nodes, rounded as the provider bills them

    int readyCount() const { return readyCount_; }
    double readyNodeSeconds() const { return readyNodeSeconds_; }
    double runningNodeSeconds() const { return runningNodeSeconds_; }

private:
    void retireOne();

    World& w_;
    Sampler nodeFactor_, provisioning_, boot_, start_, readiness_, registration_;
    double countsAt_ = 0, readyNodeSeconds_ = 0, runningNodeSeconds_ = 0;
    int readyCount_ = 0, runningCount_ = 0;
};

}  // namespace headroom::sim
