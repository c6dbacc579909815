#pragma once
#include "autoscaler.h"
#include "event_queue.h"
#include "log_histogram.h"
#include "random.h"
#include "simulator.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>
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

struct Node {
    enum class State : std::uint8_t { Launching, Ready, Draining, Gone };
    State state = State::Launching;
    int busy = 0;                       // workers holding a request or a health check
    JobQueue queue;
    double launchedAt = 0, readySince = 0, goneAt = -1;
    double speed = 1;                   // catalog speed ratio × this node's own factor
    double noisy = 1;                   // slowdown while a noisy neighbour is active
    double diskFreeAt = 0;              // the node's disk queue: when it can take the next op
    // Processor sharing (cluster_cpu.cpp): the requests on CPU share the node's vCPUs equally.
    // `virtualTime` is the CPU work (seconds on one uncontended vCPU of this node) each of them has
    // received so far; it advances at `ratePerJob`, which changes whenever the number on CPU, the
    // throttle or a noisy neighbour changes, and the next CPU completion is rescheduled then.
    std::vector<CpuSlot> onCpu;         // min-heap on finish
    double virtualTime = 0, virtualAt = 0, ratePerJob = 0, busyVcpus = 0;
    std::uint32_t cpuGeneration = 0;    // a CpuDone event of an older generation is stale
    // The virtual finish the pending CpuDone event is for (NaN: none pending). While the rate and
    // the earliest finish stay the same, that event is still right and is not pushed again.
    double pendingFinish = std::numeric_limits<double>::quiet_NaN();
    // Burstable CPU.
    double credits = 0;
    bool throttled = false;
    // Health checks.
    bool healthy = true;
    int okInRow = 0, failInRow = 0;
    std::uint32_t checkSerial = 0, checksResolved = 0;
    // Accumulators (vCPU-seconds used and worker-seconds held), read and reset by their owners.
    double cpuForCredits = 0, cpuForScaler = 0, busyForScaler = 0;
};

struct Job {
    std::uint32_t request = kNone;      // kNone for a health check
    std::uint32_t serial = 0;           // attempt serial (request) or check serial (health)
    std::uint32_t node = 0;
    double enqueuedAt = 0;
    bool firstAttempt = false;
};

struct Request {
    double arrivedAt = 0;
    std::uint32_t liveSerial = 0;       // attempt whose answer the client still waits for; 0 = none
    std::uint16_t attempts = 0;
    std::uint16_t outstanding = 0;      // attempts still inside the cluster
    bool finished = false;
    bool counted = false;               // arrived after warm-up and before the end
};

// One replication of the cluster model. Owns all state; run() returns the result.
class ClusterEngine {
public:
    ClusterEngine(const ResolvedScenario& scenario, std::uint64_t streamSeed, const std::atomic<bool>* cancel,
                  std::atomic<double>* progress, bool keepTimeseries,
                  const std::vector<double>* carriedCredits = nullptr);
    ReplicationResult run();

private:
    // Requests (cluster_engine.cpp).
    void onArrival();
    double nextArrivalAfter(double t);
    void sendAttempt(std::uint32_t r);
    void dispatch(std::uint32_t node, std::uint32_t job);
    void startJob(std::uint32_t node, std::uint32_t job);
    void onServiceDone(std::uint32_t node, std::uint32_t job);
    void afterCpu(std::uint32_t node, std::uint32_t job);

    // Processor sharing of a node's vCPUs (cluster_cpu.cpp).
    void startCpu(std::uint32_t node, std::uint32_t job, double work);
    void onCpuDone(std::uint32_t node, std::uint32_t generation);
    void advanceCpu(Node& n);
    void rescheduleCpu(std::uint32_t node);
    void advanceAllCpu();
    void onClientTimeout(std::uint32_t r, std::uint32_t serial);
    void attemptFailed(std::uint32_t r);
    void maybeFree(std::uint32_t r);
    std::uint32_t pickNode();
    std::uint32_t newJob();
    std::uint32_t newRequest();

    // Nodes, health, credits, scaling, recording (cluster_nodes.cpp).
    std::uint32_t launchNode(bool immediate);
    void onNodeReady(std::uint32_t node);
    void retireOne();
    void reconcile(int desired);
    void finishDrainIfIdle(std::uint32_t node);
    void onHealthTick(std::uint32_t node);
    void healthResult(std::uint32_t node, bool ok);
    void onNoisy(std::uint32_t node, bool start);
    void onAccountingTick();
    void onScalerTick();
    void onIntervalEnd();
    void integrateNodeCounts();
    void rebuildEligible();
    double billedSeconds(const Node& n, double end) const;
    ReplicationResult finish();

    const ResolvedScenario& s_;
    Rng rng_;
    const std::atomic<bool>* cancel_;
    std::atomic<double>* progress_;
    bool keepTimeseries_;
    const std::vector<double>* carriedCredits_;  // balances of the nodes present at the start
    EventQueue events_;
    double now_ = 0;

    // Prepared figures.
    Sampler cpu_, rtt_, diskLatency_, nodeFactor_;
    Sampler provisioning_, boot_, start_, readiness_, registration_;
    double timeoutS_ = 0, backoffS_ = 0, checkTimeoutS_ = 0, checkCpuS_ = 0, accountingS_ = 5;
    int retries_ = 0, queueLimit_ = -1;
    bool healthChecks_ = false, queuedChecks_ = false;
    std::size_t rateSegment_ = 0;

    // State.
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> eligible_;
    bool eligibleDirty_ = true;
    std::uint32_t roundRobin_ = 0;
    std::vector<Job> jobs_;
    std::vector<std::uint32_t> freeJobs_;
    std::vector<Request> requests_;
    std::vector<std::uint32_t> freeRequests_;
    std::uint32_t attemptSerial_ = 0;
    int desired_ = 0;
    std::optional<Autoscaler> scaler_;
    double lastScalerTick_ = 0, lastAccounting_ = 0;

    // Counters.
    ReplicationResult out_;
    qint64 originalRequests_ = 0, retriesSent_ = 0;
    double surplusCredits_ = 0;          // billed surplus credits (unlimited mode)
    double carriedSurplus_ = 0;          // surplus the nodes present at the start owed already
    LogHistogram latency_, wait_, intervalLatency_;
    IntervalPoint interval_;
    double intervalStart_ = 0, intervalCpu_ = 0, intervalBusy_ = 0, intervalCreditMin_ = 0;
    qint64 intervalOver_ = 0;           // intervals over the SLO (after warm-up)
    // Node-count integrals: ready node-seconds and billed node-seconds.
    double countsAt_ = 0, readyNodeSeconds_ = 0, runningNodeSeconds_ = 0, readyNodeSecondsAtIntervalStart_ = 0;
    int readyCount_ = 0, runningCount_ = 0;
};

}  // namespace headroom::sim
