#include "planner.h"

#include "candidate_hash.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <tuple>

namespace headroom {

namespace planning {

// A shard cannot know the costs the other shards' candidates will set as bars, so it runs the
// decision procedure (recommender.cpp) on its own candidates as if they were the whole sweep,
// after the screen of all of them (which costs no simulation: every shard computes it, and with
// it the first cost bar, exactly). Fewer candidates means bars no lower than the whole sweep's,
// so a shard asks for the evaluations the whole decision needs of its candidates and some more;
// the few it cannot foresee (a node count tried under a lower bar) the merge simulates itself
// (recommend_merge.h), with the same figures. The answer is the same either way; only the work
// moves. With one candidate per shard this is the candidate's complete evaluation.
//
// Shards running at the same time can share the whole sweep's bars (options.sharedBar): each
// publishes the costs it finds and reads the others' before each round of short windows and of
// full-length runs (barWithOtherShards()), which cuts the simulations that only its own higher
// bars let through: the cheapest types let in while none of its own passes, the confirmations.
ShardEvaluations Planner::runShard(const Workspace* ws, int index, int count)
{
    prepare(ws);
    const double estimate = admitByEstimate();
    ShardEvaluations out;
    out.planned = doc_;
    // Each evaluation once, however many of the searches ask for it.
    using Key = std::tuple<QString, int, bool>;
    std::map<Key, Evaluation> done;
    std::mutex doneLock;
    options_.evaluations = [&](const EvaluationRequest& request, const std::function<Evaluation()>& simulate) {
        const Key key{request.candidateId, request.nodes, request.fullLength};
        {
            std::lock_guard<std::mutex> guard(doneLock);
            if (const auto it = done.find(key); it != done.end()) return it->second;
        }
        const Evaluation e = simulate();
        std::lock_guard<std::mutex> guard(doneLock);
        done.emplace(key, e);
        return e;
    };
    options_.provisional = nullptr;
    options_.sensitivity = false;  // a shard runs no what-ifs (the merge does), so none ahead either

    std::vector<Work> mine;
    for (Work& w : work_) {
        out.candidateIds << w.id;
        if (candidateShard(w.id, count) != index) continue;
        out.assigned << w.id;
        mine.push_back(std::move(w));
    }
    work_ = std::move(mine);
    // The screen's bar may leave none of this shard's candidates in. In the whole sweep others'
    // short windows would then fail or cost more than the screen thought, and the cheapest ones
    // ruled out would be let in to short windows: as here.
    if (std::none_of(work_.begin(), work_.end(), [](const Work& w) { return w.admitted; }))
        admitNextByCost(kAdmittedWhenNothingMeets);
    decide(estimate);
    for (auto& [key, e] : done)
        out.evaluations.emplace_back(EvaluationRequest{std::get<0>(key), std::get<1>(key), std::get<2>(key)}, e);
    return out;
}

double Planner::barWithOtherShards(bool confirmedOnly, QString* key) const
{
    double best = bestMeetingCost(confirmedOnly, key);
    // A cost another shard found is one the whole sweep finds too (its candidates are the whole
    // sweep's), so the whole sweep's bar is at or below it and a candidate that cannot beat it is
    // not simulated there either; except, rarely, one the whole sweep confirmed in the same batch
    // as the candidate that set the bar: the merge then runs it, with the same figures.
    if (options_.sharedBar.lowest) {
        const double shared = options_.sharedBar.lowest(confirmedOnly ? BarKind::Confirmed : BarKind::ShortWindow);
        if (shared < best) {
            best = shared;
            if (key) *key = QStringLiteral("found by another shard");
        }
    }
    return best;
}

// A shard's own bars are higher than the whole sweep's, and it does not wait for the others':
// it goes on with the searches its own bars call for, the cheapest types it lets in while none
// of its own passes, a search galloping up to the node limit, the full-length searches of types
// that failed their short windows. Before each simulation of such a search it looks at the
// others' bars again; once they rule the type out (admitByCost()'s test for short windows, the
// "may be cheaper" test of decide() for full-length runs), the rest of the search is work the
// whole sweep would not do, and it stops. The confirmations of short-window passes are never
// stopped: the whole sweep confirms the cheapest of them a few at a time, and a bar found by
// one of a batch does not stop the others of that batch there.
bool Planner::outbidByOtherShards(const Work& w, bool full) const
{
    if (!options_.sharedBar.lowest) return false;
    const Screening& s = w.result.screening;
    if (!full) {
        const double shared = options_.sharedBar.lowest(BarKind::ShortWindow);
        return std::isfinite(shared) && s.lowerBoundCostUsd > options_.oversizeFactor * shared && s.nodesLowerBound <= options_.maxNodes;
    }
    if (w.result.passedShortWindow()) return false;
    const double shared = options_.sharedBar.lowest(BarKind::Confirmed);
    return std::isfinite(shared) && !(s.lowerBoundCostUsd < shared);
}

}  // namespace planning

ShardEvaluations recommendShard(const Scenario& scenario, const Catalog& catalog, const Workspace* ws,
                                const QString& fileName, const RecommendOptions& options, int index, int count)
{
    planning::Planner planner(scenario, catalog, fileName, options);
    return planner.runShard(ws, index, count);
}

}  // namespace headroom
