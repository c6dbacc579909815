#pragma once
#include "plan/recommendation.h"
#include "recommend_part.h"

#include <vector>

namespace headroom::runs {

struct MergedRecommendation {
    Recommendation result;
    int fromParts = 0;        // evaluations the decision procedure found in the parts
    int simulatedHere = 0;    // evaluations no part held (a search under a cost bar tried another
                              // node count, or the sensitivity runs of the winner): simulated here
};

// The recommendation the shards' parts make together: the decision procedure of recommend(),
// replayed with the parts' evaluations, so the same ranking, to the digit, as one machine running
// it all (DESIGN §12). Refuses (InputError naming the part file and what was expected) parts of
// different formats, program versions (this program's included), scenarios, catalogs, options,
// candidates or shard counts, a shard missing, a shard given twice, and a part whose catalog or
// scenario does not match its own fingerprint. `runtime` gives threads, progress and cancel.
MergedRecommendation mergeParts(const std::vector<RecommendPart>& parts, const RecommendOptions& runtime = {});

}  // namespace headroom::runs
