#include "planner.h"

#include "candidate_config.h"
#include "candidate_hash.h"

#include <map>
#include <mutex>
#include <tuple>

namespace headroom {

namespace planning {

namespace {

std::vector<Work*> pointers(std::vector<Work>& works)
{
    std::vector<Work*> out;
    for (Work& w : works) out.push_back(&w);
    return out;
}

}  // namespace

// The decision procedure (recommender.cpp) searches a candidate's node counts with short windows
// and then with full runs, within limits set by the other candidates' costs. A shard cannot know
// those costs, so it follows the procedure as far as it depends on this candidate and the
// analytic screen alone (which every shard computes for all candidates: it costs no simulation),
// and beyond that searches without limits:
//  - the short-window search under the screen's cost bar (stage 2's first round, exactly), or up
//    to the type's own node limit for a type the screen ruled out as dear (it may be let in later);
//  - after a pass, the full-run confirmation from there (stage 3, exactly unless the bar moved),
//    and if that fails, a full search on up to the type's limit (what a later, higher bar asks);
//  - after a fail, a full search from the screen's guess up to the type's limit (what a candidate
//    whose cheapest fleet is below the best confirmed cost gets).
// A search under another limit mostly tries node counts among these; any other is simulated by
// the merge (recommend_merge.h), which gives the same figures: the answer is the same either way,
// only the work moves.
ShardEvaluations Planner::runShard(const Workspace* ws, int index, int count)
{
    prepare(ws);
    admitByEstimate();
    ShardEvaluations out;
    out.planned = doc_;
    // Each evaluation once, however many of the searches below ask for it.
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

    std::vector<Work*> mine;
    for (Work& w : work_) {
        out.candidateIds << w.id;
        if (candidateShard(w.id, count) != index) continue;
        out.assigned << w.id;
        const Screening& s = w.result.screening;
        // Hopeless, or needing more nodes than the search limit: never simulated.
        if (s.outcome == Screening::Outcome::Hopeless || s.nodesLowerBound > options_.maxNodes) continue;
        if (!w.admitted) w.hi = typeLimit(w);
        mine.push_back(&w);
    }
    search(mine, false, 0.0, 0.4);

    // Copies, so that each full search starts from the state the decision procedure gives it.
    std::vector<Work> confirmations, fromScreen;
    for (Work* w : mine) {
        if (w->result.passedShortWindow()) {
            confirmations.push_back(*w);
            continue;
        }
        Work fresh = *w;
        fresh.result.chosen.reset();
        fresh.result.fewer.reset();
        fresh.hi = typeLimit(fresh);
        fromScreen.push_back(std::move(fresh));
    }
    search(pointers(confirmations), true, 0.4, 0.7);
    for (Work& w : confirmations) {
        if (w.result.meetsSlo() || w.searchedHi >= typeLimit(w)) continue;
        // Failed in full up to the bar: searched further as a higher bar would let it.
        w.lo = w.searchedHi + 1;
        w.hi = typeLimit(w);
        fromScreen.push_back(w);
    }
    search(pointers(fromScreen), true, 0.7, 1.0);
    for (auto& [key, e] : done)
        out.evaluations.emplace_back(EvaluationRequest{std::get<0>(key), std::get<1>(key), std::get<2>(key)}, e);
    return out;
}

}  // namespace planning

ShardEvaluations recommendShard(const Scenario& scenario, const Catalog& catalog, const Workspace* ws,
                                const QString& fileName, const RecommendOptions& options, int index, int count)
{
    planning::Planner planner(scenario, catalog, fileName, options);
    return planner.runShard(ws, index, count);
}

}  // namespace headroom
