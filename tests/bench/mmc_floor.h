#pragma once
// The floor for the engine's speed: M/M/c written as plainly as it can be, with nothing a
// cluster needs (no nodes, balancer, retries, histograms, time series). A min-heap of the
// requests in service by departure time, a FIFO of waiting arrival times, xoshiro256++
// exponentials from the engine's own Rng.
#include "sim/random.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <queue>
#include <vector>

namespace headroom::bench {

struct FloorResult {
    std::int64_t completed = 0;
    double meanResponseS = 0;
};

inline FloorResult mmcFloor(double lambda, double mu, int servers, std::int64_t customers, std::uint64_t seed)
{
    sim::Rng rng(seed);
    std::deque<double> waiting;  // arrival times, first come first served
    double now = 0, nextArrival = rng.exponential(1 / lambda), totalResponse = 0;
    std::int64_t arrived = 0, completed = 0;
    // Requests in service as (departure time, arrival time), earliest departure on top.
    std::priority_queue<std::pair<double, double>, std::vector<std::pair<double, double>>, std::greater<>> inService;
    while (completed < customers) {
        if (arrived < customers && (inService.empty() || nextArrival < inService.top().first)) {
            now = nextArrival;
            ++arrived;
            if (int(inService.size()) < servers) inService.push({now + rng.exponential(1 / mu), now});
            else waiting.push_back(now);
            nextArrival = now + rng.exponential(1 / lambda);
        } else {
            const auto [t, arrival] = inService.top();
            inService.pop();
            now = t;
            totalResponse += now - arrival;
            ++completed;
            if (!waiting.empty()) {
                inService.push({now + rng.exponential(1 / mu), waiting.front()});
                waiting.pop_front();
            }
        }
    }
    return {completed, totalResponse / double(completed)};
}

}  // namespace headroom::bench
