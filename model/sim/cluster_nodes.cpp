// Node lifecycle, health checks, burstable credits, autoscaling and the per-interval record of
// the cluster model. The request path is in cluster_engine.cpp.
#include "cluster_engine.h"

#include <algorithm>
#include <cmath>

namespace headroom::sim {

// Node counts change in steps; their time integrals give node-hours, cost and utilisation.
void ClusterEngine::integrateNodeCounts()
{
    const double dt = now_ - countsAt_;
    readyNodeSeconds_ += readyCount_ * dt;
    runningNodeSeconds_ += runningCount_ * dt;
    countsAt_ = now_;
}

std::uint32_t ClusterEngine::launchNode(bool immediate)
{
    integrateNodeCounts();
    const std::uint32_t id = std::uint32_t(nodes_.size());
    nodes_.emplace_back();
    Node& n = nodes_.back();
    n.launchedAt = now_;
    const double factor = nodeFactor_.draw(rng_);
    n.speed = s_.nodeSpeed * factor;
    out_.nodeSpeedFactors.push_back(factor);
    n.credits = s_.launchCredits;  // the family's launch credits (none for AWS T3, T3a, T4g)
    ++runningCount_;
    if (immediate) {
        onNodeReady(id);
    } else {
        // Decision → provisioning → boot → image pull → app start → readiness → registration.
        const double lead = provisioning_.draw(rng_) + boot_.draw(rng_) + s_.imagePullS + start_.draw(rng_)
                            + readiness_.draw(rng_) + registration_.draw(rng_);
        events_.push(now_ + lead, EventType::NodeReady, id);
    }
    return id;
}

void ClusterEngine::onNodeReady(std::uint32_t id)
{
    Node& n = nodes_[id];
    if (n.state != Node::State::Launching) return;  // cancelled while launching
    integrateNodeCounts();
    n.state = Node::State::Ready;
    n.readySince = now_;
    ++readyCount_;
    // Nodes present at the start are in service; a new one must pass `healthy` checks first.
    n.healthy = !healthChecks_ || now_ == 0;
    eligibleDirty_ = true;
    if (healthChecks_) events_.push(now_ + rng_.uniform() * s_.doc.healthCheck->intervalS, EventType::HealthTick, id);
    if (const auto& nn = s_.doc.cluster.noisyNeighbour; nn && nn->episodesPerHour > 0)
        events_.push(now_ + rng_.exponential(3600 / nn->episodesPerHour), EventType::NoisyStart, id);
}

// Scale-in: a node still launching is cancelled first (newest first), else the newest node in
// service drains (takes no new requests, finishes what it holds).
void ClusterEngine::retireOne()
{
    for (std::uint32_t i = std::uint32_t(nodes_.size()); i-- > 0;) {
        Node& n = nodes_[i];
        if (n.state == Node::State::Launching) {
            integrateNodeCounts();
            n.state = Node::State::Gone;
            n.goneAt = now_;
            --runningCount_;
            return;
        }
    }
    for (std::uint32_t i = std::uint32_t(nodes_.size()); i-- > 0;) {
        Node& n = nodes_[i];
        if (n.state == Node::State::Ready) {
            integrateNodeCounts();
            n.state = Node::State::Draining;
            --readyCount_;
            eligibleDirty_ = true;
            finishDrainIfIdle(i);
            return;
        }
    }
}

void ClusterEngine::finishDrainIfIdle(std::uint32_t id)
{
    Node& n = nodes_[id];
    if (n.state != Node::State::Draining || n.busy > 0 || !n.queue.empty()) return;
    integrateNodeCounts();
    surplusCredits_ += std::max(0.0, -n.credits);  // surplus still owed is billed when a node stops
    n.credits = 0;
    n.state = Node::State::Gone;
    n.goneAt = now_;
    --runningCount_;
}

void ClusterEngine::reconcile(int desired)
{
    int active = 0;
    for (const Node& n : nodes_)
        if (n.state == Node::State::Launching || n.state == Node::State::Ready) ++active;
    for (; active < desired; ++active) launchNode(false);
    for (; active > desired; --active) retireOne();
}

void ClusterEngine::rebuildEligible()
{
    eligible_.clear();
    bool anyHealthy = false;
    for (const Node& n : nodes_)
        if (n.state == Node::State::Ready && n.healthy) anyHealthy = true;
    // Fail open: when no node passes its checks, the balancer sends to all of them (ALB, Envoy).
    for (std::uint32_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].state == Node::State::Ready && (nodes_[i].healthy || !anyHealthy)) eligible_.push_back(i);
    eligibleDirty_ = false;
}

