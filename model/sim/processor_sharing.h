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
    void start(std::uint32_t node, std::uint32_t job, double work);  // request_path.h
    void onCpuDone(std::uint32_t node);
    // A direct run's own event; `run` tells a stale one (its request moved into sharing) apart.
    // On every request's path: defined in request_path.h.
    void onDirectCpuDone(std::uint32_t job, std::uint32_t run);
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
        if (n.shared) {
            if (n.onCpu.empty()) return;
            n.virtualTime += n.ratePerJob * dt;
        } else if (n.direct.empty()) {
            return;
        }
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
    bool mayRunDirect(const Node& n) const { return linearVcpus_ && !n.throttled && n.noisy == 1; }
    void addDirect(Node& n, std::uint32_t node, std::uint32_t job, double finishAt);
    void startShared(std::uint32_t node, std::uint32_t job, double work);
    void toShared(std::uint32_t node);
    void toDirect(std::uint32_t node);

    // A request running directly: when it finishes, on which node, its place in Node::direct, and
    // the serial of its run. Moving the request into sharing ends the run, and its event, which
    // is left in the loop rather than cancelled (most runs never move), then finds the serial
    // changed and does nothing.
    struct DirectRun {
        double finishAt = 0;
        std::uint32_t node = 0, at = 0, serial = 0;
    };

    World& w_;
    std::vector<double> ratePerJobAt_;  // by the number on CPU, when neither throttled nor noisy
    std::vector<DirectRun> directRuns_;  // by job
    bool linearVcpus_ = false;           // k busy vCPUs deliver exactly k, for every k up to vcpu
    std::size_t backToDirectAt_ = 1;     // sharing ends when this few are left on CPU
};

}  // namespace headroom::sim
