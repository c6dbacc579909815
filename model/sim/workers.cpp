#include "workers.h"

#include "client.h"
#include "health_checks.h"
#include "processor_sharing.h"
#include "recorder.h"
#include "request_path.h"

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

void Workers::noCpu(std::uint32_t node, std::uint32_t j) { afterCpu(node, j); }

// A full queue turns the job away: the client's attempt, or the health check, fails.
void Workers::turnAway(std::uint32_t node, std::uint32_t j)
{
    const Job job = jobs_[j];
    jobs_.release(j);
    if (job.request == kNone) w_.health->answered(node, job.serial, false);
    else w_.client->refused(job);
}

}  // namespace headroom::sim
