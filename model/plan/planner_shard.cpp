#include "planner.h"

#include "candidate_hash.h"

#include <algorithm>
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
// Shards running at the same time can share the whole sweep's bar (options.sharedBar): each
// publishes the costs it confirms and reads the others' before each round of full-length runs
// (confirmedBar()), which cuts the confirmations that only its own higher bar let through.
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

double Planner::confirmedBar(QString* key) const
{
    double best = bestMeetingCost(true, key);
    // A cost another shard confirmed is a configuration the whole sweep knows of too: the whole
    // sweep's bar is at or below it, so a candidate that cannot beat it could not win here either.
    if (options_.sharedBar.lowest) {
        const double shared = options_.sharedBar.lowest();
        if (shared < best) {
            best = shared;
            if (key) *key = QStringLiteral("confirmed by another shard");
        }
    }
    return best;
}

}  // namespace planning

ShardEvaluations recommendShard(const Scenario& scenario, const Catalog& catalog, const Workspace* ws,
                                const QString& fileName, const RecommendOptions& options, int index, int count)
{
    planning::Planner planner(scenario, catalog, fileName, options);
    return planner.runShard(ws, index, count);
}

}  // namespace headroom