void ClusterEngine::onHealthTick(std::uint32_t id)
{
    Node& n = nodes_[id];
    if (n.state != Node::State::Ready) return;
    const HealthCheck& hc = *s_.doc.healthCheck;
    events_.push(now_ + hc.intervalS, EventType::HealthTick, id);
    const std::uint32_t serial = ++n.checkSerial;
    if (!queuedChecks_) {  // a separate port answers at once while the node is up
        n.checksResolved = serial;
        healthResult(id, true);
        return;
    }
    events_.push(now_ + checkTimeoutS_, EventType::HealthTimeout, id, serial);
    const std::uint32_t j = newJob();
    jobs_[j] = Job{kNone, serial, id, now_, false};
    dispatch(id, j);
}

void ClusterEngine::healthResult(std::uint32_t id, bool ok)
{
    Node& n = nodes_[id];
    const HealthCheck& hc = *s_.doc.healthCheck;
    if (ok) {
        n.failInRow = 0;
        if (++n.okInRow >= hc.healthy && !n.healthy) {
            n.healthy = true;
            eligibleDirty_ = true;
        }
    } else {
        n.okInRow = 0;
        if (++n.failInRow >= hc.unhealthy && n.healthy) {
            n.healthy = false;
            eligibleDirty_ = true;
        }
    }
}

void ClusterEngine::onNoisy(std::uint32_t id, bool start)
{
    Node& n = nodes_[id];
    if (n.state == Node::State::Gone) return;
    const NoisyNeighbour& nn = *s_.doc.cluster.noisyNeighbour;
    advanceCpu(n);
    if (start) {
        n.noisy = nn.slowdown;
        events_.push(now_ + rng_.exponential(nn.meanDurationS), EventType::NoisyEnd, id);
    } else {
        n.noisy = 1;
        events_.push(now_ + rng_.exponential(3600 / nn.episodesPerHour), EventType::NoisyStart, id);
    }
    rescheduleCpu(id);
}

// Burstable credits (1 credit = 1 vCPU-minute at 100 %): each node earns credits_per_hour up to
// the cap and spends the vCPU-minutes it used. At zero a standard-mode node is held to its
// baseline. An unlimited-mode node keeps full speed and spends surplus credits, a negative
// balance that later earnings pay back first; AWS bills surplus beyond what the node earns in
// 24 hours at once, and what is still owed when the node stops.
void ClusterEngine::onAccountingTick()
{
    const double dt = now_ - lastAccounting_;
    lastAccounting_ = now_;
    if (now_ + accountingS_ <= s_.doc.durationS) events_.push(now_ + accountingS_, EventType::AccountingTick);
    if (!s_.burstable) return;
    const double earned = s_.creditsEarnedPerHour * dt / 3600;
    double lowest = 1e300;
    for (std::uint32_t id = 0; id < nodes_.size(); ++id) {
        Node& n = nodes_[id];
        if (n.state != Node::State::Ready && n.state != Node::State::Draining) continue;
        advanceCpu(n);
        const bool wasThrottled = n.throttled;
        n.credits = std::min(s_.maxCredits, n.credits + earned - n.cpuForCredits / 60);
        n.cpuForCredits = 0;
        if (s_.unlimitedCredits) {
            const double floor = -s_.creditsEarnedPerHour * 24;
            if (n.credits < floor) {
                surplusCredits_ += floor - n.credits;
                n.credits = floor;
            }
        } else if (n.credits <= 0) {
            n.credits = 0;
            n.throttled = true;
        } else {
            n.throttled = false;
        }
        if (n.throttled != wasThrottled) rescheduleCpu(id);
        lowest = std::min(lowest, n.credits);
    }
    if (lowest < 1e300) intervalCreditMin_ = std::min(intervalCreditMin_, lowest);
}

