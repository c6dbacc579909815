#pragma once
// The path of every request through the parts, from its arrival to its answer: the functions the
// engine runs for each one, defined inline here where every part is complete. They stay members
// of their parts, and each part keeps its rare paths (a full queue, a refusal, a timeout, moving
// into processor sharing) in its own .cpp. Defined in their .cpp files, these were some fifteen
// calls per request that the compiler could not see through, each saving and restoring registers
// and loading again what the caller had at hand; here it fuses them into the engine's loop.
// Include this header in every file that calls one of them.
#include "arrivals.h"
#include "client.h"
#include "fleet.h"
#include "health_checks.h"
#include "load_balancer.h"
#include "processor_sharing.h"
#include "recorder.h"
#include "reusable_slots.h"
#include "workers.h"

namespace headroom::sim {

// Arrivals ------------------------------------------------------------------------------------

inline void Arrivals::onArrival()
{
    const double next = nextAfter(w_.now);
    if (next < w_.s.doc.durationS) w_.loop.postInOrder(EventLoop::Lane::Arrivals, next, EventKind::Arrival);
    w_.client->arrive();
}

[[gnu::always_inline]] inline double Arrivals::nextAfter(double t)
{
    if (constant_) return meanGap_ > 0 ? t + w_.rng.exponential(meanGap_) : w_.s.doc.durationS + 1;
    return nextAlongCurve(t);
}

// Client --------------------------------------------------------------------------------------

// Fields are written one by one rather than from a temporary Request: copying a temporary just
// built on the stack made the CPU wait for its stores to land (a store-forwarding stall that
// cost 5 % of the M/M/10 benchmark).
[[gnu::always_inline]] inline std::uint32_t Client::newRequest(bool counted)
{
    const std::uint32_t r = requests_.take();
    Request& req = requests_[r];
    req.arrivedAt = w_.now;
    req.liveSerial = 0;
    req.attempts = 0;
    req.outstanding = 0;
    req.finished = false;
    req.counted = counted;
    req.timeout = TimerHandle{};
    return r;
}

[[gnu::always_inline]] inline void Client::arrive()
{
    const bool counted = w_.now >= w_.s.doc.warmupS;
    const std::uint32_t r = newRequest(counted);
    ++originalRequests_;
    w_.recorder->interval.arrivals += 1;
    if (counted) ++w_.recorder->out.requests;
    sendAttempt(r);
}

[[gnu::always_inline]] inline void Client::sendAttempt(std::uint32_t r)
{
    Request& req = requests_[r];
    ReplicationResult& out = w_.recorder->out;
    ++req.attempts;
    if (req.counted) ++out.attempts;
    const std::uint32_t serial = ++attemptSerial_;
    req.liveSerial = serial;
    const std::uint32_t node = w_.balancer->pick();
    if (node == kNone) {  // nothing in service: the balancer answers 503
        if (req.counted) ++out.rejected;
        req.liveSerial = 0;
        attemptFailed(r);
        return;
    }
    Workers& workers = *w_.workers;
    const std::uint32_t j = workers.newJob(r, serial, node, req.attempts == 1 && req.counted);
    ++req.outstanding;
    // The same delay after a clock that never goes back: each timeout is due no earlier than the last.
    if (timeoutS_ > 0) req.timeout = w_.loop.scheduleInOrder(EventLoop::Lane::ClientTimeouts, w_.now + timeoutS_, EventKind::ClientTimeout, r);
    workers.dispatch(node, j);
}

[[gnu::always_inline]] inline void Client::answered(const Job& job)
{
    Request& req = requests_[job.request];
    --req.outstanding;
    if (!req.finished && req.liveSerial == job.serial) {
        w_.loop.cancel(req.timeout);
        req.finished = true;
        req.liveSerial = 0;
        w_.recorder->completed(w_.now - req.arrivedAt, req.counted);
    }
    maybeFree(job.request);
}

[[gnu::always_inline]] inline void Client::maybeFree(std::uint32_t r)
{
    const Request& req = requests_[r];
    if (req.finished && req.outstanding == 0) requests_.release(r);
}

// Load balancer -------------------------------------------------------------------------------

[[gnu::always_inline]] inline std::uint32_t LoadBalancer::pick()
{
    if (dirty_) rebuild();
    const std::uint32_t n = std::uint32_t(eligible_.size());
    if (n == 0) return kNone;
    if (n == 1) return eligible_[0];
    return pickAmong(n);
}

// Workers -------------------------------------------------------------------------------------

[[gnu::always_inline]] inline void Workers::dispatch(std::uint32_t node, std::uint32_t j)
{
    Node& n = w_.nodes[node];
    if (n.busy < w_.s.workersPerNode) {
        start(node, j);
        return;
    }
    if (queueLimit_ >= 0 && int(n.queue.size()) >= queueLimit_) {
        turnAway(node, j);
        return;
    }
    n.queue.push(j);
}

[[gnu::always_inline]] inline void Workers::start(std::uint32_t node, std::uint32_t j)
{
    Node& n = w_.nodes[node];
    const Job& job = jobs_[j];
    ProcessorSharing& cpu = *w_.cpu;
    cpu.advance(n);
    ++n.busy;
    if (job.request == kNone) {  // a queued health check: a little CPU, no I/O
        cpu.start(node, j, checkCpuS_ / n.speed);
        return;
    }
    if (job.recordWait) w_.recorder->wait.add(w_.now - job.enqueuedAt);
    // CPU first, shared with the node's other requests on CPU; then I/O.
    const double work = cpu_.draw(w_.rng) / n.speed;  // seconds on one uncontended vCPU of this node
    if (work > 0) cpu.start(node, j, work);
    else noCpu(node, j);
}

// The I/O part of a request: round trips, then the node's disk, which serves operations one after
// another at its IOPS, each then taking its device latency. The worker stays held throughout.
[[gnu::always_inline]] inline void Workers::afterCpu(std::uint32_t node, std::uint32_t j)
{
    Node& n = w_.nodes[node];
    const double now = w_.now;
    double hold = 0;
    if (jobs_[j].request != kNone) {
        for (int i = 0; i < w_.s.ioCalls; ++i) hold += rtt_.draw(w_.rng);
        if (w_.s.diskOps > 0) {
            double t = now + hold;
            for (int i = 0; i < w_.s.diskOps; ++i) {
                const double begin = std::max(t, n.diskFreeAt);
                n.diskFreeAt = begin + w_.s.diskServiceS;
                t = n.diskFreeAt + diskLatency_.draw(w_.rng);
            }
            hold = t - now;
        }
    }
    if (hold > 0) w_.loop.post(now + hold, EventKind::ServiceDone, node, j);
    else onServiceDone(node, j);
}

[[gnu::always_inline]] inline void Workers::onServiceDone(std::uint32_t node, std::uint32_t j)
{
    Node& n = w_.nodes[node];
    w_.cpu->advance(n);
    --n.busy;
    const Job job = jobs_[j];
    jobs_.release(j);
    if (job.request == kNone) w_.health->answered(node, job.serial, true);
    else w_.client->answered(job);
    if (!n.queue.empty()) start(node, n.queue.pop());
    else if (n.state == Node::State::Draining) w_.fleet->finishDrainIfIdle(node);
}

// Processor sharing ---------------------------------------------------------------------------

[[gnu::always_inline]] inline void ProcessorSharing::addDirect(Node& n, std::uint32_t node, std::uint32_t job, double finishAt)
{
    if (job >= directRuns_.size()) directRuns_.resize(std::size_t(job) + 1);
    DirectRun& r = directRuns_[job];
    r.finishAt = finishAt;
    r.node = node;
    r.at = std::uint32_t(n.direct.size());
    n.direct.push_back(job);
    w_.loop.post(finishAt, EventKind::DirectCpuDone, job, ++r.serial);
}

[[gnu::always_inline]] inline void ProcessorSharing::start(std::uint32_t node, std::uint32_t job, double work)
{
    Node& n = w_.nodes[node];
    advance(n);
    if (!n.shared && mayRunDirect(n) && n.direct.size() < std::size_t(w_.s.vcpu)) {
        addDirect(n, node, job, w_.now + work);  // a vCPU of its own: done after `work`
        n.busyVcpus = double(n.direct.size());
        n.ratePerJob = 1;
        return;
    }
    startShared(node, job, work);
}

// A direct run is over, unless its request has since moved into sharing.
inline void ProcessorSharing::onDirectCpuDone(std::uint32_t job, std::uint32_t run)
{
    DirectRun& r = directRuns_[job];
    if (r.serial != run) return;
    ++r.serial;  // over
    const std::uint32_t node = r.node;
    Node& n = w_.nodes[node];
    advance(n);
    const std::uint32_t last = n.direct.back();
    n.direct[r.at] = last;
    directRuns_[last].at = r.at;
    n.direct.pop_back();
    n.busyVcpus = double(n.direct.size());
    if (n.direct.empty()) n.ratePerJob = 0;
    w_.workers->afterCpu(node, job);
}

}  // namespace headroom::sim
