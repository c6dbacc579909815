#include "evaluation.h"


#include "candidate_config.h"
#include "core/errors.h"
#include "core/parallel_jobs.h"
#include "monthly_cost.h"
#include "short_window.h"
#include "slo_objective.h"
#include "scenario/resource_estimate.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace headroom {

namespace {

// Below one credit a node can no longer burst for a minute: its bank is empty.
constexpr double kEmptyCreditBank = 1.0;
// Two replications never settle a verdict (the issue of a 34 % lower bound read as "meets").
constexpr int kFewestForAVerdict = 3;

// How far one replication was from the SLO: the largest ratio of figure to objective.
double replicationMargin(const ReplicationResult& r, const Scenario& doc)
{
    if (!doc.slo) return 0;
    double margin = sloMargin(0, 0, r.errorRate, doc.slo->errorRate);
    if (doc.slo->latencyP95Ms > 0) margin = std::max(margin, sloMargin(r.latencyMs.p95, doc.slo->latencyP95Ms, 0, 1));
    if (doc.slo->queueWaitP95Ms && *doc.slo->queueWaitP95Ms > 0)
        margin = std::max(margin, sloMargin(r.queueWaitMs.p95, *doc.slo->queueWaitP95Ms, 0, 1));
    return margin;
}

void findBreach(Evaluation& e, const SimulationResult& result, const ShortWindow& window,
                const ResolvedScenario& full)
{
    const Scenario& doc = window.scenario.doc;
    if (!doc.slo) return;
    const double peak = full.peakRateRps;
    // A flat rate has no peak to speak of.
    double low = peak;
    for (const auto& point : full.ratePoints) low = std::min(low, point.second);
    const bool varies = peak > 1.1 * low;
    for (size_t i = 0; i < result.timeseries.size(); ++i) {
        const IntervalPoint& p = result.timeseries[i];
        if (p.tS < doc.warmupS) continue;
        const bool slow = doc.slo->latencyP95Ms > 0 && p.completed > 0 && p.p95Ms > doc.slo->latencyP95Ms;
        const double errorRate = p.arrivals > 0 ? p.errors / p.arrivals : 0;
        if (!slow && errorRate <= doc.slo->errorRate) continue;
        e.breachAtS = p.tS + window.offsetS;
        e.breachP95Ms = p.p95Ms;
        e.breachErrorRate = errorRate;
        e.breachAtPeak = varies && rateAtTime(full.ratePoints, *e.breachAtS) >= 0.9 * peak;
        const double credits = i > 0 ? std::min(p.creditBalanceMin, result.timeseries[i - 1].creditBalanceMin)
                                     : p.creditBalanceMin;
        e.creditsExhausted = full.burstable && !full.unlimitedCredits && credits < kEmptyCreditBank;
        return;
    }
}

// The replications of one configuration, combined and judged. `settled`: the attainment interval
// and verdict of a sequential full run; without it the mean is judged (a screening window, or a
// fixed number of replications).
Evaluation judged(const ResolvedScenario& configured, const ShortWindow& window, std::vector<ReplicationResult> reps,
                  const EvaluationSettings& settings, const std::optional<std::pair<AttainmentInterval, SloVerdict>>& settled,
                  const QElapsedTimer& clock)
{
    const Scenario& doc = configured.doc;
    const quint64 seed = window.scenario.doc.seed;
    static const bool trace = std::getenv("HEADROOM_PLAN_TRACE") != nullptr;
    std::vector<double> margins;
    for (const ReplicationResult& r : reps) margins.push_back(replicationMargin(r, doc));
    const SimulationResult result = combineReplications(window.scenario, seed, std::move(reps));
    if (!window.cut && settings.fullRunDone) settings.fullRunDone(window.scenario, seed, result);
    if (trace) {
        int days = 0;
        for (const ReplicationResult& r : result.perReplication) days += r.creditDays;
        std::fprintf(stderr, "plan-trace %s nodes=%d..%d %s reps=%d span=%.0f days=%d ms=%lld cost=%.2f\n",
                     qPrintable(doc.cluster.instanceTypeKey), autoscales(doc) ? doc.autoscaling->min : doc.cluster.nodes,
                     autoscales(doc) ? doc.autoscaling->max : doc.cluster.nodes, window.cut ? "short" : "full",
                     result.replications, window.scenario.doc.durationS, days, static_cast<long long>(clock.elapsed()),
                     monthlyCostUsd(window.scenario, result));
    }

    Evaluation e;
    e.nodes = autoscales(doc) ? doc.autoscaling->min : doc.cluster.nodes;
    e.nodesMax = autoscales(doc) ? doc.autoscaling->max : doc.cluster.nodes;
    e.replications = result.replications;
    e.fullLength = !window.cut;
    // The objective's p95: response time, or the wait for a worker when the SLO is on that.
    const Estimate& objective = objectiveIsQueueWait(doc) ? result.summary.queueWaitP95 : result.summary.latencyP95;
    e.p95Ms = objective.mean;
    e.p95LowMs = objective.low;
    e.p95HighMs = objective.high;
    e.errorRate = result.summary.errorRate.mean;
    int met = 0;
    for (const ReplicationResult& r : result.perReplication) met += r.sloMet ? 1 : 0;
    e.attainment = result.perReplication.empty() ? 0 : double(met) / double(result.perReplication.size());
    if (settled) {
        e.attainmentLow = settled->first.low;
        e.attainmentHigh = settled->first.high;
        e.verdict = settled->second;
    } else {
        const AttainmentInterval screened = attainmentInterval(margins);
        e.attainmentLow = screened.low;
        e.attainmentHigh = screened.high;
        e.verdict = result.summary.sloMet && e.attainment + 1e-9 >= settings.confidence ? SloVerdict::Meets : SloVerdict::Fails;
    }
    e.meetsSlo = e.verdict == SloVerdict::Meets;
    const double measuredMinutes = std::max(window.scenario.doc.durationS - window.scenario.doc.warmupS, 1.0) / 60.0;
    e.intervalAttainment = std::clamp(1.0 - result.summary.minutesOverSlo.mean / measuredMinutes, 0.0, 1.0);
    e.costPerMonthUsd = monthlyCostUsd(window.scenario, result);
    for (const ReplicationResult& r : result.perReplication) e.peakNodes += r.peakNodes / double(result.perReplication.size());
    findBreach(e, result, window, configured);
    e.busy = busyPerRequest(result, window.scenario);
    return e;
}

}  // namespace

