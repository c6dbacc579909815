#pragma once
#include "event_loop.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace headroom::sim {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// A FIFO of job indices on a power-of-two ring that only grows.
class JobQueue {
public:
    bool empty() const { return size_ == 0; }
    std::uint32_t size() const { return size_; }
    void push(std::uint32_t v)
    {
        if (size_ == ring_.size()) grow();
        ring_[(head_ + size_) & (ring_.size() - 1)] = v;
        ++size_;
    }
    std::uint32_t pop()
    {
        const std::uint32_t v = ring_[head_];
        head_ = (head_ + 1) & std::uint32_t(ring_.size() - 1);
        --size_;
        return v;
    }

private:
    void grow();
    std::vector<std::uint32_t> ring_;
    std::uint32_t head_ = 0, size_ = 0;
};

// A request (or queued health check) in its CPU phase, under processor sharing: it finishes when
// the node's virtual time reaches `finish`.
struct CpuSlot {
    double finish = 0;
    std::uint32_t job = 0;
};

// What a worker holds or a node's queue keeps: one attempt of a request, or a queued health check.
struct Job {
    std::uint32_t request = kNone;      // kNone for a health check
    std::uint32_t serial = 0;           // attempt serial (request) or check serial (health)
    std::uint32_t node = 0;
    double enqueuedAt = 0;
    bool recordWait = false;            // a counted request's first attempt: its wait for a worker is recorded
};

// A health check waiting for its answer, with the timer that fails it if none comes in time.
struct PendingCheck {
    std::uint32_t serial = 0;
    TimerHandle timeout;
};

// One node of the cluster. Each part of the engine keeps its per-node state here, in its own group.
struct Node {
    enum class State : std::uint8_t { Launching, Ready, Draining, Gone };
    // Fleet (fleet.cpp).
    State state = State::Launching;
    double launchedAt = 0, readySince = 0, goneAt = -1;
    double speed = 1;                   // catalog speed ratio × this node's own factor
    TimerHandle ready;                  // pending NodeReady while launching
    // Workers (workers.cpp).
    int busy = 0;                       // workers holding a request or a health check
    JobQueue queue;
    double diskFreeAt = 0;              // the node's disk queue: when it can take the next op
    // Processor sharing (processor_sharing.cpp): the requests on CPU share the node's vCPUs
    // equally. `virtualTime` is the CPU work (seconds on one uncontended vCPU of this node) each
    // of them has received so far; it advances at `ratePerJob`, which changes whenever the number
    // on CPU, the throttle or a noisy neighbour changes, and the next CPU completion (the loop's
    // owner timer of this node) is moved then.
    std::vector<CpuSlot> onCpu;         // min-heap on finish
    double virtualTime = 0, virtualAt = 0, ratePerJob = 0, busyVcpus = 0;
    // The virtual finish the pending CpuDone event is for (NaN: none pending). While the rate and
    // the earliest finish stay the same, that event is still right and is not scheduled again.
    double pendingFinish = std::numeric_limits<double>::quiet_NaN();
    // While the node is uncontended (no more requests on CPU than vCPUs, no throttle, no noisy
    // neighbour, vCPUs that add up linearly) every request on CPU runs at full speed, so each
    // has its own completion event instead: `direct` lists them, `shared` is false. The first
    // request too many moves them all into `onCpu` with the work they have left.
    std::vector<std::uint32_t> direct;
    bool shared = false;
    // Noisy neighbour (noisy_neighbours.cpp).
    double noisy = 1;                   // slowdown while a noisy neighbour is active
    TimerHandle noisyTimer;             // its next start or end
    // Burstable CPU (credits.cpp).
    double credits = 0;
    bool throttled = false;
    // Health checks (health_checks.cpp).
    bool healthy = true;
    int okInRow = 0, failInRow = 0;
    std::uint32_t checkSerial = 0, checksResolved = 0;
    TimerHandle healthTick;
    std::vector<PendingCheck> pendingChecks;  // oldest first
    // Accumulators (vCPU-seconds used and worker-seconds held), read and reset by their owners.
    double cpuForCredits = 0, cpuForScaler = 0, busyForScaler = 0;
};

}  // namespace headroom::sim
