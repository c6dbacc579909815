#pragma once
#include "world.h"

#include <cstdint>
#include <vector>

namespace headroom::sim {

// The load balancer: which node in service gets the next attempt, by the scenario's policy.
class LoadBalancer {
public:
    explicit LoadBalancer(World& w) : w_(w) {}
    std::uint32_t pick();                      // kNone when no node is in service (request_path.h)
    void nodesChanged() { dirty_ = true; }     // a node became ready, drained, or changed health

private:
    void rebuild();
    std::uint32_t pickAmong(std::uint32_t n);  // by the policy, among n > 1 eligible nodes

    World& w_;
    std::vector<std::uint32_t> eligible_;
    bool dirty_ = true;
    std::uint32_t roundRobin_ = 0;
};

}  // namespace headroom::sim
