#pragma once
#include "recommendation.h"

#include <QJsonObject>

namespace headroom {

// DESIGN §8: {"recommended":{…}|null,"candidates":[{"provider","instance_type","nodes_min",
// "nodes_max","policy","latency_p95_ms","slo_attainment","cost_per_month_usd","meets_slo","why",
// …}],"pareto":[{"key",…,"cost_per_month_usd","latency_p95_ms","meets_slo","full_length","on_front"}],
// "sensitivity":{…}}: every simulated configuration, its front among full-length runs marked.
// `top` > 0 keeps only the first `top` ranked candidates.
QJsonObject recommendationToJson(const Recommendation& recommendation, int top = 0);
QJsonObject candidateToJson(const CandidateResult& candidate, int rank);

// The status as the JSON spells it: "recommended", "meets", "fails", "ruled_out".
QString statusName(CandidateResult::Status status);

}  // namespace headroom
