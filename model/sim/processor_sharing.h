#pragma once
#include "world.h"

#include <cstdint>

namespace headroom::sim {

// Processor sharing of each node's vCPUs among the requests in their CPU phase.
class ProcessorSharing {
public:
    explicit ProcessorSharing(World& w) : w_(w) {}
    void start(std::uint32_t node, std::uint32_t job, double work);
    void onCpuDone(std::uint32_t node);
    // Brings the node's virtual clock, its vCPU-time and its worker-time accumulators up to now.
    // Call it before anything that changes the rate or the number of busy workers.
    void advance(Node& n);
    void advanceAll();
    // New rate for the requests on CPU, and the next completion at that rate. Call advance first.
    void reschedule(std::uint32_t node);

private:
    World& w_;
};

}  // namespace headroom::sim
