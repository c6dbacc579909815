#pragma once
#include "world.h"

#include <cstddef>

namespace headroom::sim {

// New requests: a non-homogeneous Poisson process following the scenario's rate curve, each
// arrival handed to the client.
class Arrivals {
public:
    explicit Arrivals(World& w) : w_(w)
    {
        // A constant rate: the mean gap, worked out once rather than on every arrival.
        const auto& pts = w.s.ratePoints;
        constant_ = pts.size() == 1;
        if (constant_ && pts[0].second > 0) meanGap_ = 1 / pts[0].second;
    }
    void start();
    void onArrival();  // request_path.h

private:
    double nextAfter(double t);       // request_path.h
    double nextAlongCurve(double t);  // a rate that varies

    World& w_;
    std::size_t rateSegment_ = 0;
    bool constant_ = false;
    double meanGap_ = 0;  // 0: a constant rate of zero, no arrivals
};

}  // namespace headroom::sim
