#include "cluster_engine.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>

namespace headroom::sim {

void JobQueue::grow()
{
    std::vector<std::uint32_t> bigger(std::max<size_t>(16, ring_.size() * 2));
    for (std::uint32_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
    ring_.swap(bigger);
    head_ = 0;
}

namespace {

Distribution lognormalSpeed(double cv)
{
    Distribution d = Distribution::constant(1);
    if (cv > 0) {
        d.kind = Distribution::Kind::Lognormal;
        d.cv = cv;
    }
    return d;
}

}  // namespace

ClusterEngine::ClusterEngine(const ResolvedScenario& scenario, std::uint64_t streamSeed, const std::atomic<bool>* cancel,
                             std::atomic<double>* progress, bool keepTimeseries,
                             const std::vector<double>* carriedCredits)
    : s_(scenario), rng_(streamSeed), cancel_(cancel), progress_(progress), keepTimeseries_(keepTimeseries),
      carriedCredits_(carriedCredits)
{
    const Scenario& d = s_.doc;
    cpu_ = Sampler(s_.cpuS);
    rtt_ = Sampler(s_.rttS);
    diskLatency_ = Sampler(s_.diskLatencyS);
    nodeFactor_ = Sampler(lognormalSpeed(d.cluster.speedCv));
    if (!s_.nodeSpeedFactors.empty()) {  // measured nodes: drawn as they were, whatever their shape
        Distribution measured;
        measured.kind = Distribution::Kind::Empirical;
        measured.values = s_.nodeSpeedFactors;
        nodeFactor_ = Sampler(measured);
    }
    provisioning_ = Sampler(s_.provisioningS);
    boot_ = Sampler(s_.bootS);
    start_ = Sampler(s_.startS);
    readiness_ = Sampler(s_.readinessS);
    registration_ = Sampler(s_.registrationS);
    if (d.client) {
        timeoutS_ = d.client->timeoutMs / 1000;
        backoffS_ = d.client->backoffMs / 1000;
        retries_ = d.client->retries;
    }
    if (d.cluster.queueLimit) queueLimit_ = *d.cluster.queueLimit;
    if (d.healthCheck) {
        healthChecks_ = true;
        queuedChecks_ = d.healthCheck->queued;
        checkTimeoutS_ = d.healthCheck->timeoutMs / 1000;
        checkCpuS_ = d.healthCheck->cpuMs / 1000;
    }
    accountingS_ = std::min(5.0, d.intervalS);
    if (d.autoscaling && d.autoscaling->policy != Autoscaling::Policy::None) scaler_.emplace(*d.autoscaling);
    events_.reserve(1024);
}

ReplicationResult ClusterEngine::run()
{
    const Scenario& d = s_.doc;
    desired_ = scaler_ ? scaler_->clamp(d.cluster.nodes) : d.cluster.nodes;
    for (int i = 0; i < desired_; ++i) {
        Node& n = nodes_[launchNode(true)];
        n.credits = s_.initialCredits;
        if (carriedCredits_ && size_t(i) < carriedCredits_->size()) n.credits = (*carriedCredits_)[size_t(i)];
        carriedSurplus_ += std::max(0.0, -n.credits);
    }
    interval_ = IntervalPoint{};
    intervalCreditMin_ = 0;
    if (s_.burstable) {
        intervalCreditMin_ = 1e300;
        for (const Node& n : nodes_) intervalCreditMin_ = std::min(intervalCreditMin_, n.credits);
    }

    const double first = nextArrivalAfter(0);
    if (first < d.durationS) events_.push(first, EventType::Arrival);
    events_.push(accountingS_, EventType::AccountingTick);
    if (scaler_) {
        const double period = d.autoscaling->metricIntervalOrDefault();
        if (d.autoscaling->policy == Autoscaling::Policy::Scheduled) {
            for (const ScheduledCapacity& e : d.autoscaling->schedule)
                if (e.atS < d.durationS) events_.push(e.atS, EventType::ScheduledCapacity);
        } else {
            events_.push(period, EventType::ScalerTick);
        }
    }
    events_.push(std::min(d.intervalS, d.durationS), EventType::IntervalEnd);
    events_.push(d.durationS, EventType::End);

    std::uint32_t sinceCheck = 0;
    while (!events_.empty()) {
        const Event e = events_.pop();
        now_ = e.t;
        if (++sinceCheck == 4096) {
            sinceCheck = 0;
            if (cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
            if (progress_) progress_->store(now_ / d.durationS, std::memory_order_relaxed);
        }
        switch (e.type) {
        case EventType::Arrival: onArrival(); break;
        case EventType::CpuDone: onCpuDone(e.a, e.b); break;
        case EventType::ServiceDone: onServiceDone(e.a, e.b); break;
        case EventType::ClientTimeout: onClientTimeout(e.a, e.b); break;
        case EventType::Retry: sendAttempt(e.a); break;
        case EventType::HealthTick: onHealthTick(e.a); break;
        case EventType::HealthTimeout:
            if (e.b > nodes_[e.a].checksResolved) {
                nodes_[e.a].checksResolved = e.b;
                healthResult(e.a, false);
            }
            break;
        case EventType::NodeReady: onNodeReady(e.a); break;
        case EventType::NoisyStart: onNoisy(e.a, true); break;
        case EventType::NoisyEnd: onNoisy(e.a, false); break;
        case EventType::AccountingTick: onAccountingTick(); break;
        case EventType::ScalerTick: onScalerTick(); break;
        case EventType::ScheduledCapacity:
            desired_ = scaler_->scheduled(now_, desired_);
            reconcile(desired_);
            break;
        case EventType::IntervalEnd: onIntervalEnd(); break;
        case EventType::End:
            if (intervalStart_ < d.durationS - 1e-9) onIntervalEnd();  // the last interval ends now too
            if (progress_) progress_->store(1.0, std::memory_order_relaxed);
            return finish();
        }
    }
    return finish();
}

// Non-homogeneous Poisson arrivals by thinning against a piecewise-constant majorant: within
// each segment of the rate curve the bound is the larger end point, and the memoryless property
// lets a candidate that runs past the segment restart from its end.
double ClusterEngine::nextArrivalAfter(double t)
{
    const auto& pts = s_.ratePoints;
    const double end = s_.doc.durationS;
    if (pts.size() == 1) return pts[0].second > 0 ? t + rng_.exponential(1 / pts[0].second) : end + 1;
    for (;;) {
        while (rateSegment_ + 1 < pts.size() && t >= pts[rateSegment_ + 1].first) ++rateSegment_;
        const bool last = rateSegment_ + 1 >= pts.size();
        const bool beforeFirst = t < pts[0].first;
        const double r0 = pts[rateSegment_].second;
        const double r1 = last || beforeFirst ? r0 : pts[rateSegment_ + 1].second;
        const double segEnd = beforeFirst ? pts[0].first : (last ? end + 1 : pts[rateSegment_ + 1].first);
        const double bound = std::max(r0, r1);
        if (t >= end) return end + 1;
        if (bound <= 0) {
            t = segEnd;
            continue;
        }
        const double candidate = t + rng_.exponential(1 / bound);
        if (candidate >= segEnd) {
            t = segEnd;
            continue;
        }
        double rate = r0;
        if (!last && !beforeFirst) {
            const double t0 = pts[rateSegment_].first, t1 = pts[rateSegment_ + 1].first;
            rate = r0 + (r1 - r0) * (candidate - t0) / (t1 - t0);
        }
        t = candidate;
        if (rng_.uniform() * bound < rate) return candidate;
    }
}

std::uint32_t ClusterEngine::newJob()
{
    if (!freeJobs_.empty()) {
        const std::uint32_t j = freeJobs_.back();
        freeJobs_.pop_back();
        return j;
    }
    jobs_.emplace_back();
    return std::uint32_t(jobs_.size() - 1);
}

std::uint32_t ClusterEngine::newRequest()
{
    if (!freeRequests_.empty()) {
        const std::uint32_t r = freeRequests_.back();
        freeRequests_.pop_back();
        requests_[r] = Request{};
        return r;
    }
    requests_.emplace_back();
    return std::uint32_t(requests_.size() - 1);
}

void ClusterEngine::onArrival()
{
    const double next = nextArrivalAfter(now_);
    if (next < s_.doc.durationS) events_.push(next, EventType::Arrival);
    const std::uint32_t r = newRequest();
    Request& req = requests_[r];
    req.arrivedAt = now_;
    req.counted = now_ >= s_.doc.warmupS;
    ++originalRequests_;
    interval_.arrivals += 1;
    if (req.counted) ++out_.requests;
    sendAttempt(r);
}

void ClusterEngine::sendAttempt(std::uint32_t r)
{
    Request& req = requests_[r];
    ++req.attempts;
    if (req.counted) ++out_.attempts;
    const std::uint32_t serial = ++attemptSerial_;
    req.liveSerial = serial;
    const std::uint32_t node = pickNode();
    if (node == kNone) {  // nothing in service: the balancer answers 503
        if (req.counted) ++out_.rejected;
        req.liveSerial = 0;
        attemptFailed(r);
        return;
    }
    const std::uint32_t j = newJob();
    jobs_[j] = Job{r, serial, node, now_, req.attempts == 1};
    ++req.outstanding;
    if (timeoutS_ > 0) events_.push(now_ + timeoutS_, EventType::ClientTimeout, r, serial);
    dispatch(node, j);
}

void ClusterEngine::dispatch(std::uint32_t node, std::uint32_t j)
{
    Node& n = nodes_[node];
    if (n.busy < s_.workersPerNode) {
        startJob(node, j);
        return;
    }
    if (queueLimit_ >= 0 && int(n.queue.size()) >= queueLimit_) {
        const Job job = jobs_[j];
        freeJobs_.push_back(j);
        if (job.request == kNone) {  // a health check refused by a full queue has failed
            if (job.serial > n.checksResolved) {
                n.checksResolved = job.serial;
                healthResult(node, false);
            }
            return;
        }
        Request& req = requests_[job.request];
        --req.outstanding;
        if (req.counted) ++out_.rejected;
        if (req.liveSerial == job.serial) {
            req.liveSerial = 0;
            attemptFailed(job.request);
        } else {
            maybeFree(job.request);
        }
        return;
    }
    n.queue.push(j);
}

void ClusterEngine::startJob(std::uint32_t node, std::uint32_t j)
{
    Node& n = nodes_[node];
    Job& job = jobs_[j];
    advanceCpu(n);
    ++n.busy;
    if (job.request == kNone) {  // a queued health check: a little CPU, no I/O
        startCpu(node, j, checkCpuS_ / n.speed);
        return;
    }
    if (job.firstAttempt && requests_[job.request].counted) wait_.add(now_ - job.enqueuedAt);
    // CPU first, shared with the node's other requests on CPU (cluster_cpu.cpp); then I/O.
    const double work = cpu_.draw(rng_) / n.speed;  // seconds on one uncontended vCPU of this node
    if (work > 0) startCpu(node, j, work);
    else afterCpu(node, j);
}

// The I/O part of a request: round trips, then the node's disk, which serves operations one after
// another at its IOPS, each then taking its device latency. The worker stays held throughout.
void ClusterEngine::afterCpu(std::uint32_t node, std::uint32_t j)
{
    Node& n = nodes_[node];
    double hold = 0;
    if (jobs_[j].request != kNone) {
        for (int i = 0; i < s_.ioCalls; ++i) hold += rtt_.draw(rng_);
        if (s_.diskOps > 0) {
            double t = now_ + hold;
            for (int i = 0; i < s_.diskOps; ++i) {
                const double begin = std::max(t, n.diskFreeAt);
                n.diskFreeAt = begin + s_.diskServiceS;
                t = n.diskFreeAt + diskLatency_.draw(rng_);
            }
            hold = t - now_;
        }
    }
    if (hold > 0) events_.push(now_ + hold, EventType::ServiceDone, node, j);
    else onServiceDone(node, j);
}

void ClusterEngine::onServiceDone(std::uint32_t node, std::uint32_t j)
{
    Node& n = nodes_[node];
    advanceCpu(n);
    --n.busy;
    const Job job = jobs_[j];
    freeJobs_.push_back(j);

    if (job.request == kNone) {
        if (job.serial > n.checksResolved) {  // answered before its timeout fired
            n.checksResolved = job.serial;
            healthResult(node, true);
        }
    } else {
        Request& req = requests_[job.request];
        --req.outstanding;
        if (!req.finished && req.liveSerial == job.serial) {
            req.finished = true;
            req.liveSerial = 0;
            const double latency = now_ - req.arrivedAt;
            intervalLatency_.add(latency);
            interval_.completed += 1;
            if (req.counted) {
                ++out_.completed;
                latency_.add(latency);
            }
        }
        maybeFree(job.request);
    }
    if (!n.queue.empty()) startJob(node, n.queue.pop());
    else if (n.state == Node::State::Draining) finishDrainIfIdle(node);
}

void ClusterEngine::onClientTimeout(std::uint32_t r, std::uint32_t serial)
{
    Request& req = requests_[r];
    if (req.finished || req.liveSerial != serial) return;  // answered, or an older attempt
    if (req.counted) ++out_.timeouts;
    req.liveSerial = 0;  // the server may still work on it; nobody waits for the answer
    attemptFailed(r);
}

// A failed attempt is retried after an exponential backoff while retries and the retry budget
// (retries ≤ budget × requests + 10, as gRPC and Envoy budgets do) allow; otherwise the request
// fails for good.
void ClusterEngine::attemptFailed(std::uint32_t r)
{
    Request& req = requests_[r];
    const auto& client = s_.doc.client;
    const bool budgetLeft = !client || !client->retryBudget
                            || double(retriesSent_) < *client->retryBudget * double(originalRequests_) + 10;
    if (req.attempts <= retries_ && budgetLeft) {
        ++retriesSent_;
        const double backoff = backoffS_ * std::ldexp(1.0, req.attempts - 1);
        events_.push(now_ + backoff, EventType::Retry, r);
        return;
    }
    req.finished = true;
    interval_.errors += 1;
    if (req.counted) ++out_.errors;
    maybeFree(r);
}

void ClusterEngine::maybeFree(std::uint32_t r)
{
    const Request& req = requests_[r];
    if (req.finished && req.outstanding == 0) freeRequests_.push_back(r);
}

std::uint32_t ClusterEngine::pickNode()
{
    if (eligibleDirty_) rebuildEligible();
    const std::uint32_t n = std::uint32_t(eligible_.size());
    if (n == 0) return kNone;
    if (n == 1) return eligible_[0];
    auto load = [&](std::uint32_t i) { return nodes_[i].busy + int(nodes_[i].queue.size()); };
    switch (s_.doc.cluster.balancer) {
    case Balancer::RoundRobin: return eligible_[roundRobin_++ % n];
    case Balancer::Random: return eligible_[rng_.below(n)];
    case Balancer::LeastConnections: {
        // Ties go to the next node in rotation, as nginx and HAProxy spread equal loads.
        std::uint32_t at = roundRobin_++ % n;
        std::uint32_t best = eligible_[at];
        int bestLoad = load(best);
        for (std::uint32_t k = 1; k < n && bestLoad > 0; ++k) {
            if (++at == n) at = 0;
            const std::uint32_t i = eligible_[at];
            const int l = load(i);
            if (l < bestLoad) {
                best = i;
                bestLoad = l;
            }
        }
        return best;
    }
    case Balancer::PowerOfTwo: {
        const std::uint32_t a = rng_.below(n);
        std::uint32_t b = rng_.below(n - 1);
        if (b >= a) ++b;
        return load(eligible_[b]) < load(eligible_[a]) ? eligible_[b] : eligible_[a];
    }
    }
    return eligible_[0];
}

}  // namespace headroom::sim
