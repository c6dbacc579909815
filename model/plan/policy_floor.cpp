#include "policy_floor.h"

#include "monthly_cost.h"
#include "short_window.h"
#include "sim/simulator.h"

#include <algorithm>
#include <cmath>

namespace headroom {

BusyPerRequest busyPerRequest(const SimulationResult& result, const ResolvedScenario& simulated)
{
    // Busy time per request grows with the load where vCPUs share a core (two hyper-threads
    // each run a request slower than one alone), and a window around the peak holds minutes in
    // which the policy lags the traffic and runs hot. A policy settles at its target, so the
    // minutes at or under the target are the ones that say how busy a request keeps a node
    // through the rest of the day; all of them count only when too few such minutes exist.
    const Autoscaling* scaling = simulated.doc.autoscaling ? &*simulated.doc.autoscaling : nullptr;
    const bool tracksTarget = scaling && scaling->target > 0;
    const double settled = tracksTarget ? scaling->target * 1.1 : 1.0;
    const bool onWorkers = scaling && scaling->metric == Autoscaling::Metric::Workers;
    struct Sum {
        double cpu = 0, held = 0, requests = 0;
    } atTarget, all;
    const double warmup = simulated.doc.warmupS;
    for (size_t i = 0; i < result.timeseries.size(); ++i) {
        const IntervalPoint& p = result.timeseries[i];
        if (p.tS < warmup) continue;
        const double end = i + 1 < result.timeseries.size() ? result.timeseries[i + 1].tS : result.durationS;
        // Ready node time of the interval: its ready count held over the interval (the series
        // keeps the count at its end; within a minute the difference is a node starting).
        const double nodeSeconds = p.nodesReady * std::max(0.0, end - p.tS);
        const double cpu = p.utilization * simulated.vcpu * nodeSeconds;
        const double held = p.workerUtilization * simulated.workersPerNode * nodeSeconds;
        const auto add = [&](Sum& s) {
            s.cpu += cpu;
            s.held += held;
            s.requests += p.arrivals;
        };
        add(all);
        if ((onWorkers ? p.workerUtilization : p.utilization) <= settled) add(atTarget);
    }
    const Sum& use = atTarget.requests >= 0.25 * all.requests ? atTarget : all;
    if (use.requests <= 0) return {};
    return {use.cpu / use.requests, use.held / use.requests};
}

std::optional<double> policyFloorCostUsd(const ResolvedScenario& configured, const BusyPerRequest& busy)
{
    const Scenario& doc = configured.doc;
    if (!doc.autoscaling) return std::nullopt;
    const Autoscaling& a = *doc.autoscaling;
    if (a.policy != Autoscaling::Policy::TargetTracking && a.policy != Autoscaling::Policy::KubernetesHpa) return std::nullopt;
    // How far over the target the metric may settle without a scale-out.
    const double headroom = a.policy == Autoscaling::Policy::KubernetesHpa ? 1 + std::max(0.0, a.hpaTolerance) : 1.0;
    const bool cpu = a.metric == Autoscaling::Metric::Cpu;
    const double perRequest = cpu ? busy.vcpuS : busy.workerS;
    const double perNode = cpu ? configured.vcpu : configured.workersPerNode;
    if (perRequest <= 0 || perNode <= 0 || a.target <= 0 || doc.durationS <= 0) return std::nullopt;
    const int lo = std::max(1, a.min), hi = std::max(lo, a.max);
    const double step = std::min(a.metricIntervalOrDefault(), doc.durationS);
    double nodeSeconds = 0;
    for (double t = 0; t < doc.durationS; t += step) {
        const double span = std::min(step, doc.durationS - t);
        const double load = rateAtTime(configured.ratePoints, t + span / 2) * perRequest / perNode;
        const int nodes = std::clamp(int(std::ceil(load / (a.target * headroom) - 1e-9)), lo, hi);
        nodeSeconds += nodes * span;
    }
    return monthlyCostOfNodesUsd(configured, nodeSeconds / doc.durationS);
}

}  // namespace headroom
