#pragma once
#include "world.h"

#include <cstdint>

namespace headroom::sim {

// The balancer's health checks: every node in service is checked each interval; `unhealthy`
// failures in a row take it out of rotation and `healthy` successes bring it back. A queued check
// waits for a worker like a request and fails if no answer comes before its timeout; otherwise a
// separate port answers at once.
class HealthChecks {
public:
    explicit HealthChecks(World& w);
    bool enabled() const { return enabled_; }
    void startOn(std::uint32_t node);   // the node is ready: its first check comes within an interval
    void stopOn(std::uint32_t node);    // the node drains: no more checks
    void onTick(std::uint32_t node);
    void onTimeout(std::uint32_t node, std::uint32_t serial);
    // A worker answered check `serial` (or its queue refused it: not ok). An answer to a check
    // older than one already resolved counts for nothing.
    void answered(std::uint32_t node, std::uint32_t serial, bool ok);

private:
    void resolve(std::uint32_t node, std::uint32_t serial, bool ok);

    World& w_;
    bool enabled_ = false, queued_ = false;
    double timeoutS_ = 0;
};

}  // namespace headroom::sim
