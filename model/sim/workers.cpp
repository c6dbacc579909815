#include "workers.h"

#include "client.h"
#include "fleet.h"
#include "health_checks.h"
#include "processor_sharing.h"
#include "recorder.h"

#include <algorithm>

namespace headroom::sim {

void JobQueue::grow()
{
    std::vector<std::uint32_t> bigger(std::max<size_t>(16, ring_.size() * 2));
    for (std::uint32_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
    ring_.swap(bigger);
    head_ = 0;
}

Workers::Workers(World& w)
    : w_(w), cpu_(w.s.cpuS), rtt_(w.s.rttS), diskLatency_(w.s.diskLatencyS)
{
    const Scenario& d = w.s.doc;
    if (d.cluster.queueLimit) queueLimit_ = *d.cluster.queueLimit;
    if (d.healthCheck) checkCpuS_ = d.healthCheck->cpuMs / 1000;
}

void Workers::dispatch(std::uint32_t node, std::uint32_t j)
{
    Node& n = w_.nodes[node];
    if (n.busy < w_.s.workersPerNode) {
        start(node, j);
        return;
    }
    if (queueLimit_ >= 0 && int(n.queue.size()) >= queueLimit_) {
        const Job job = jobs_[j];
        freeJobs_.push_back(j);
        if (job.request == kNone) w_.health->answered(node, job.serial, false);  // refused: failed
        else w_.client->refused(job);
        return;
    }
    n.queue.push(j);
}

void Workers::start(std::uint32_t node, std::uint32_t j)
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
    if (job.firstAttempt && w_.client->request(job.request).counted) w_.recorder->wait.add(w_.now - job.enqueuedAt);
    // CPU first, shared with the node's other requests on CPU; then I/O.
    const double work = cpu_.draw(w_.rng) / n.speed;  // seconds on one uncontended vCPU of this node
    if (work > 0) cpu.start(node, j, work);
    else afterCpu(node, j);
}

// The I/O part of a request: round trips, then the node's disk, which serves operations one after
// another at its IOPS, each then taking its device latency. The worker stays held throughout.
void Workers::afterCpu(std::uint32_t node, std::uint32_t j)
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

void Workers::onServiceDone(std::uint32_t node, std::uint32_t j)
{
    Node& n = w_.nodes[node];
    w_.cpu->advance(n);
    --n.busy;
    const Job job = jobs_[j];
    freeJobs_.push_back(j);
    if (job.request == kNone) w_.health->answered(node, job.serial, true);
    else w_.client->answered(job);
    if (!n.queue.empty()) start(node, n.queue.pop());
    else if (n.state == Node::State::Draining) w_.fleet->finishDrainIfIdle(node);
}

}  // namespace headroom::sim
