#include "recorder.h"

#include "credits.h"
#include "fleet.h"
#include "processor_sharing.h"
#include "scaling.h"

#include <algorithm>

namespace headroom::sim {

void Recorder::start()
{
    interval = IntervalPoint{};
    creditMin = 0;
    if (w_.s.burstable) {
        creditMin = 1e300;
        for (const Node& n : w_.nodes) creditMin = std::min(creditMin, n.credits);
    }
}

void Recorder::scheduleFirstInterval()
{
    const Scenario& d = w_.s.doc;
    w_.loop.post(std::min(d.intervalS, d.durationS), EventKind::IntervalEnd);
}

void Recorder::onIntervalEnd()
{
    const Scenario& d = w_.s.doc;
    const ResolvedScenario& s = w_.s;
    const double now = w_.now;
    Fleet& fleet = *w_.fleet;
    fleet.integrateCounts();
    w_.cpu->advanceAll();
    const double span = now - intervalStart_;
    IntervalPoint& p = interval;
    p.tS = intervalStart_;
    static constexpr double kQs[3] = {0.50, 0.95, 0.99};
    double q[3];
    intervalLatency_.quantiles(kQs, q, 3);
    p.p50Ms = q[0] * 1000;
    p.p95Ms = q[1] * 1000;
    p.p99Ms = q[2] * 1000;
    p.nodesDesired = w_.scaling->desired();
    p.nodesReady = fleet.readyCount();
    int healthy = 0;
    for (const Node& n : w_.nodes)
        if (n.state == Node::State::Ready && n.healthy) ++healthy;
    p.nodesHealthy = healthy;
    p.creditBalanceMin = s.burstable ? creditMin : 0;
    p.costUsd = fleet.runningNodeSeconds() * s.pricePerHourUsd / 3600 + w_.credits->surplus() * s.surplusUsdPerVcpuHour / 60;
    // Utilisation: vCPU-seconds and worker-seconds used over those available in ready node time.
    const double nodeSeconds = fleet.readyNodeSeconds() - readyNodeSecondsAtIntervalStart_;
    p.utilization = nodeSeconds > 0 ? std::min(1.0, intervalCpu / (s.vcpu * nodeSeconds)) : 0;
    p.workerUtilization = nodeSeconds > 0 ? std::min(1.0, intervalBusy / (s.workersPerNode * nodeSeconds)) : 0;

    if (intervalStart_ >= d.warmupS && d.slo) {
        const bool slow = d.slo->latencyP95Ms > 0 && p.completed > 0 && p.p95Ms > d.slo->latencyP95Ms;
        const bool failing = p.arrivals > 0 && p.errors / p.arrivals > d.slo->errorRate;
        if (slow || failing) out.minutesOverSlo += span / 60;
    }
    out.peakNodes = std::max(out.peakNodes, double(fleet.readyCount()));
    if (keepTimeseries_) out.timeseries.push_back(p);

    intervalStart_ = now;
    intervalLatency_.clear();
    intervalCpu = intervalBusy = 0;
    double lowest = 1e300;
    for (const Node& n : w_.nodes)
        if (n.state == Node::State::Ready || n.state == Node::State::Draining) lowest = std::min(lowest, n.credits);
    creditMin = lowest < 1e300 ? lowest : 0;
    interval = IntervalPoint{};
    readyNodeSecondsAtIntervalStart_ = fleet.readyNodeSeconds();
    if (now < d.durationS - 1e-9) w_.loop.post(std::min(now + d.intervalS, d.durationS), EventKind::IntervalEnd);
}

void Recorder::onEnd()
{
    if (intervalStart_ < w_.s.doc.durationS - 1e-9) onIntervalEnd();
}

ReplicationResult Recorder::finish()
{
    const Scenario& d = w_.s.doc;
    const ResolvedScenario& s = w_.s;
    w_.now = d.durationS;
    Fleet& fleet = *w_.fleet;
    fleet.integrateCounts();
    ReplicationResult& r = out;
    r.errorRate = r.requests > 0 ? double(r.errors) / double(r.requests) : 0;
    r.attemptsPerRequest = r.requests > 0 ? double(r.attempts) / double(r.requests) : 0;
    r.latencyMs = {latency_.mean() * 1000, latency_.quantile(0.5) * 1000, latency_.quantile(0.95) * 1000,
                   latency_.quantile(0.99) * 1000};
    r.queueWaitMs = {wait.mean() * 1000, wait.quantile(0.5) * 1000, wait.quantile(0.95) * 1000, wait.quantile(0.99) * 1000};
    r.nodeHours = fleet.runningNodeSeconds() / 3600;
    const double billed = fleet.billedSeconds(w_.now);
    Credits& credits = *w_.credits;
    credits.settle(r);
    r.creditSurchargeUsd = credits.surplus() * s.surplusUsdPerVcpuHour / 60;
    r.costUsd = billed * s.pricePerHourUsd / 3600 + r.creditSurchargeUsd;
    if (d.slo) {
        r.sloMet = r.errorRate <= d.slo->errorRate;
        if (d.slo->latencyP95Ms > 0) r.sloMet = r.sloMet && r.latencyMs.p95 <= d.slo->latencyP95Ms;
        if (d.slo->queueWaitP95Ms) r.sloMet = r.sloMet && r.queueWaitMs.p95 <= *d.slo->queueWaitP95Ms;
    }
    return r;
}

}  // namespace headroom::sim
