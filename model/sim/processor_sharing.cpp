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
//
// Most of the time a node has no more requests on CPU than vCPUs, and then sharing changes
// nothing: each request has a vCPU to itself. Such a request runs directly, with its own
// completion event at (now + work), and none of the bookkeeping above. When contention starts
// (one request more than vCPUs, a throttle, a noisy neighbour) the direct runs move into the heap
// with the work they have left; when it is over they move back out the same way.
#include "processor_sharing.h"

#include "recorder.h"
#include "request_path.h"
#include "workers.h"

#include <algorithm>
#include <limits>

namespace headroom::sim {

namespace {

// A function object, not a function pointer, so that the heap operations inline the comparison.
struct LaterFinish {
    bool operator()(const CpuSlot& a, const CpuSlot& b) const { return a.finish > b.finish; }
};

}  // namespace

ProcessorSharing::ProcessorSharing(World& w) : w_(w)
{
    // Without a throttle or a noisy neighbour the rate depends on k alone: worked out once for
    // every k a node's workers can reach (a health check holds a worker too).
    const ResolvedScenario& s = w.s;
    ratePerJobAt_.assign(std::size_t(s.workersPerNode) + 1, 0.0);
    for (int k = 1; k <= s.workersPerNode; ++k) {
        const double vcpusBusy = std::min<double>(k, s.vcpu);
        ratePerJobAt_[std::size_t(k)] = s.vcpusDelivered(vcpusBusy) / k;  // × 1 × 1: exact
    }
    // Direct runs need every request on CPU to get a whole vCPU whatever the others do.
    linearVcpus_ = true;
    for (int k = 1; k <= s.vcpu; ++k)
        if (s.vcpusDelivered(k) != k) linearVcpus_ = false;
    // Sharing ends well below the vCPU count, so that a node hovering at it does not move its
    // requests back and forth on every start and finish.
    backToDirectAt_ = std::size_t(std::max(1, s.vcpu / 2));
}

void ProcessorSharing::advanceAll()
{
    for (Node& n : w_.nodes)
        if (n.state != Node::State::Gone || !n.onCpu.empty() || !n.direct.empty()) advance(n);
}

// Contention starts: each direct run, which has had a whole vCPU, has (finish − now) of work
// left, and continues under sharing with exactly that.
void ProcessorSharing::toShared(std::uint32_t node)
{
    Node& n = w_.nodes[node];
    const double now = w_.now;
    for (const std::uint32_t job : n.direct) {
        DirectRun& r = directRuns_[job];
        ++r.serial;  // its event is now stale
        n.onCpu.push_back(CpuSlot{n.virtualTime + std::max(0.0, r.finishAt - now), job});
    }
    n.direct.clear();
    std::make_heap(n.onCpu.begin(), n.onCpu.end(), LaterFinish{});
    n.shared = true;
    n.ratePerJob = 0;  // no CpuDone is pending: reschedule() must schedule one
    n.pendingFinish = std::numeric_limits<double>::quiet_NaN();
}

// Contention is over (call advance first): each request's work left is its virtual finish less the
// virtual clock, and at full speed it finishes that much later.
void ProcessorSharing::toDirect(std::uint32_t node)
{
    Node& n = w_.nodes[node];
    w_.loop.clearOwnerTimer(node);
    n.pendingFinish = std::numeric_limits<double>::quiet_NaN();
    for (const CpuSlot& c : n.onCpu) addDirect(n, node, c.job, w_.now + std::max(0.0, c.finish - n.virtualTime));
    n.onCpu.clear();
    n.shared = false;
    n.busyVcpus = double(n.direct.size());
    n.ratePerJob = n.direct.empty() ? 0 : 1;
}

// Most changes (a request starting on a node with an idle vCPU) leave both the rate and the
// earliest finish as they were; the completion already pending is then still right and stays as
// it is (moving it would also move it behind other events due at the same time).
void ProcessorSharing::reschedule(std::uint32_t node)
{
    Node& n = w_.nodes[node];
    if (!n.shared) {
        if (mayRunDirect(n)) {  // each direct run still has a whole vCPU: its event stands
            n.busyVcpus = double(n.direct.size());
            n.ratePerJob = n.direct.empty() ? 0 : 1;
            return;
        }
        toShared(node);
    } else if (mayRunDirect(n) && n.onCpu.size() <= backToDirectAt_) {
        toDirect(node);
        return;
    }
    const int k = int(n.onCpu.size());
    if (k == 0) {
        w_.loop.clearOwnerTimer(node);
        n.pendingFinish = std::numeric_limits<double>::quiet_NaN();
        n.ratePerJob = n.busyVcpus = 0;
        return;
    }
    const double earliest = n.onCpu.front().finish;
    double rate;
    if (!n.throttled && n.noisy == 1 && std::size_t(k) < ratePerJobAt_.size()) {
        // The usual case, from the table: the same figure the general formula gives.
        rate = ratePerJobAt_[std::size_t(k)];
        n.busyVcpus = std::min<double>(k, w_.s.vcpu);
    } else {
        rate = rateFor(n, k);
    }
    if (rate == n.ratePerJob && earliest == n.pendingFinish) return;
    // The one pending is for another rate or another request: it moves.
    n.ratePerJob = rate;
    n.pendingFinish = earliest;
    const double remaining = std::max(0.0, earliest - n.virtualTime);
    w_.loop.setOwnerTimer(node, w_.now + remaining / rate, EventKind::CpuDone, node);
}

// The rate each of the k requests on CPU runs at, and the vCPUs they keep busy.
double ProcessorSharing::rateFor(Node& n, int k) const
{
    const ResolvedScenario& s = w_.s;
    const double vcpusBusy = std::min<double>(k, s.vcpu);
    // Out of credits in standard mode the node gets baseline × vCPUs of CPU time in all, however
    // many of its vCPUs are busy.
    const double throttle = n.throttled ? std::min(1.0, s.baselineFraction * s.vcpu / vcpusBusy) : 1.0;
    // What k busy vCPUs deliver together, in units of one uncontended vCPU of this node: k when the
    // vCPUs are independent, less when they are hyper-threads of the same cores.
    const double delivered = s.vcpusDelivered(vcpusBusy);
    n.busyVcpus = vcpusBusy * throttle * n.noisy;
    return delivered * throttle * n.noisy / k;
}

// Under sharing, the event rescheduled last for this node: whenever the rate or the earliest
// finish changed, the one before was cancelled, so this is the earliest request on CPU finishing now.
void ProcessorSharing::onCpuDone(std::uint32_t node)
{
    Node& n = w_.nodes[node];
    n.pendingFinish = std::numeric_limits<double>::quiet_NaN();
    advance(n);
    std::pop_heap(n.onCpu.begin(), n.onCpu.end(), LaterFinish{});
    const std::uint32_t job = n.onCpu.back().job;
    n.onCpu.pop_back();
    reschedule(node);
    w_.workers->afterCpu(node, job);
}

// A request starts on CPU while the node shares its vCPUs (or must start to).
void ProcessorSharing::startShared(std::uint32_t node, std::uint32_t job, double work)
{
    Node& n = w_.nodes[node];
    if (!n.shared) toShared(node);
    n.onCpu.push_back(CpuSlot{n.virtualTime + work, job});
    std::push_heap(n.onCpu.begin(), n.onCpu.end(), LaterFinish{});
    reschedule(node);
}

}  // namespace headroom::sim
