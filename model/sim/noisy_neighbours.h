#pragma once
#include "world.h"

#include <cstdint>

namespace headroom::sim {

// Noisy neighbours: episodes, a Poisson process per node, during which the node's CPU runs
// `slowdown` times as fast, for an exponentially distributed time.
class NoisyNeighbours {
public:
    explicit NoisyNeighbours(World& w) : w_(w) {}
    void startOn(std::uint32_t node);   // the node is ready: its first episode is on the way
    void stopOn(std::uint32_t node);    // the node is gone
    void onStart(std::uint32_t node);
    void onEnd(std::uint32_t node);

private:
    World& w_;
};

}  // namespace headroom::sim
