#include "screening.h"


#include "analysis/erlang_c.h"
#include "candidate_config.h"
#include "monthly_cost.h"
#include "scenario/resolved_scenario.h"
#include "short_window.h"
#include "slo_objective.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Mean of the piecewise-linear rate curve over [from, to].
double meanRate(const std::vector<std::pair<double, double>>& points, double from, double to)
{
    if (to <= from) return rateAtTime(points, from);
    // Breakpoints inside the window plus its ends; the curve is linear between them.
    std::vector<double> ts{from, to};
    for (const auto& p : points)
        if (p.first > from && p.first < to) ts.push_back(p.first);
    std::sort(ts.begin(), ts.end());
    double area = 0;
    for (size_t i = 1; i < ts.size(); ++i) area += (ts[i] - ts[i - 1]) * (rateAtTime(points, ts[i - 1]) + rateAtTime(points, ts[i])) / 2;
    return area / (to - from);
}

double lowRate(const std::vector<std::pair<double, double>>& points, double from, double to)
{
    double low = std::min(rateAtTime(points, from), rateAtTime(points, to));
    for (const auto& p : points)
        if (p.first > from && p.first < to) low = std::min(low, p.second);
    return low;
}

bool isExponential(const Distribution& d) { return d.kind == Distribution::Kind::Exponential; }

// Each request is an exponential CPU time served at no more than one vCPU's speed, with nothing
// else added: then 5 % of requests take over mean × ln 20 even on an idle node. Hyper-threads
// that share a core (all-core score below vcpu × single-core) only slow a request down.
bool requestsAreExponentialAlone(const ResolvedScenario& r)
{
    const Scenario& d = r.doc;
    const bool clientPassive = !d.client || (d.client->timeoutMs <= 0 && d.client->retries == 0);
    const bool checksFree = !d.healthCheck || !d.healthCheck->queued;
    return d.traffic.kind == Traffic::Kind::Poisson && isExponential(r.cpuS) && r.ioCalls == 0 && r.diskOps == 0
        && d.cluster.balancer == Balancer::Random && !autoscales(d) && d.cluster.speedCv <= 0
        && !d.cluster.noisyNeighbour && !r.burstable && clientPassive && checksFree && !d.cluster.queueLimit
        && r.workersPerNode <= r.vcpu && r.allVcpusDelivered <= r.vcpu;
}

// The M/M/c model is exact only when nothing the engine adds on top of it is switched on, and the
// node's vCPUs are independent (no all-core score below vcpu × single-core).
bool mmcIsExact(const ResolvedScenario& r)
{
    return requestsAreExponentialAlone(r) && (r.allVcpusDelivered <= 0 || r.allVcpusDelivered == r.vcpu);
}

// The CPU time the traffic needs on this machine, in vCPUs busy on average, with a tenth off
// for what the mean rate and speed spread leave uncertain.
double busyVcpusFloor(const ResolvedScenario& r, const Screening& s)
{
    const double cpuS = r.cpuS.expectedValue() / std::max(r.nodeSpeed, 1e-9);
    return 0.9 * s.meanRateRps * cpuS;
}

// The least a month of at least `nodes` nodes can cost. An unlimited-mode burstable node runs
// at full speed but pays for every credit it spends beyond what it earns: once the balances
// have settled day over day (as a full run carries them, and launches bring no credits in
// unlimited mode), the surplus is the CPU the traffic needs above the fleet's earnings. The
// cost is linear in the node count on either side of the count whose earnings cover the need,
// so the least is at `nodes` or at that count.
double burstableCostFloorUsd(const ResolvedScenario& r, const Screening& s, double nodes)
{
    if (!r.burstable || !r.unlimitedCredits || !r.carryCredits || r.creditsEarnedPerHour <= 0)
        return monthlyCostOfNodesUsd(r, nodes);
    const double needed = busyVcpusFloor(r, s);
    const double earnedPerNode = r.creditsEarnedPerHour / 60.0;  // 1 credit = 1 vCPU-minute
    auto cost = [&](double n) {
        return monthlyCostOfNodesUsd(r, n) + std::max(0.0, needed - n * earnedPerNode) * kHoursPerMonth * r.surplusUsdPerVcpuHour;
    };
    return std::min(cost(nodes), cost(std::max(nodes, needed / earnedPerNode)));
}

}  // namespace

double analyticP95Ms(const Screening& s, double rateRps, int nodes)
{
    if (nodes < 1 || s.serviceMeanS <= 0) return kInfinity;
    const double perNode = rateRps / nodes;
    if (perNode >= s.nodeCapacityRps) return kInfinity;
    queueing::MMc q;
    q.lambda = perNode;
    q.mu = 1.0 / s.serviceMeanS;
    q.servers = s.workers;
    // More workers than the vCPUs can run at once (several workers per vCPU, or hyper-threads
    // that deliver less than one vCPU each under load): the workers share the CPU, and the
    // node serves like as many servers as its CPU capacity holds requests, at that capacity.
    // Counting every worker as a server of full speed would promise latency no node gives.
    const double workerCapacity = s.workers / s.serviceMeanS;
    if (s.nodeCapacityRps < workerCapacity * (1 - 1e-9)) {
        q.servers = std::max(1, int(std::floor(s.nodeCapacityRps * s.serviceMeanS + 1e-9)));
        q.mu = s.nodeCapacityRps / q.servers;
    }
    if (!q.stable()) return kInfinity;
    return q.responsePercentile(0.95) * 1000.0;
}