void ClusterEngine::onScalerTick()
{
    const Autoscaling& a = *s_.doc.autoscaling;
    const double period = a.metricIntervalOrDefault();
    const double dt = std::max(1e-9, now_ - lastScalerTick_);
    lastScalerTick_ = now_;
    events_.push(now_ + period, EventType::ScalerTick);
    advanceAllCpu();
    ScalerInput in;
    in.now = now_;
    in.desired = desired_;
    double sum = 0;
    // HPA leaves out pods not ready for its readiness delay; AWS policies leave out nodes in their
    // instance warm-up but count them as capacity.
    const double warmup = a.policy == Autoscaling::Policy::KubernetesHpa ? a.hpaReadinessDelayS : a.instanceWarmupOrDefault();
    for (Node& n : nodes_) {
        if (n.state == Node::State::Launching) ++in.launching;
        const bool hpa = a.policy == Autoscaling::Policy::KubernetesHpa;
        const bool warming = n.state == Node::State::Ready && (hpa || n.launchedAt > 0) && now_ - n.readySince < warmup;
        if (warming && !hpa) ++in.launching;
        const bool counts = n.state == Node::State::Ready && !warming;
        if (counts) {
            // Utilisation over the part of the period the node was in service.
            const double span = std::min(dt, now_ - n.readySince);
            const double used = a.metric == Autoscaling::Metric::Cpu ? n.cpuForScaler / (s_.vcpu * span)
                                                                     : n.busyForScaler / (s_.workersPerNode * span);
            sum += span > 0 ? std::min(1.0, used) : 0;
            ++in.ready;
        }
        n.cpuForScaler = 0;
        n.busyForScaler = 0;
    }
    in.metric = in.ready > 0 ? sum / in.ready : 0;
    desired_ = scaler_->decide(in);
    reconcile(desired_);
}

void ClusterEngine::onIntervalEnd()
{
    const Scenario& d = s_.doc;
    integrateNodeCounts();
    advanceAllCpu();
    const double span = now_ - intervalStart_;
    IntervalPoint& p = interval_;
    p.tS = intervalStart_;
    static constexpr double kQs[3] = {0.50, 0.95, 0.99};
    double q[3];
    intervalLatency_.quantiles(kQs, q, 3);
    p.p50Ms = q[0] * 1000;
    p.p95Ms = q[1] * 1000;
    p.p99Ms = q[2] * 1000;
    p.nodesDesired = desired_;
    p.nodesReady = readyCount_;
    int healthy = 0;
    for (const Node& n : nodes_)
        if (n.state == Node::State::Ready && n.healthy) ++healthy;
    p.nodesHealthy = healthy;
    p.creditBalanceMin = s_.burstable ? intervalCreditMin_ : 0;
    p.costUsd = runningNodeSeconds_ * s_.pricePerHourUsd / 3600
                + surplusCredits_ * s_.surplusUsdPerVcpuHour / 60;
    // Utilisation: vCPU-seconds and worker-seconds used over those available in ready node time.
    const double nodeSeconds = readyNodeSeconds_ - readyNodeSecondsAtIntervalStart_;
    p.utilization = nodeSeconds > 0 ? std::min(1.0, intervalCpu_ / (s_.vcpu * nodeSeconds)) : 0;
    p.workerUtilization = nodeSeconds > 0 ? std::min(1.0, intervalBusy_ / (s_.workersPerNode * nodeSeconds)) : 0;

    if (intervalStart_ >= d.warmupS && d.slo) {
        const bool slow = d.slo->latencyP95Ms > 0 && p.completed > 0 && p.p95Ms > d.slo->latencyP95Ms;
        const bool failing = p.arrivals > 0 && p.errors / p.arrivals > d.slo->errorRate;
        if (slow || failing) out_.minutesOverSlo += span / 60;
    }
    out_.peakNodes = std::max(out_.peakNodes, double(readyCount_));
    if (keepTimeseries_) out_.timeseries.push_back(p);

    intervalStart_ = now_;
    intervalLatency_.clear();
    intervalCpu_ = intervalBusy_ = 0;
    double lowest = 1e300;
    for (const Node& n : nodes_)
        if (n.state == Node::State::Ready || n.state == Node::State::Draining) lowest = std::min(lowest, n.credits);
    intervalCreditMin_ = lowest < 1e300 ? lowest : 0;
    interval_ = IntervalPoint{};
    readyNodeSecondsAtIntervalStart_ = readyNodeSeconds_;
    if (now_ < d.durationS - 1e-9) events_.push(std::min(now_ + d.intervalS, d.durationS), EventType::IntervalEnd);
}

