#pragma once
#include "evaluation.h"

#include <QString>
#include <functional>

namespace headroom {

// One evaluation the recommender's decision procedure asks for. With per-candidate seeds
// (candidate_hash.h) its result is a pure function of the scenario, the catalog, the options
// and these three fields, wherever and whenever it is computed.
struct EvaluationRequest {
    QString candidateId;
    int nodes = 0;            // fixed fleet size, or the autoscaling minimum
    bool fullLength = false;  // false: a screening run over a window around the peak
};

// Where the recommender's evaluations come from. Called from several threads at once; `simulate`
// computes the evaluation here. Empty: always simulate. A shard records what it simulates, a
// merge looks evaluations up in the shards' parts (recommend_part.h).
using EvaluationSource = std::function<Evaluation(const EvaluationRequest& request,
                                                  const std::function<Evaluation()>& simulate)>;

}  // namespace headroom
