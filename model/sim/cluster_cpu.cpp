// Processor sharing of a node's vCPUs. Every request in its CPU phase gets an equal share of the
// node's capacity, and the share is recomputed the moment the number of requests on CPU changes
// (or a throttle or a noisy neighbour starts or ends), so a node never idles a vCPU while a
// request that could use it waits: the model is work-conserving. With more workers than vCPUs
// this is what an operating system's fair scheduler does to the worker processes.
//
// Bookkeeping uses a virtual clock per node: the CPU work each running request has received.
// A request needing `work` finishes when the virtual clock reaches (virtual time at its start +
// work); the heap holds those finish marks, so a rate change costs one reschedule, not one update
// per request.
#include "cluster_engine.h"

#include <algorithm>
#include <limits>

namespace headroom::sim {

namespace {

bool laterFinish(const CpuSlot& a, const CpuSlot& b) { return a.finish > b.finish; }

}  // namespace

// Brings the node's virtual clock, its vCPU-time and its worker-time accumulators up to now.
// Call it before anything that changes the rate or the number of busy workers.
void ClusterEngine::advanceCpu(Node& n)
{
    const double dt = now_ - n.virtualAt;
    n.virtualAt = now_;
    if (dt <= 0) return;
    const double held = n.busy * dt;  // worker-seconds
    n.busyForScaler += held;
    intervalBusy_ += held;
    if (n.onCpu.empty()) return;
    n.virtualTime += n.ratePerJob * dt;
    const double used = n.busyVcpus * dt;  // vCPU-seconds: what credits and CPU metrics count
    n.cpuForCredits += used;
    n.cpuForScaler += used;
    intervalCpu_ += used;
}

void ClusterEngine::advanceAllCpu()
{
    for (Node& n : nodes_)
        if (n.state != Node::State::Gone || !n.onCpu.empty()) advanceCpu(n);
}

// New rate for the requests on CPU, and the next completion at that rate. Call advanceCpu first.
// Most changes (a request starting on a node with an idle vCPU) leave both the rate and the
// earliest finish as they were; the event already queued is then still right, and pushing a new
// one would only leave a stale event behind for the queue to carry.
void ClusterEngine::rescheduleCpu(std::uint32_t node)
{
    Node& n = nodes_[node];
    const int k = int(n.onCpu.size());
    if (k == 0) {
        ++n.cpuGeneration;
        n.pendingFinish = std::numeric_limits<double>::quiet_NaN();
        n.ratePerJob = n.busyVcpus = 0;
        return;
    }
    const double vcpusBusy = std::min<double>(k, s_.vcpu);
    // Out of credits in standard mode the node gets baseline × vCPUs of CPU time in all, however
    // many of its vCPUs are busy.
    const double throttle = n.throttled ? std::min(1.0, s_.baselineFraction * s_.vcpu / vcpusBusy) : 1.0;
    // What k busy vCPUs deliver together, in units of one uncontended vCPU of this node: k when the
    // vCPUs are independent, less when they are hyper-threads of the same cores.
    const double delivered = s_.vcpusDelivered(vcpusBusy);
    const double rate = delivered * throttle * n.noisy / k;
    n.busyVcpus = vcpusBusy * throttle * n.noisy;
    const double earliest = n.onCpu.front().finish;
    if (rate == n.ratePerJob && earliest == n.pendingFinish) return;
    ++n.cpuGeneration;
    n.ratePerJob = rate;
    n.pendingFinish = earliest;
    const double remaining = std::max(0.0, earliest - n.virtualTime);
    events_.push(now_ + remaining / rate, EventType::CpuDone, node, n.cpuGeneration);
}

void ClusterEngine::startCpu(std::uint32_t node, std::uint32_t job, double work)
{
    Node& n = nodes_[node];
    advanceCpu(n);
    n.onCpu.push_back(CpuSlot{n.virtualTime + work, job});
    std::push_heap(n.onCpu.begin(), n.onCpu.end(), laterFinish);
    rescheduleCpu(node);
}

void ClusterEngine::onCpuDone(std::uint32_t node, std::uint32_t generation)
{
    Node& n = nodes_[node];
    if (generation != n.cpuGeneration || n.onCpu.empty()) return;  // the rate changed since
    n.pendingFinish = std::numeric_limits<double>::quiet_NaN();
    advanceCpu(n);
    std::pop_heap(n.onCpu.begin(), n.onCpu.end(), laterFinish);
    const std::uint32_t job = n.onCpu.back().job;
    n.onCpu.pop_back();
    rescheduleCpu(node);
    afterCpu(node, job);
}

}  // namespace headroom::sim
