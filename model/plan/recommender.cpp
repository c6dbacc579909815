#include "recommender.h"

#include "planner.h"

#include "candidate_config.h"
#include "candidate_hash.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "monthly_cost.h"
#include "node_search.h"
#include "policy_floor.h"
#include "policy_sweep.h"
#include "core/parallel_jobs.h"
#include "ranking.h"
#include "scenario/resolved_scenario.h"
#include "sensitivity.h"
#include "slo_objective.h"
#include "why_text.h"

#include <QElapsedTimer>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <optional>

namespace headroom {

namespace planning {

ResolvedScenario Planner::configured(const Work& w, int nodes) const
{
    ResolvedScenario r = w.resolved;
    r.doc = withConfiguration(w.resolved.doc, w.result.type, nodes, w.maxNodes);
    return r;
}

EvaluationSettings Planner::settings(const Work& w, bool full) const
{
    // Full-length runs (and a "short" run of a scenario no longer than the window) add
    // replications until their verdict is clear.
    EvaluationSettings s = confirmationSettings(options_.minReplications, std::max(options_.maxReplications, doc_.replications),
                                                options_.confidence);
    s.cancel = options_.cancel;
    s.fullRunDone = options_.fullRunDone;
    if (!full) s.replications = std::min(doc_.replications, std::max(1, options_.shortReplications));
    s.spanS = full ? 0 : options_.shortSpanS;
    const Screening screening = w.result.screening;
    const double slo = responseTargetMs(doc_, screening.serviceMeanS);
    const int limit = options_.maxNodes;
    s.initialNodes = [screening, slo, limit](double rate) { return analyticNodes(screening, rate, slo, limit).value_or(limit); };
    return s;
}

void Planner::screen(const QVector<InstanceType>& types)
{
    const std::vector<PolicyVariant> policies = policyVariants(doc_, file_);
    for (const InstanceType& type : types)
        for (const PolicyVariant& policy : policies) screenOne(type, policy, policies.size() > 1);
}

void Planner::screenOne(const InstanceType& type, const PolicyVariant& policy, bool several)
{
    const bool scaling = autoscales(doc_);
    Work w;
    w.id = candidateId(type.key(), policy.label, several);
    w.result.type = type;
    w.result.policy = policy.label;
    try {
        w.resolved = resolveScenario(withConfiguration(policy.doc, type, 1, 1), catalog_, nullptr, file_);
        // Its own random stream, whoever else is in the sweep (candidate_hash.h).
        w.resolved.doc.seed = candidateSeed(doc_.seed, w.id);
    } catch (const InputError& e) {
        // A shape this scenario cannot use (too little memory for one worker, no boot times).
        w.result.screening.outcome = Screening::Outcome::Hopeless;
        w.result.screening.reason = QStringLiteral("ruled out: %1").arg(e.message());
        w.result.screening.estimateCostUsd = kInfinity;
        w.result.screening.lowerBoundCostUsd = kInfinity;
        work_.push_back(std::move(w));
        return;
    }
    Screening& s = w.result.screening;
    s = screenCandidate(w.resolved, options_.maxNodes);
    if (scaling) {
        // The maximum leaves a quarter of head room over the analytic peak need.
        const int peakNeed = s.nodesAtPeak.value_or(options_.maxNodes);
        w.maxNodes = std::min(options_.maxNodes, int(std::ceil(peakNeed * 1.25)) + 1);
        w.lo = 1;
        w.hi = w.maxNodes;
    } else {
        w.maxNodes = options_.maxNodes;
        w.lo = std::min(s.nodesLowerBound, options_.maxNodes);
        w.hi = options_.maxNodes;
    }
    w.admitted = s.outcome == Screening::Outcome::Finalist;
    work_.push_back(std::move(w));
}

// Nothing simulated so far meets the SLO, so there is no cost bar yet: let in the `count`
// cheapest types the screen had ruled out (by their cheapest possible fleet), searched up to the
// node limit.
void Planner::admitNextByCost(int count)
{
    std::vector<Work*> waiting;
    for (Work& w : work_)
        if (!w.admitted && !w.searched && w.result.screening.outcome == Screening::Outcome::TooExpensive
            && w.result.screening.nodesLowerBound <= options_.maxNodes)
            waiting.push_back(&w);
    std::sort(waiting.begin(), waiting.end(), [](const Work* a, const Work* b) {
        return a->result.screening.lowerBoundCostUsd < b->result.screening.lowerBoundCostUsd;
    });
    for (int i = 0; i < count && i < int(waiting.size()); ++i) {
        Work& w = *waiting[size_t(i)];
        w.admitted = true;
        w.result.screening.outcome = Screening::Outcome::Finalist;
        w.result.screening.reason.clear();
        w.hi = autoscales(doc_) ? w.maxNodes : options_.maxNodes;
    }
}

// Rules out (or lets back in) the types whose cheapest possible fleet costs more than
// oversizeFactor × the reference cost.
void Planner::admitByCost(double referenceUsd, const QString& referenceKey)
{
    if (!std::isfinite(referenceUsd)) return;
    const double limit = options_.oversizeFactor * referenceUsd;
    for (Work& w : work_) {
        Screening& s = w.result.screening;
        if (s.outcome == Screening::Outcome::Hopeless || w.searched) continue;
        if (s.lowerBoundCostUsd > limit && s.nodesLowerBound <= options_.maxNodes) {
            w.admitted = false;
            s.outcome = Screening::Outcome::TooExpensive;
            QString fleet;
            if (autoscales(doc_))
                fleet = QStringLiteral("the traffic keeps %1 nodes busy on average, which costs").arg(s.lowerBoundNodes, 0, 'f', 1);
            else if (s.nodesLowerBound == 1)
                fleet = QStringLiteral("even one node costs");
            else
                fleet = QStringLiteral("it needs at least %1 nodes by utilisation,").arg(s.nodesLowerBound);
            if (w.resolved.burstable && w.resolved.unlimitedCredits && w.resolved.carryCredits)
                fleet += QStringLiteral(" with the surplus credits unlimited mode bills for CPU above the baseline,");
            s.reason = QStringLiteral("ruled out without simulation: %1 $%2/month, over %3× the cheapest estimate "
                                      "($%4/month, %5)")
                           .arg(fleet)
                           .arg(s.lowerBoundCostUsd, 0, 'f', 0)
                           .arg(options_.oversizeFactor)
                           .arg(referenceUsd, 0, 'f', 0)
                           .arg(referenceKey);
        } else if (s.outcome == Screening::Outcome::TooExpensive && s.nodesLowerBound <= options_.maxNodes) {
            w.admitted = true;
            s.outcome = Screening::Outcome::Finalist;
            s.reason.clear();
        }
        // The search stops where the fleet alone would cost more than the bar: a fleet that
        // large is ruled out whether it meets the SLO or not.
        if (w.admitted) {
            const double nodeMonth = monthlyCostOfNodesUsd(w.resolved, 1);
            const int affordable = nodeMonth > 0 ? int(std::floor(limit / nodeMonth)) : options_.maxNodes;
            w.hi = std::clamp(affordable, w.lo, autoscales(doc_) ? w.maxNodes : options_.maxNodes);
        }
    }
}

void Planner::search(std::vector<Work*> batch, bool full, double from, double to)
{
    auto job = [&](int index) {
        Work& w = *batch[size_t(index)];
        const EvaluationSettings s = settings(w, full);
        std::map<int, Evaluation> runs;
        auto passes = [&](int nodes) {
            if (outbidByOtherShards(w, full)) throw Outbid{};
            const Evaluation e = evaluate(w, nodes, full, s);
            runs[nodes] = e;
            return e.meetsSlo;
        };
        const Screening& sc = w.result.screening;
        int guess = autoscales(doc_) ? sc.nodesAtLow.value_or(w.lo) : sc.nodesAtPeak.value_or(w.lo);
        int lo = w.lo;
        std::optional<Evaluation> screenedFewer;
        if (full && w.result.passedShortWindow()) {
            guess = w.result.chosen->nodes;
            // One node fewer missed the SLO by a wide margin around the peak in screening: the
            // quiet hours of a full run could average that away, but a fleet that far behind at
            // the peak is no plan, so it is not run again.
            const std::optional<Evaluation>& fewer = w.result.fewer;
            if (fewer && fewer->nodes == guess - 1 && clearlyFails(*fewer)) {
                lo = std::max(lo, guess);
                screenedFewer = fewer;
            }
        }
        std::optional<int> smallest;
        try {
            smallest = smallestPassing(lo, w.hi, guess, passes);
        } catch (const Outbid&) {
            // As the next round will see it under the lower bar (planner_shard.cpp): a type not
            // searched yet is out, one searched before keeps the figures it had.
            std::lock_guard<std::mutex> guard(resultsLock_);
            if (!w.searched) {
                w.admitted = false;
                w.result.screening.outcome = Screening::Outcome::TooExpensive;
            }
            return;
        }
        std::optional<std::pair<BarKind, double>> found;
        {
            std::lock_guard<std::mutex> guard(resultsLock_);
            CandidateResult& c = w.result;
            for (const auto& [nodes, e] : runs) c.tried.push_back(e);
            const int shown = smallest.value_or(runs.rbegin()->first);
            c.chosen = runs.at(shown);
            w.policyFloorUsd = policyFloorOfChosen(w);
            c.fewer.reset();
            if (smallest && runs.count(shown - 1)) c.fewer = runs.at(shown - 1);
            else if (smallest && screenedFewer && screenedFewer->nodes == shown - 1) c.fewer = screenedFewer;
            w.searched = true;
            w.searchedHi = w.hi;
            w.confirmed = full || c.chosen->fullLength;
            c.figures = w.confirmed ? CandidateResult::Figures::FullRun : CandidateResult::Figures::ShortWindow;
            if (c.meetsSlo()) found.emplace(BarKind::Confirmed, c.chosen->costPerMonthUsd);
            else if (c.passedShortWindow()) found.emplace(BarKind::ShortWindow, c.chosen->costPerMonthUsd);
        }
        // At once, not at the end of the round: shards running beside this one rule out what
        // costs more before their own next round (planner_shard.cpp).
        if (options_.sharedBar.publish && found) options_.sharedBar.publish(found->first, found->second, w.id);
    };
    int shown = 0;
    auto tick = [&](int done) {
        report(from + (to - from) * done / std::max<size_t>(1, batch.size()));
        // A candidate has finished: the provisional ranking takes in its figures.
        if (done > shown) {
            shown = done;
            showProvisional();
        }
    };
    runParallel(int(batch.size()), options_.threads, job, tick, options_.cancel);
}

Evaluation Planner::evaluate(const Work& w, int nodes, bool full, const EvaluationSettings& s)
{
    simulations_.fetch_add(1);
    auto simulate = [&] {
        if (const std::shared_ptr<WhatIfRun> ahead = full ? whatIfRunAhead(w, nodes) : nullptr) {
            EvaluationSettings withAhead = s;
            withAhead.whileIdle = [ahead] { return ahead->batch.runOne(); };
            return evaluateConfiguration(configured(w, nodes), withAhead);
        }
        return evaluateConfiguration(configured(w, nodes), s);
    };
    if (!options_.evaluations) return simulate();
    return options_.evaluations(EvaluationRequest{w.id, nodes, full}, simulate);
}

// The search limit of a candidate under a cost bar: as many nodes as the bar pays for a month
// (the cheapest a fleet of that minimum can cost), within the type's own limit.
int Planner::typeLimit(const Work& w) const { return autoscales(doc_) ? w.maxNodes : options_.maxNodes; }

int Planner::maxAffordableNodes(const Work& w, double budgetUsd) const
{
    const int limit = typeLimit(w);
    if (!std::isfinite(budgetUsd)) return limit;
    const double nodeMonth = monthlyCostOfNodesUsd(w.resolved, 1);
    const int affordable = nodeMonth > 0 ? int(std::floor(budgetUsd / nodeMonth)) : limit;
    return std::clamp(affordable, w.lo, limit);
}

// The least a full run of this candidate can cost a month: its fleet's floor by utilisation,
// and, when it passed a short window whose one node fewer clearly failed, the fleet it passed
// with (the full search does not go below it, see search()).
double Planner::fullRunCostFloor(const Work& w) const
{
    double floor = w.result.screening.lowerBoundCostUsd;
    const std::optional<Evaluation>& fewer = w.result.fewer;
    if (w.result.passedShortWindow() && fewer && fewer->nodes == w.result.chosen->nodes - 1 && clearlyFails(*fewer))
        floor = std::max(floor, monthlyCostOfNodesUsd(w.resolved, w.result.chosen->nodes));
    // An autoscaled fleet costs what its policy keeps running. The policy floor, less
    // kPolicyFloorSlack for the minutes a policy lags a rise and for the window's own noise, is
    // what a full run costs at the least.
    if (w.result.passedShortWindow()) floor = std::max(floor, (1 - kPolicyFloorSlack) * policyFloor(w));
    return floor;
}

double Planner::policyFloorOfChosen(const Work& w) const
{
    const std::optional<Evaluation>& window = w.result.chosen;
    if (!window || window->fullLength || !autoscales(doc_)) return 0;
    // The window measured how busy a request keeps this type's nodes.
    return policyFloorCostUsd(configured(w, window->nodes), window->busy).value_or(0);
}

double Planner::bestMeetingCost(bool confirmedOnly, QString* key) const
{
    double best = kInfinity;
    for (const Work& w : work_) {
        const bool meets = w.result.meetsSlo() || (!confirmedOnly && w.result.passedShortWindow());
        if (!meets) continue;
        if (w.result.chosen->costPerMonthUsd < best) {
            best = w.result.chosen->costPerMonthUsd;
            if (key) *key = w.result.type.key();
        }
    }
    return best;
}

void Planner::prepare(const Workspace* ws)
{
    if (objectiveMs(doc_) <= 0)
        throw InputError(file_ + QStringLiteral(": $.slo"),
                         QStringLiteral("a recommendation needs an SLO with latency_p95_ms or queue_wait_p95_ms > 0 to plan for"));
    // Resolve once as written (this is where a bad scenario fails), then freeze a trace into a
    // rate profile so the candidates need no workspace.
    const ResolvedScenario base = resolveScenario(doc_, catalog_, ws, file_);
    peakRateRps_ = base.peakRateRps;
    if (doc_.traffic.kind == Traffic::Kind::Trace) {
        doc_.traffic.kind = Traffic::Kind::Profile;
        doc_.traffic.points = base.ratePoints;
        doc_.traffic.scale = 1;
    }
    screen(candidateTypes(catalog_, options_));
    if (work_.empty())
        throw InputError(QStringLiteral("--instance-types"), QStringLiteral("no instance type of the catalog matches the filters"));
}

// Stage 1: the analytic screen's cheapest estimate sets the bar for "absurdly oversized".
double Planner::admitByEstimate()
{
    double estimate = kInfinity;
    QString estimateKey;
    for (const Work& w : work_)
        if (w.admitted && w.result.screening.estimateCostUsd < estimate) {
            estimate = w.result.screening.estimateCostUsd;
            estimateKey = w.result.type.key();
        }
    admitByCost(estimate, estimateKey);
    return estimate;
}

// Stages 2 and 3, after the screen's bar (`estimate`) has been applied.
void Planner::decide(double estimate)
{
    // Stage 2: short runs for every finalist. A finalist that turns out dearer than the screen
    // thought raises the bar, which may let ruled-out types back in.
    for (int round = 0; round < 8; ++round) {
        std::vector<Work*> batch;
        for (Work& w : work_)
            if (w.admitted && !w.searched) batch.push_back(&w);
        if (batch.empty()) break;
        search(batch, false, round == 0 ? 0.02 : kSearchShare * 0.8, kSearchShare);
        QString key;
        const double best = barWithOtherShards(false, &key);
        if (!std::isfinite(best)) admitNextByCost(kAdmittedWhenNothingMeets);
        else if (best > estimate) admitByCost(best, key);
    }

    // Stage 3: full-length runs, cheapest first. Everything the table calls "meets" (and every
    // "% cheaper") rests on them. The candidates that passed their short windows are confirmed a
    // few at a time in order of cost, as long as their cheapest possible full-run cost is below
    // the best confirmed one: a dearer candidate cannot win and keeps its short-window row,
    // marked unconfirmed. A short window around the peak can also fail a fleet that a full run
    // passes (a job queue's backlog drains in the quiet hours), so every candidate whose cheapest
    // possible fleet is below the best confirmed cost is searched in full too. Each round
    // confirms its whole batch, so this ends; then no unconfirmed candidate can be cheaper.
    // While nothing meets in full runs, the next types by cost are let in, and a type whose
    // search stopped at a cost bar set by a short-window estimate is searched further.
    const int confirmAtOnce = std::max(1, options_.confirmAtOnce);
    for (int round = 0;; ++round) {
        QString key;
        const double best = barWithOtherShards(true, &key);
        std::vector<Work*> batch;
        for (Work& w : work_)
            if (w.searched && !w.confirmed && w.result.passedShortWindow() && fullRunCostFloor(w) < best) batch.push_back(&w);
        if (!batch.empty()) {
            // By the least each would cost in full: for an autoscaled fleet its policy floor,
            // which predicts a full run's cost far better than a window around the peak does.
            std::stable_sort(batch.begin(), batch.end(), [&](const Work* a, const Work* b) {
                const double fa = fullRunCostFloor(*a), fb = fullRunCostFloor(*b);
                if (fa != fb) return fa < fb;
                return a->result.chosen->costPerMonthUsd < b->result.chosen->costPerMonthUsd;
            });
            if (int(batch.size()) > confirmAtOnce) batch.resize(size_t(confirmAtOnce));
            static const bool trace = std::getenv("HEADROOM_PLAN_TRACE") != nullptr;
            if (trace)
                for (const Work* w : batch)
                    std::fprintf(stderr, "plan-trace confirm %s floor=%.2f window=%.2f bar=%.2f\n", qPrintable(w->id),
                                 fullRunCostFloor(*w), w->result.chosen->costPerMonthUsd, best);
            // Confirmed alone, its last replication leaves a core idle: its what-ifs run ahead there.
            speculate_ = options_.sensitivity && options_.whatIfsAhead && batch.size() == 1;
            search(batch, true, kSearchShare + (round == 0 ? 0 : kConfirmShare * 0.8), kSearchShare + kConfirmShare);
            speculate_ = false;
            continue;
        }
        if (std::isfinite(best)) admitByCost(best, key);
        else admitNextByCost(kAdmittedWhenNothingMeets);
        for (Work& w : work_) {
            if (!w.admitted || w.result.screening.outcome == Screening::Outcome::Hopeless) continue;
            if (w.result.passedShortWindow()) continue;  // above the bar: stays unconfirmed
            const bool mayBeCheaper = w.result.screening.lowerBoundCostUsd < best;
            if (w.confirmed) {
                // Failed in full up to a limit that the current bar no longer imposes.
                const int affordable = maxAffordableNodes(w, best);
                if (w.result.meetsSlo() || !mayBeCheaper || affordable <= w.searchedHi) continue;
                w.lo = w.searchedHi + 1;
                w.hi = affordable;
                w.confirmed = false;
                batch.push_back(&w);
                continue;
            }
            if (mayBeCheaper) {
                w.hi = maxAffordableNodes(w, best);
                batch.push_back(&w);
            }
        }
        if (batch.empty()) break;
        search(batch, true, kSearchShare + (round == 0 ? 0 : kConfirmShare * 0.8), kSearchShare + kConfirmShare);
    }
}

Recommendation Planner::run(const Workspace* ws)
{
    QElapsedTimer clock;
    clock.start();
    prepare(ws);
    report(0.02);

    const double estimate = admitByEstimate();
    showProvisional();  // the screen's ranking, before any simulation

    decide(estimate);
    report(kSearchShare + kConfirmShare);
    // The ranking is settled here; the winner's what-if runs, all full days, take longer than
    // everything before them, and a meeting can read the answer meanwhile.
    showProvisional();
    if (options_.settled) options_.settled();

    Recommendation r = snapshot(false);
    if (const CandidateResult* winner = r.winner(); winner && options_.sensitivity) {
        const auto w = std::find_if(work_.begin(), work_.end(), [&](const Work& w) {
            return w.result.type.key() == winner->type.key() && w.result.policy == winner->policy;
        });
        runSensitivity(r, *w);
    }
    r.simulations = simulations_.load();
    r.elapsedS = clock.elapsed() / 1000.0;
    report(1.0);
    return r;
}

}  // namespace planning

Recommendation recommend(const Scenario& scenario, const Catalog& catalog, const Workspace* ws, const QString& fileName,
                         const RecommendOptions& options)
{
    planning::Planner planner(scenario, catalog, fileName, options);
    return planner.run(ws);
}

}  // namespace headroom