std::optional<int> analyticNodes(const Screening& s, double rateRps, double sloMs, int maxNodes)
{
    // p95 falls as nodes are added, so the first node count within the SLO is the answer.
    for (int n = std::max(1, s.nodesLowerBound); n <= maxNodes; ++n)
        if (analyticP95Ms(s, rateRps, n) <= sloMs) return n;
    return std::nullopt;
}

Screening screenCandidate(const ResolvedScenario& r, int maxNodes)
{
    Screening s;
    const double cpuS = r.cpuS.expectedValue() / std::max(r.nodeSpeed, 1e-9);
    const double diskS = r.diskOps * (r.diskLatencyS.expectedValue() + r.diskServiceS);
    s.serviceMeanS = cpuS + r.ioCalls * r.rttS.expectedValue() + diskS;
    const double sloMs = responseTargetMs(r.doc, s.serviceMeanS);
    s.workers = std::max(1, r.workersPerNode);
    // A node runs out of workers or of vCPUs, whichever comes first.
    const double workerCapacity = s.workers / std::max(s.serviceMeanS, 1e-12);
    // A busy node's vCPUs give what its all-core score says (hyper-threads far less than two).
    const double cpuCapacity = cpuS > 0 ? r.vcpusDelivered(r.vcpu) / cpuS : kInfinity;
    s.cpu = r.cpu;
    s.nodeCapacityRps = std::min(workerCapacity, cpuCapacity);
    s.exact = mmcIsExact(r);

    const double from = std::min(r.doc.warmupS, r.doc.durationS);
    s.peakRateRps = r.peakRateRps;
    s.meanRateRps = meanRate(r.ratePoints, from, r.doc.durationS);
    s.lowRateRps = lowRate(r.ratePoints, from, r.doc.durationS);
    const bool scaling = autoscales(r.doc);
    const double sizingRate = scaling ? s.lowRateRps : s.peakRateRps;
    // Strictly more capacity than load: a queue at 100 % never drains.
    s.nodesLowerBound = std::max(1, int(std::floor(sizingRate / s.nodeCapacityRps)) + 1);
    if (sizingRate <= 0) s.nodesLowerBound = 1;
    s.lowerBoundNodes = scaling ? std::max(1.0, s.meanRateRps / s.nodeCapacityRps) : double(s.nodesLowerBound);
    s.lowerBoundCostUsd = burstableCostFloorUsd(r, s, s.lowerBoundNodes);

    const double sloS = sloMs / 1000.0;
    if (s.serviceMeanS > sloS) {
        s.outcome = Screening::Outcome::Hopeless;
        s.reason = QStringLiteral("cannot meet p95 %1 ms: a request alone takes %2 ms on average on this machine")
                       .arg(sloMs, 0, 'f', 0)
                       .arg(s.serviceMeanS * 1000, 0, 'f', 0);
        s.estimateCostUsd = kInfinity;
        return s;
    }
    if (requestsAreExponentialAlone(r) && s.serviceMeanS * std::log(20.0) > sloS) {
        // Exponential service: even an idle node answers 5 % of requests slower than 3 × mean.
        s.outcome = Screening::Outcome::Hopeless;
        s.reason = QStringLiteral("cannot meet p95 %1 ms: even with no queueing, 5 % of requests take over %2 ms "
                                  "(exponential CPU time, mean %3 ms)")
                       .arg(sloMs, 0, 'f', 0)
                       .arg(s.serviceMeanS * std::log(20.0) * 1000, 0, 'f', 0)
                       .arg(s.serviceMeanS * 1000, 0, 'f', 1);
        s.estimateCostUsd = kInfinity;
        return s;
    }
    s.nodesAtPeak = analyticNodes(s, s.peakRateRps, sloMs, maxNodes);
    if (scaling) s.nodesAtLow = analyticNodes(s, s.lowRateRps, sloMs, maxNodes);
    if (s.nodesAtPeak) {
        s.analyticP95Ms = analyticP95Ms(s, s.peakRateRps, *s.nodesAtPeak);
        const double nodes = scaling ? analyticNodes(s, s.meanRateRps, sloMs, maxNodes).value_or(*s.nodesAtPeak)
                                     : *s.nodesAtPeak;
        s.estimateCostUsd = std::max(monthlyCostOfNodesUsd(r, nodes), burstableCostFloorUsd(r, s, nodes));
    } else if (s.nodesLowerBound > maxNodes) {
        s.outcome = Screening::Outcome::TooExpensive;
        s.reason = QStringLiteral("ruled out without simulation: the peak of %1 requests/s needs more than %2 nodes")
                       .arg(s.peakRateRps, 0, 'f', 0)
                       .arg(maxNodes);
        s.estimateCostUsd = kInfinity;
    } else {
        // The M/M/c guess found nothing within the limit; the simulator may still (the real
        // service time can be less variable than an exponential one).
        s.estimateCostUsd = monthlyCostOfNodesUsd(r, maxNodes);
    }
    return s;
}

}  // namespace headroom
