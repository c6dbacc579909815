#pragma once
#include "recommend_options.h"
#include "recommendation.h"
#include "evaluation_source.h"
#include "scenario/scenario.h"

namespace headroom {

class Catalog;
class Workspace;

// The cheapest configuration that keeps the scenario's SLO: every catalog instance type of the
// chosen providers is screened with Erlang C, the hopeless and the absurdly oversized are
// ruled out, the rest are searched node count by node count with short simulations, and the
// close finalists are run in full with the scenario's replications. Deterministic for the
// scenario's seed whatever the number of threads; every configuration meets the same random
// traffic, so differences between them are not luck of the draw.
//
// Throws InputError (naming `fileName: $.json.path`) for a scenario that cannot be planned (no
// SLO, unknown catalog key) and for unknown filter names, Cancelled when options.cancel is set.
// `ws` may be null unless the traffic is a trace of a workspace series.
Recommendation recommend(const Scenario& scenario, const Catalog& catalog, const Workspace* ws,
                         const QString& fileName, const RecommendOptions& options = {});

// One shard of a recommendation split `count` ways (DESIGN §12): the candidates assigned to
// shard `index` by candidateShard() go through the decision procedure as if they were the whole
// sweep (after the analytic screen of all candidates), and every evaluation it asked for is kept.
// recommend() with an EvaluationSource that looks these up (simulating what is not there) then
// decides exactly as one machine would.
struct ShardEvaluations {
    Scenario planned;                 // the scenario as planned: a trace frozen into its rate profile
    QStringList candidateIds;         // every candidate of the sweep, in catalog order
    QStringList assigned;             // this shard's, in the same order
    std::vector<std::pair<EvaluationRequest, Evaluation>> evaluations;
};
ShardEvaluations recommendShard(const Scenario& scenario, const Catalog& catalog, const Workspace* ws,
                                const QString& fileName, const RecommendOptions& options, int index, int count);

}  // namespace headroom
