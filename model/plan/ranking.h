#pragma once
#include "recommendation.h"

#include <vector>

namespace headroom {

// The objective: the lowest monthly cost among configurations that meet the SLO at the stated
// confidence; equal costs (within half a cent) go to the lower p95, then to fewer nodes.
// Configurations that miss the SLO follow, those closest to meeting it first, then the ones
// ruled out without simulation, cheapest possible first.
bool rankedBefore(const CandidateResult& a, const CandidateResult& b);

// Sorts the candidates, marks the first that meets the SLO Recommended (others Meets or Fails;
// RuledOut stays) and returns its index, or -1.
int rankCandidates(std::vector<CandidateResult>& candidates);

// Every simulated configuration as a (cost, p95) point, cheapest first, with the full-length ones
// no other full-length point beats on both counts marked onFront. Full-length runs stand in for
// screening runs of the same configuration; a point from a short window only says so (fullLength
// false) and is never on the front.
std::vector<ParetoPoint> paretoPoints(const std::vector<CandidateResult>& candidates);

// What a table calls a point's candidate: "provider/name", with the policy when the points come
// from several (a scenario's compare_policies), so two policies on one type stay apart.
QString paretoName(const ParetoPoint& p, const std::vector<ParetoPoint>& all);
// "1–9" for an autoscaling range, "3" for a fixed fleet.
QString paretoNodes(const ParetoPoint& p);
// What a chart calls a point: its name × its nodes.
QString paretoLabel(const ParetoPoint& p, const std::vector<ParetoPoint>& all);
// The point of the recommended candidate's chosen configuration.
bool isWinnersPoint(const ParetoPoint& p, const CandidateResult* winner);

}  // namespace headroom
