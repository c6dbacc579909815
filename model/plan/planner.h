#pragma once
// The recommender's decision procedure (recommender.h). Internal to model/plan: recommender.cpp
// decides across candidates, planner_results.cpp ranks them and runs the winner's what-ifs,
// planner_shard.cpp evaluates one shard's candidates and shares its bars with the other shards.
#include "recommend_options.h"
#include "recommendation.h"
#include "policy_sweep.h"
#include "recommender.h"
#include "sensitivity.h"
#include "scenario/resolved_scenario.h"
#include "slo_objective.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace headroom {

class Catalog;
class Workspace;

namespace planning {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr int kAdmittedWhenNothingMeets = 3;
// Progress shares of the three stages.
constexpr double kSearchShare = 0.6, kConfirmShare = 0.3;
// How far below its policy floor (policy_floor.h) a full run of an autoscaled candidate may still
// cost. Measured: full days of the first-start scenario cost 1.02 (CPX21) and 1.02 (CPX31) × the
// floor; a day squeezed into two hours with a steep spike, where the policy lags more and
// c6i.large's hyper-threads make a request's busy time depend on the load, 0.94 × (c6i.large)
// and 1.11 × (CPX21) (test_policy_floor.cpp).
constexpr double kPolicyFloorSlack = 0.2;

// The what-ifs of one configuration (planner_what_ifs.cpp): the variants, where they run, and
// their replications, with the configuration's own run of the window first when there is one.
struct WhatIfRun {
    WhatIfRun(std::vector<SensitivityVariant> v, const SensitivityBase& w, std::vector<ResolvedScenario> scenarios,
              const EvaluationSettings& s)
        : variants(std::move(v)), where(w), batch(std::move(scenarios), s)
    {
    }
    std::vector<SensitivityVariant> variants;
    SensitivityBase where;  // its result comes with the batch's
    SideBySideBatch batch;
};

// One candidate (an instance type, under one policy) on its way through the stages.
struct Work {
    QString id;                  // candidate_hash.h: names its seed and its shard
    CandidateResult result;
    ResolvedScenario resolved;   // the type at one node; the node count is set per run
    bool admitted = false;       // passed the screen (or re-admitted)
    bool searched = false;
    bool confirmed = false;      // searched with full-length runs
    int lo = 1, hi = 1, maxNodes = 1;
    int searchedHi = 0;          // the largest node count the last search could try
    // Planner::policyFloor of the chosen run, worked out once when the search sets it.
    double policyFloorUsd = 0;
};

class Planner {
public:
    Planner(const Scenario& doc, const Catalog& catalog, const QString& fileName, const RecommendOptions& options)
        : doc_(doc), catalog_(catalog), file_(fileName), options_(options)
    {
    }

    Recommendation run(const Workspace* ws);
    // Every evaluation the decision procedure could ask for of this shard's candidates.
    ShardEvaluations runShard(const Workspace* ws, int index, int count);

private:
    // Checks the SLO, resolves the scenario (freezing a trace into a rate profile) and screens
    // every candidate of the filters.
    void prepare(const Workspace* ws);
    void screen(const QVector<InstanceType>& types);
    void screenOne(const InstanceType& type, const PolicyVariant& policy, bool policiesCompared);
    // Stage 1 of the decision procedure; returns the cheapest analytic estimate.
    double admitByEstimate();
    // Stages 2 and 3: short windows, then full runs cheapest first under the cost bars.
    void decide(double estimate);
    void admitByCost(double referenceUsd, const QString& referenceKey);
    void admitNextByCost(int count);
    int maxAffordableNodes(const Work& w, double budgetUsd) const;
    // The most nodes a search of this candidate may try whatever the cost bar.
    int typeLimit(const Work& w) const;
    void search(std::vector<Work*> batch, bool full, double from, double to);
    Evaluation evaluate(const Work& w, int nodes, bool full, const EvaluationSettings& s);
    ResolvedScenario configured(const Work& w, int nodes) const;
    EvaluationSettings settings(const Work& w, bool full) const;
    double bestMeetingCost(bool confirmedOnly, QString* key) const;
    // bestMeetingCost() or, in a shard, the lowest cost another shard of the sweep has published
    // for the same bar if that is lower (planner_shard.cpp).
    double barWithOtherShards(bool confirmedOnly, QString* key) const;
    // In a shard: whether another shard's bar now rules this candidate's search out, so it stops
    // before its next simulation (planner_shard.cpp). Thrown as Outbid.
    bool outbidByOtherShards(const Work& w, bool full) const;
    struct Outbid {};
    double fullRunCostFloor(const Work& w) const;
    // What its scaling policy keeps running for the traffic, by the busy time per request the
    // candidate's short window measured (policy_floor.h); 0 for a fixed fleet or a full run.
    double policyFloor(const Work& w) const { return w.policyFloorUsd; }
    double policyFloorOfChosen(const Work& w) const;
    // The winner's what-ifs (planner_what_ifs.cpp): taken over from a run started ahead while
    // its confirmation left cores idle, or started now.
    void runSensitivity(Recommendation& r, const Work& winner);
    std::shared_ptr<WhatIfRun> makeWhatIfRun(const Work& w, int nodes) const;
    // The what-if run of a configuration being confirmed, started ahead in idle cores; null when
    // nothing is to be started ahead (see speculate_) or it cannot be set up.
    std::shared_ptr<WhatIfRun> whatIfRunAhead(const Work& w, int nodes);
    // The candidates as they stand, ranked; `provisional` marks the not yet simulated.
    Recommendation snapshot(bool provisional) const;
    void showProvisional();
    // Over 20 % above the p95 objective, or twice the error budget.
    bool clearlyFails(const Evaluation& e) const
    {
        return e.p95Ms > 1.2 * objectiveMs(doc_) || e.errorRate > 2 * doc_.slo->errorRate;
    }
    void report(double fraction) const
    {
        if (options_.progress) options_.progress(std::clamp(fraction, 0.0, 1.0));
    }

    Scenario doc_;
    const Catalog& catalog_;
    QString file_;
    RecommendOptions options_;
    std::vector<Work> work_;
    std::atomic<int> simulations_{0};
    double peakRateRps_ = 0;
    // Guards the results that search jobs write while the calling thread takes a snapshot.
    mutable std::mutex resultsLock_;
    // While one candidate is confirmed alone, its last replications leave cores idle: they run
    // its what-ifs ahead, which are then ready if it wins (a guess: wasted, on otherwise idle
    // cores, when it does not). Never in a shard, which runs no what-ifs.
    bool speculate_ = false;
    std::mutex aheadLock_;
    std::map<std::pair<QString, int>, std::shared_ptr<WhatIfRun>> whatIfsAhead_;  // by candidate id and nodes
};

}  // namespace planning
}  // namespace headroom
