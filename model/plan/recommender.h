#pragma once
#include "recommend_options.h"
#include "recommendation.h"
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

}  // namespace headroom