EvaluationSettings confirmationSettings(int minReplications, int maxReplications, double confidence)
{
    EvaluationSettings s;
    s.replications = std::max(kFewestForAVerdict, minReplications);
    s.maxReplications = std::max(s.replications, maxReplications);
    s.confidence = confidence;
    return s;
}

Evaluation evaluateConfiguration(const ResolvedScenario& configured, const EvaluationSettings& settings)
{
    const ShortWindow window = shortWindow(configured, settings.spanS, settings.initialNodes);
    const Scenario& doc = configured.doc;
    const quint64 seed = window.scenario.doc.seed;
    QElapsedTimer clock;
    clock.start();
    // Index i is the same random stream whatever the configuration, so every candidate meets the
    // same traffic, and whatever thread runs it.
    refuseUnlessFits(window.scenario, std::max(settings.replications, settings.maxReplications), true,
                     QStringLiteral("scenario \"%1\"").arg(doc.name));
    std::vector<ReplicationResult> reps;
    // One more replication; the other cores meanwhile take the optional work, if any.
    auto runOne = [&] {
        reps.emplace_back();
        runParallel(
            1, 0, [&](int) { reps.back() = simulateReplication(window.scenario, seed, int(reps.size()) - 1, settings.cancel, nullptr, true); },
            nullptr, settings.cancel, settings.whileIdle);
    };
    std::vector<double> margins;
    const bool sequential = !window.cut && settings.maxReplications > 0;
    AttainmentInterval interval;
    SloVerdict verdict = SloVerdict::Inconclusive;
    const int first = sequential ? std::max(kFewestForAVerdict, settings.replications) : std::max(1, settings.replications);
    // The first replications side by side on the program's pool (a configuration confirmed
    // alone then uses every core; several confirmed at once share them); the ones a sequential
    // verdict adds come one at a time.
    reps.resize(size_t(first));
    runParallel(
        first, 0,
        [&](int i) { reps[size_t(i)] = simulateReplication(window.scenario, seed, i, settings.cancel, nullptr, true); },
        nullptr, settings.cancel, settings.whileIdle);
    for (const ReplicationResult& r : reps) margins.push_back(replicationMargin(r, doc));
    if (sequential) {
        for (;;) {
            interval = attainmentInterval(margins);
            verdict = judgeAttainment(interval, settings.confidence);
            if (verdict != SloVerdict::Inconclusive || int(reps.size()) >= settings.maxReplications) break;
            runOne();
            margins.push_back(replicationMargin(reps.back(), doc));
        }
    }
    return judged(configured, window, std::move(reps), settings, sequential ? std::optional(std::pair(interval, verdict)) : std::nullopt,
                  clock);
}

