#include "planner.h"

#include "core/parallel_jobs.h"
#include "ranking.h"
#include "sensitivity.h"
#include "why_text.h"

#include <mutex>

namespace headroom {

namespace planning {

// What the decision procedure (recommender.cpp) shows: the ranking as it stands, provisional
// while candidates are still being simulated, and the what-if runs of the winner.

void Planner::runSensitivity(Recommendation& r, const Work& winner)
{
    const ResolvedScenario base = configured(winner, winner.result.chosen->nodes);
    std::vector<SensitivityVariant> variants = sensitivityVariants(base);
    std::vector<SensitivityVariant*> applicable;
    for (SensitivityVariant& v : variants)
        if (v.description.applicable) applicable.push_back(&v);
    // What-if runs report how the winner fares, they settle no verdict: a fixed number of
    // replications, judged on their mean, all of them side by side. Around the peak, where a
    // fleet's margin is thinnest (SensitivityBase), starting with the fleet the screening windows
    // start with; a standard-mode burstable fleet's over whole runs.
    EvaluationSettings s = settings(winner, false);
    s.replications = std::max(1, options_.whatIfReplications);
    s.maxReplications = 0;
    s.fullRunDone = nullptr;
    s.spanS = base.burstable && !base.unlimitedCredits ? 0 : options_.whatIfSpanS;
    const ShortWindow window = shortWindow(base, s.spanS, s.initialNodes);
    SensitivityBase& where = r.sensitivityBase;
    where.peakWindow = window.cut;
    where.fromS = window.offsetS + window.scenario.doc.warmupS;
    where.toS = window.offsetS + window.scenario.doc.durationS;

    // The winner's own figure in the window, on the variants' random streams. Over the whole run
    // its confirmation is that figure already (the same streams, replication by replication).
    std::vector<ResolvedScenario> scenarios;
    if (window.cut) scenarios.push_back(base);
    for (const SensitivityVariant* v : applicable) scenarios.push_back(v->scenario);
    const double from = kSearchShare + kConfirmShare;
    const std::vector<Evaluation> results =
        evaluateSideBySide(scenarios, s, [&](double done) { report(from + (1 - from) * done); });
    where.result = window.cut ? results.front() : *winner.result.chosen;
    const size_t first = window.cut ? 1 : 0;
    for (size_t i = 0; i < applicable.size(); ++i) applicable[i]->description.result = results[first + i];
    simulations_.fetch_add(int(scenarios.size()));
    for (const SensitivityVariant& v : variants) r.sensitivity.push_back(v.description);
}

Recommendation Planner::snapshot(bool provisional) const
{
    Recommendation r;
    r.scenarioName = doc_.name;
    r.sloP95Ms = objectiveMs(doc_);
    r.sloOnQueueWait = objectiveIsQueueWait(doc_);
    r.sloErrorRate = doc_.slo->errorRate;
    r.confidence = options_.confidence;
    r.peakRateRps = peakRateRps_;
    r.provisional = provisional;
    {
        std::lock_guard<std::mutex> guard(resultsLock_);
        for (const Work& w : work_) {
            r.candidates.push_back(w.result);
            // Still waiting for its first simulation: its figures are the screen's estimate.
            r.candidates.back().pending = provisional && w.admitted && !w.searched;
            if (w.result.chosen && !w.result.chosen->fullLength)
                r.candidates.back().fullRunCostFloorUsd = std::max(fullRunCostFloor(w), policyFloor(w));
        }
    }
    r.recommended = rankCandidates(r.candidates);
    explainCandidates(r);
    r.pareto = paretoPoints(r.candidates);
    r.simulations = simulations_.load();
    return r;
}

void Planner::showProvisional()
{
    if (!options_.provisional) return;
    options_.provisional(snapshot(true));
}

}  // namespace planning

}  // namespace headroom
