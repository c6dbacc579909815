#pragma once
#include "world.h"

#include <cstddef>

namespace headroom::sim {

// New requests: a non-homogeneous Poisson process following the scenario's rate curve, each
// arrival handed to the client.
class Arrivals {
public:
    explicit Arrivals(World& w) : w_(w) {}
    void start();
    void onArrival();

private:
    double nextAfter(double t);

    World& w_;
    std::size_t rateSegment_ = 0;
};

}  // namespace headroom::sim
