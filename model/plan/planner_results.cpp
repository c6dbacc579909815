#include "planner.h"

#include "core/parallel_jobs.h"
#include "ranking.h"
#include "why_text.h"

#include <mutex>

namespace headroom {

namespace planning {

// What the decision procedure (recommender.cpp) shows: the ranking as it stands, provisional
// while candidates are still being simulated.

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
