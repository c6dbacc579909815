#include "simulator.h"

#include "cluster_engine.h"
#include "core/errors.h"
#include "core/logging.h"
#include "core/parallel_jobs.h"
#include "scenario/resource_estimate.h"
#include "statistics.h"

#include <QElapsedTimer>
#include <QThread>
#include <cmath>
#include <exception>

namespace headroom {

ReplicationResult simulateReplication(const ResolvedScenario& scenario, quint64 seed, int index,
                                      const std::atomic<bool>* cancel, std::atomic<double>* progress, bool keepTimeseries)
{
    const std::uint64_t stream = sim::Rng::streamSeed(seed, index);
    if (!scenario.burstable || !scenario.carryCredits) {
        sim::ClusterEngine engine(scenario, stream, cancel, progress, keepTimeseries);
        ReplicationResult r = engine.run();
        r.seed = stream;
        return r;
    }
    // Burstable nodes with no stated starting balance: one run is one day of the scenario, and the
    // next day starts from the balances the last one ended with, until the fleet's starting
    // balance repeats (within 1 % of a full bank). Extrapolating that day to a month is then
    // honest; extrapolating the first day would assume the bank refills every night.
    static constexpr int kMaxDays = 8;
    const double settled = std::max(1.0, 0.01 * scenario.maxCredits);
    std::vector<double> carried;
    double lastStart = scenario.initialCredits;
    ReplicationResult r;
    for (int day = 1; day <= kMaxDays; ++day) {
        const std::uint64_t dayStream = day == 1 ? stream : sim::Rng::streamSeed(stream, day);
        sim::ClusterEngine engine(scenario, dayStream, cancel, progress, keepTimeseries, day == 1 ? nullptr : &carried);
        r = engine.run();
        r.seed = stream;
        r.creditDays = day;
        if (r.endCredits.empty()) break;
        double start = 0;
        for (double c : r.endCredits) start += c / double(r.endCredits.size());
        if (day > 1 && std::abs(start - lastStart) < settled) break;
        lastStart = start;
        carried = r.endCredits;
    }
    return r;
}

namespace {

SimulationSummary summarise(const std::vector<ReplicationResult>& reps, const Scenario& doc)
{
    SimulationSummary s;
    // Every figure below is a count, a rate, a time or a cost: never negative. A Student t interval
    // over a few replications, one of which met a meltdown, can reach below zero ("error rate
    // −2.5 % – 5.4 %"); the true mean cannot, so the interval stops at zero, which keeps its coverage.
    auto collect = [&](auto field) {
        std::vector<double> v;
        v.reserve(reps.size());
        for (const ReplicationResult& r : reps) v.push_back(field(r));
        Estimate e = sim::estimate(v);
        e.low = std::max(0.0, e.low);
        return e;
    };
    s.requests = collect([](const ReplicationResult& r) { return double(r.requests); }).mean;
    s.completed = collect([](const ReplicationResult& r) { return double(r.completed); }).mean;
    s.errors = collect([](const ReplicationResult& r) { return double(r.errors); }).mean;
    s.errorRate = collect([](const ReplicationResult& r) { return r.errorRate; });
    s.attemptsPerRequest = collect([](const ReplicationResult& r) { return r.attemptsPerRequest; });
    s.latencyMean = collect([](const ReplicationResult& r) { return r.latencyMs.mean; });
    s.latencyP50 = collect([](const ReplicationResult& r) { return r.latencyMs.p50; });
    s.latencyP95 = collect([](const ReplicationResult& r) { return r.latencyMs.p95; });
    s.latencyP99 = collect([](const ReplicationResult& r) { return r.latencyMs.p99; });
    s.queueWaitP95 = collect([](const ReplicationResult& r) { return r.queueWaitMs.p95; });
    s.nodeHours = collect([](const ReplicationResult& r) { return r.nodeHours; });
    s.costUsd = collect([](const ReplicationResult& r) { return r.costUsd; });
    s.minutesOverSlo = collect([](const ReplicationResult& r) { return r.minutesOverSlo; });
    int met = 0;
    for (const ReplicationResult& r : reps) met += r.sloMet ? 1 : 0;
    s.sloAttainment = reps.empty() ? 0 : double(met) / double(reps.size());
    if (doc.slo) {
        s.sloMet = s.errorRate.mean <= doc.slo->errorRate;
        if (doc.slo->latencyP95Ms > 0) s.sloMet = s.sloMet && s.latencyP95.mean <= doc.slo->latencyP95Ms;
        if (doc.slo->queueWaitP95Ms) s.sloMet = s.sloMet && s.queueWaitP95.mean <= *doc.slo->queueWaitP95Ms;
    }
    return s;
}

// Interval by interval, the mean of the replications (percentiles included: a mean of p95s,
// which is what a chart of "typical p95 over time" wants).
std::vector<IntervalPoint> meanSeries(const std::vector<ReplicationResult>& reps)
{
    std::vector<IntervalPoint> out;
    if (reps.empty()) return out;
    size_t n = reps.front().timeseries.size();
    for (const ReplicationResult& r : reps) n = std::min(n, r.timeseries.size());
    const double k = double(reps.size());
    for (size_t i = 0; i < n; ++i) {
        IntervalPoint m;
        m.tS = reps.front().timeseries[i].tS;
        m.creditBalanceMin = 1e300;
        for (const ReplicationResult& r : reps) {
            const IntervalPoint& p = r.timeseries[i];
            m.arrivals += p.arrivals / k;
            m.completed += p.completed / k;
            m.p50Ms += p.p50Ms / k;
            m.p95Ms += p.p95Ms / k;
            m.p99Ms += p.p99Ms / k;
            m.errors += p.errors / k;
            m.nodesDesired += p.nodesDesired / k;
            m.nodesReady += p.nodesReady / k;
            m.nodesHealthy += p.nodesHealthy / k;
            m.utilization += p.utilization / k;
            m.workerUtilization += p.workerUtilization / k;
            m.creditBalanceMin = std::min(m.creditBalanceMin, p.creditBalanceMin);  // the worst replication
            m.costUsd += p.costUsd / k;
        }
        out.push_back(m);
    }
    return out;
}

}  // namespace

SimulationResult simulate(const ResolvedScenario& scenario, const SimulationOptions& options)
{
    SimulationResult result;
    result.scenarioName = scenario.doc.name;
    result.seed = options.seed.value_or(scenario.doc.seed);
    result.replications = options.replications > 0 ? options.replications : scenario.doc.replications;
    result.durationS = scenario.doc.durationS;
    const int count = result.replications;
    refuseUnlessFits(scenario, count, options.keepTimeseries,
                     scenario.doc.name.isEmpty() ? QStringLiteral("scenario") : QStringLiteral("scenario \"%1\"").arg(scenario.doc.name));
    int threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    threads = std::min(threads, count);
    QElapsedTimer clock;
    clock.start();

    std::vector<ReplicationResult> reps(static_cast<size_t>(count));
    std::vector<std::atomic<double>> progress(static_cast<size_t>(count));
    for (auto& p : progress) p.store(0);
    // Replications poll `stop`, which the waiting thread sets on cancel; each writes its own slot.
    std::atomic<bool> stop{false};
    auto replication = [&](int i) {
        try {
            reps[size_t(i)] = simulateReplication(scenario, result.seed, i, &stop, &progress[size_t(i)], options.keepTimeseries);
        } catch (...) {
            stop.store(true);  // the other replications need not finish
            throw;
        }
    };
    auto tick = [&](int) {
        if (options.cancel && options.cancel->load()) stop.store(true);
        if (options.progress) {
            double done = 0;
            for (auto& p : progress) done += p.load(std::memory_order_relaxed);
            options.progress(std::min(1.0, done / count));
        }
    };
    runParallel(count, threads, replication, tick, options.cancel);
    result.summary = summarise(reps, scenario.doc);
    result.timeseries = meanSeries(reps);
    result.perReplication = std::move(reps);
    // Debug, not info: a recommendation runs hundreds of these.
    qCDebug(logSim).noquote() << QStringLiteral("%1: %2 replication(s) of %3 s on %4 thread(s): %5 requests, p95 %6 ms, %7 s")
                                     .arg(scenario.doc.name).arg(count).arg(scenario.doc.durationS).arg(threads)
                                     .arg(result.summary.requests, 0, 'f', 0).arg(result.summary.latencyP95.mean, 0, 'g', 4)
                                     .arg(clock.elapsed() / 1000.0, 0, 'f', 2);
    return result;
}

SimulationResult combineReplications(const ResolvedScenario& scenario, quint64 seed, std::vector<ReplicationResult> reps)
{
    SimulationResult result;
    result.scenarioName = scenario.doc.name;
    result.seed = seed;
    result.replications = int(reps.size());
    result.durationS = scenario.doc.durationS;
    result.summary = summarise(reps, scenario.doc);
    result.timeseries = meanSeries(reps);
    result.perReplication = std::move(reps);
    return result;
}

}  // namespace headroom
