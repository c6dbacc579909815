// The winner's what-ifs (sensitivity.h): the recommended fleet re-simulated with one assumption
// moved at a time, around the traffic peak (SensitivityBase says why), beside the fleet's own run
// of that window on the same random streams.
#include "planner.h"

#include <cstdio>
#include <cstdlib>

namespace headroom {

namespace planning {

std::shared_ptr<WhatIfRun> Planner::makeWhatIfRun(const Work& w, int nodes) const
{
    const ResolvedScenario base = configured(w, nodes);
    std::vector<SensitivityVariant> variants = sensitivityVariants(base);
    // What-if runs report how the fleet fares, they settle no verdict: a fixed number of
    // replications, judged on their mean, all of them side by side. Around the peak, starting with
    // the fleet the screening windows start with; a standard-mode burstable fleet's over whole runs.
    EvaluationSettings s = settings(w, false);
    s.replications = std::max(1, options_.whatIfReplications);
    s.maxReplications = 0;
    s.fullRunDone = nullptr;
    s.spanS = base.burstable && !base.unlimitedCredits ? 0 : options_.whatIfSpanS;
    const ShortWindow window = shortWindow(base, s.spanS, s.initialNodes);
    SensitivityBase where;
    where.peakWindow = window.cut;
    where.fromS = window.offsetS + window.scenario.doc.warmupS;
    where.toS = window.offsetS + window.scenario.doc.durationS;
    // The fleet's own figure in the window, on the variants' random streams. Over the whole run
    // its confirmation is that figure already (the same streams, replication by replication).
    std::vector<ResolvedScenario> scenarios;
    if (window.cut) scenarios.push_back(base);
    for (const SensitivityVariant& v : variants)
        if (v.description.applicable) scenarios.push_back(v.scenario);
    return std::make_shared<WhatIfRun>(std::move(variants), where, std::move(scenarios), s);
}

std::shared_ptr<WhatIfRun> Planner::whatIfRunAhead(const Work& w, int nodes)
{
    if (!speculate_) return nullptr;
    std::lock_guard<std::mutex> guard(aheadLock_);
    std::shared_ptr<WhatIfRun>& run = whatIfsAhead_[{w.id, nodes}];
    if (!run) {
        try {
            run = makeWhatIfRun(w, nodes);
        } catch (...) {
            // Refused (too big to simulate, say): the what-ifs proper will say so if it wins.
            whatIfsAhead_.erase({w.id, nodes});
            return nullptr;
        }
    }
    // Only windows: a core that starts one as the confirmation's last replication ends keeps the
    // next step waiting for that long, a fraction of a whole run's replication.
    if (!run->where.peakWindow) return nullptr;
    return run;
}

void Planner::runSensitivity(Recommendation& r, const Work& winner)
{
    const int nodes = winner.result.chosen->nodes;
    std::shared_ptr<WhatIfRun> run;
    {
        std::lock_guard<std::mutex> guard(aheadLock_);
        const auto ahead = whatIfsAhead_.find({winner.id, nodes});
        if (ahead != whatIfsAhead_.end()) run = ahead->second;
        whatIfsAhead_.clear();  // the others will never be wanted
    }
    if (!run) run = makeWhatIfRun(winner, nodes);
    static const bool trace = std::getenv("HEADROOM_PLAN_TRACE") != nullptr;
    if (trace) std::fprintf(stderr, "plan-trace what-ifs %d of %d replications started ahead\n", run->batch.started(), run->batch.total());
    const double from = kSearchShare + kConfirmShare;
    const std::vector<Evaluation> results = run->batch.finish([&](double done) { report(from + (1 - from) * done); });
    r.sensitivityBase = run->where;
    const bool window = run->where.peakWindow;
    r.sensitivityBase.result = window ? results.front() : *winner.result.chosen;
    size_t next = window ? 1 : 0;
    for (SensitivityVariant& v : run->variants) {
        if (v.description.applicable) v.description.result = results[next++];
        r.sensitivity.push_back(v.description);
    }
    simulations_.fetch_add(int(results.size()));
}

}  // namespace planning
}  // namespace headroom
