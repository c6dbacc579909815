#include "ranking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace headroom {

namespace {

constexpr double kCostTieUsd = 0.005;

// Meets in full runs, inconclusive, passed a short window only, not yet simulated (provisional
// rankings), fails, ruled out by the screen.
enum Group { kMeets, kInconclusive, kUnconfirmed, kPending, kFails, kRuledOut };

Group group(const CandidateResult& c)
{
    if (!c.chosen) return c.pending ? kPending : kRuledOut;
    if (c.meetsSlo()) return kMeets;
    if (c.inconclusive()) return kInconclusive;
    if (c.passedShortWindow()) return kUnconfirmed;
    return kFails;
}

}  // namespace

bool rankedBefore(const CandidateResult& a, const CandidateResult& b)
{
    const int ga = group(a), gb = group(b);
    if (ga != gb) return ga < gb;
    if (ga == kMeets || ga == kUnconfirmed) {
        const double ca = a.costPerMonthUsd(), cb = b.costPerMonthUsd();
        if (std::abs(ca - cb) > kCostTieUsd) return ca < cb;
        if (a.chosen->p95Ms != b.chosen->p95Ms) return a.chosen->p95Ms < b.chosen->p95Ms;
        if (a.chosen->nodes != b.chosen->nodes) return a.chosen->nodes < b.chosen->nodes;
    } else if (ga == kFails || ga == kInconclusive) {
        if (a.chosen->attainment != b.chosen->attainment) return a.chosen->attainment > b.chosen->attainment;
        if (a.chosen->p95Ms != b.chosen->p95Ms) return a.chosen->p95Ms < b.chosen->p95Ms;
    } else if (ga == kPending) {
        const double ca = a.costPerMonthUsd(), cb = b.costPerMonthUsd();
        if (ca != cb) return ca < cb;
    } else {
        const double ca = a.screening.lowerBoundCostUsd, cb = b.screening.lowerBoundCostUsd;
        if (ca != cb) return ca < cb;
    }
    if (a.type.key() != b.type.key()) return a.type.key() < b.type.key();
    return a.policy < b.policy;
}

int rankCandidates(std::vector<CandidateResult>& candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), rankedBefore);
    int winner = -1;
    for (size_t i = 0; i < candidates.size(); ++i) {
        CandidateResult& c = candidates[i];
        switch (group(c)) {
        case kRuledOut: c.status = CandidateResult::Status::RuledOut; break;
        case kMeets:
            c.status = winner < 0 ? CandidateResult::Status::Recommended : CandidateResult::Status::Meets;
            if (winner < 0) winner = int(i);
            break;
        case kInconclusive: c.status = CandidateResult::Status::Inconclusive; break;
        case kUnconfirmed: c.status = CandidateResult::Status::Unconfirmed; break;
        case kPending: c.status = CandidateResult::Status::Estimate; break;
        case kFails: c.status = CandidateResult::Status::Fails; break;
        }
    }
    return winner;
}

std::vector<ParetoPoint> paretoPoints(const std::vector<CandidateResult>& candidates)
{
    std::vector<ParetoPoint> points;
    for (const CandidateResult& c : candidates) {
        // One point per node count: the full-length run when there is one.
        std::map<std::pair<int, int>, const Evaluation*> best;
        for (const Evaluation& e : c.tried) {
            const Evaluation*& slot = best[{e.nodes, e.nodesMax}];
            if (!slot || (e.fullLength && !slot->fullLength) || (e.fullLength == slot->fullLength && e.replications > slot->replications))
                slot = &e;
        }
        for (const auto& [nodes, e] : best) {
            if (!std::isfinite(e->p95Ms)) continue;
            ParetoPoint p;
            p.key = c.type.key();
            p.policy = c.policy;
            p.nodes = e->nodes;
            p.nodesMax = e->nodesMax;
            p.costPerMonthUsd = e->costPerMonthUsd;
            p.p95Ms = e->p95Ms;
            p.fullLength = e->fullLength;
            p.meetsSlo = e->meetsSlo && e->fullLength;  // a short window only passes
            points.push_back(p);
        }
    }
    std::sort(points.begin(), points.end(), [](const ParetoPoint& a, const ParetoPoint& b) {
        if (a.costPerMonthUsd != b.costPerMonthUsd) return a.costPerMonthUsd < b.costPerMonthUsd;
        if (a.p95Ms != b.p95Ms) return a.p95Ms < b.p95Ms;
        return a.key != b.key ? a.key < b.key : a.policy < b.policy;
    });
    // Cheapest first: a point is on the front when it is faster than every cheaper one. Only
    // day figures compete: a short window's peak cost and peak p95 measure something else.
    double fastest = std::numeric_limits<double>::infinity();
    for (ParetoPoint& p : points) {
        if (p.fullLength && p.p95Ms < fastest) {
            p.onFront = true;
            fastest = p.p95Ms;
        }
    }
    return points;
}

QString paretoName(const ParetoPoint& p, const std::vector<ParetoPoint>& all)
{
    const bool severalPolicies =
        std::any_of(all.begin(), all.end(), [&](const ParetoPoint& other) { return other.policy != p.policy; });
    return severalPolicies ? QStringLiteral("%1 (%2)").arg(p.key, p.policy) : p.key;
}

QString paretoNodes(const ParetoPoint& p)
{
    return p.nodesMax > p.nodes ? QStringLiteral("%1–%2").arg(p.nodes).arg(p.nodesMax) : QString::number(p.nodes);
}

QString paretoLabel(const ParetoPoint& p, const std::vector<ParetoPoint>& all)
{
    return QStringLiteral("%1 × %2").arg(paretoName(p, all), paretoNodes(p));
}

bool isWinnersPoint(const ParetoPoint& p, const CandidateResult* winner)
{
    return winner && winner->chosen && p.key == winner->type.key() && p.policy == winner->policy
           && p.nodes == winner->chosen->nodes && p.nodesMax == winner->chosen->nodesMax;
}

}  // namespace headroom