// Billed time of a node: from the launch decision to its end, rounded up to the billing
// granularity with the provider's minimum.
double ClusterEngine::billedSeconds(const Node& n, double end) const
{
    const double used = std::max(0.0, (n.goneAt >= 0 ? n.goneAt : end) - n.launchedAt);
    const double billed = std::max(used, s_.billingMinimumS);
    return std::ceil(billed / s_.billingGranularityS - 1e-9) * s_.billingGranularityS;
}

ReplicationResult ClusterEngine::finish()
{
    const Scenario& d = s_.doc;
    now_ = d.durationS;
    integrateNodeCounts();
    ReplicationResult& r = out_;
    r.errorRate = r.requests > 0 ? double(r.errors) / double(r.requests) : 0;
    r.attemptsPerRequest = r.requests > 0 ? double(r.attempts) / double(r.requests) : 0;
    r.latencyMs = {latency_.mean() * 1000, latency_.quantile(0.5) * 1000, latency_.quantile(0.95) * 1000,
                   latency_.quantile(0.99) * 1000};
    r.queueWaitMs = {wait_.mean() * 1000, wait_.quantile(0.5) * 1000, wait_.quantile(0.95) * 1000, wait_.quantile(0.99) * 1000};
    r.nodeHours = runningNodeSeconds_ / 3600;
    double billed = 0;
    for (const Node& n : nodes_) billed += billedSeconds(n, now_);
    // Surplus still owed by the nodes in service is billed too, less what the nodes present at the
    // start already owed (carried over from the day before, billed there).
    double owed = 0;
    for (const Node& n : nodes_)
        if (n.state == Node::State::Ready || n.state == Node::State::Draining) {
            owed += std::max(0.0, -n.credits);
            if (s_.burstable) r.endCredits.push_back(n.credits);
        }
    surplusCredits_ = std::max(0.0, surplusCredits_ + owed - carriedSurplus_);
    r.creditSurchargeUsd = surplusCredits_ * s_.surplusUsdPerVcpuHour / 60;
    r.costUsd = billed * s_.pricePerHourUsd / 3600 + r.creditSurchargeUsd;
    if (d.slo) {
        r.sloMet = r.errorRate <= d.slo->errorRate;
        if (d.slo->latencyP95Ms > 0) r.sloMet = r.sloMet && r.latencyMs.p95 <= d.slo->latencyP95Ms;
        if (d.slo->queueWaitP95Ms) r.sloMet = r.sloMet && r.queueWaitMs.p95 <= *d.slo->queueWaitP95Ms;
    }
    return r;
}

}  // namespace headroom::sim
