#include "evaluation.h"


#include "candidate_config.h"
#include "monthly_cost.h"
#include "short_window.h"
#include "slo_objective.h"
#include "sim/simulator.h"

#include <cmath>

namespace headroom {

namespace {

// Below one credit a node can no longer burst for a minute: its bank is empty.
constexpr double kEmptyCreditBank = 1.0;

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

}  // namespace

std::pair<double, double> wilsonInterval(int successes, int trials)
{
    if (trials <= 0) return {0.0, 1.0};
    const double z = 1.959964, n = trials, p = successes / n;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Evaluation evaluateConfiguration(const ResolvedScenario& configured, const EvaluationSettings& settings)
{
    const ShortWindow window = shortWindow(configured, settings.spanS, settings.initialNodes);
    SimulationOptions options;
    options.replications = std::max(1, settings.replications);
    options.threads = 1;  // the recommender runs configurations side by side instead
    options.cancel = settings.cancel;
    options.keepTimeseries = true;  // the "why" texts read when the SLO first broke
    const SimulationResult result = simulate(window.scenario, options);

    Evaluation e;
    const Scenario& doc = configured.doc;
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
    std::tie(e.attainmentLow, e.attainmentHigh) = wilsonInterval(met, int(result.perReplication.size()));
    const double measuredMinutes = std::max(window.scenario.doc.durationS - window.scenario.doc.warmupS, 1.0) / 60.0;
    e.intervalAttainment = std::clamp(1.0 - result.summary.minutesOverSlo.mean / measuredMinutes, 0.0, 1.0);
    e.costPerMonthUsd = monthlyCostUsd(window.scenario, result);
    e.meetsSlo = result.summary.sloMet && e.attainment + 1e-9 >= settings.confidence;
    findBreach(e, result, window, configured);
    return e;
}

}  // namespace headroom
