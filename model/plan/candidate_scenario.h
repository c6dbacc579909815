#pragma once
#include "recommendation.h"
#include "scenario/scenario.h"

namespace headroom {

// A candidate's chosen configuration as a scenario of its own, exactly as the recommender
// simulated it: its autoscaling policy (when policies are compared), its instance type and node
// counts, and its own seed (candidate_hash.h). Simulating this document with that seed and the
// candidate's replications gives the candidate's figures again.
Scenario candidateScenario(const Scenario& scenario, const CandidateResult& candidate);

}  // namespace headroom
