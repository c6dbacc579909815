#pragma once
// A candidate row made by hand: one simulated configuration of a hetzner type, that meets the
// SLO, from a full-length run or only from the short window around the peak. For the tests of
// the Pareto points and what shows them (JSON, report).
#include "plan/recommendation.h"

namespace headroom::test {

inline CandidateResult simulatedCandidate(const QString& name, double costPerMonthUsd, double p95Ms, bool fullLength,
                                          const QString& policy = QStringLiteral("target_tracking@0.5"), int nodesMax = 6)
{
    CandidateResult c;
    c.type.provider = QStringLiteral("hetzner");
    c.type.name = name;
    c.policy = policy;
    Evaluation e;
    e.nodes = 1;
    e.nodesMax = nodesMax;
    e.costPerMonthUsd = costPerMonthUsd;
    e.p95Ms = p95Ms;
    e.meetsSlo = true;
    e.fullLength = fullLength;
    e.replications = fullLength ? 3 : 2;
    c.chosen = e;
    c.tried.push_back(e);
    return c;
}

}  // namespace headroom::test
