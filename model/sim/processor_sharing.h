#pragma once
#include "recorder.h"
#include "world.h"

#include <cstdint>
#include <vector>

namespace headroom::sim {

// Processor sharing of each node's vCPUs among the requests in their CPU phase.
class ProcessorSharing {
public:
    explicit ProcessorSharing(World& w);
    void start(std::uint32_t node, std::uint32_t job, double work);
    void onCpuDone(std::uint32_t node);
    // Brings the node's virtual clock, its vCPU-time and its worker-time accumulators up to now.
    // Call it before anything that changes the rate or the number of busy workers.
    void advance(Node& n)
    {
        const double dt = w_.now - n.virtualAt;
        n.virtualAt = w_.now;
        if (dt <= 0) return;
        const double held = n.busy * dt;  // worker-seconds
        n.busyForScaler += held;
        Recorder& rec = *w_.recorder;
        rec.intervalBusy += held;
        if (n.onCpu.empty()) return;
        n.virtualTime += n.ratePerJob * dt;
        const double used = n.busyVcpus * dt;  // vCPU-seconds: what credits and CPU metrics count
        n.cpuForCredits += used;
        n.cpuForScaler += used;
        rec.intervalCpu += used;
    }
    void advanceAll();
    // New rate for the requests on CPU, and the next completion at that rate. Call advance first.
    void reschedule(std::uint32_t node);

private:
    double rateFor(Node& n, int k) const;

    World& w_;
    std::vector<double> ratePerJobAt_;  // by the number on CPU, when neither throttled nor noisy
};

}  // namespace headroom::sim