SideBySideBatch::SideBySideBatch(std::vector<ResolvedScenario> configured, const EvaluationSettings& settings)
    : configured_(std::move(configured)), settings_(settings), perConfiguration_(std::max(1, settings.replications))
{
    settings_.whileIdle = nullptr;  // its own replications are what fills idle cores
    for (const ResolvedScenario& c : configured_) {
        windows_.push_back(shortWindow(c, settings_.spanS, settings_.initialNodes));
        refuseUnlessFits(windows_.back().scenario, perConfiguration_, true, QStringLiteral("scenario \"%1\"").arg(c.doc.name));
    }
    total_ = int(configured_.size()) * perConfiguration_;
    reps_.assign(configured_.size(), std::vector<ReplicationResult>(size_t(perConfiguration_)));
    clock_.start();
}

bool SideBySideBatch::runOne()
{
    if (settings_.cancel && settings_.cancel->load()) return false;
    const int k = next_.fetch_add(1);
    if (k >= total_) return false;
    const size_t which = size_t(k / perConfiguration_);
    const int index = k % perConfiguration_;
    const ResolvedScenario& s = windows_[which].scenario;
    try {
        // Each replication writes only its own slot, whichever thread runs it.
        reps_[which][size_t(index)] = simulateReplication(s, s.doc.seed, index, settings_.cancel, nullptr, true);
    } catch (...) {
        std::lock_guard<std::mutex> guard(lock_);
        if (!failure_) failure_ = std::current_exception();
    }
    std::lock_guard<std::mutex> guard(lock_);
    ++done_;
    allDone_.notify_all();
    return true;
}

std::vector<Evaluation> SideBySideBatch::finish(const std::function<void(double)>& progress)
{
    auto doneSoFar = [&] {
        std::lock_guard<std::mutex> guard(lock_);
        return done_;
    };
    // The replications nobody has started, side by side on the pool; then the ones idle cores
    // started ahead, which are at most one per core and nearly done.
    runParallel(
        total_, 0, [&](int) { runOne(); },
        [&](int) {
            if (progress) progress(double(doneSoFar()) / total_);
        },
        settings_.cancel);
    {
        std::unique_lock<std::mutex> guard(lock_);
        while (done_ < total_ && !(settings_.cancel && settings_.cancel->load()))
            allDone_.wait_for(guard, std::chrono::milliseconds(50));
        if (failure_) std::rethrow_exception(failure_);
    }
    if (settings_.cancel && settings_.cancel->load()) throw Cancelled();
    if (progress) progress(1.0);
    std::vector<Evaluation> out;
    for (size_t i = 0; i < configured_.size(); ++i)
        out.push_back(judged(configured_[i], windows_[i], std::move(reps_[i]), settings_, std::nullopt, clock_));
    return out;
}

std::vector<Evaluation> evaluateSideBySide(const std::vector<ResolvedScenario>& configured, const EvaluationSettings& settings,
                                           const std::function<void(double)>& progress)
{
    return SideBySideBatch(configured, settings).finish(progress);
}

}  // namespace headroom
