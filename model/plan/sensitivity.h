#pragma once
#include "recommendation.h"

#include <functional>

namespace headroom {

// The tornado of the recommended configuration: the same fleet under traffic ×0.8 and ×1.2,
// boot time ×2, node-speed CV ×2 and one node lost. Each case is a modified copy of the
// configured scenario; the caller simulates the applicable ones.
struct SensitivityVariant {
    SensitivityCase description;         // id, label, applicable, note (no result yet)
    ResolvedScenario scenario;           // the modified configuration
};

std::vector<SensitivityVariant> sensitivityVariants(const ResolvedScenario& configured);

// Where the what-ifs ran, for a reader: "around the traffic peak, 14:37–15:07 of the scenario's
// clock" or "over the whole run".
QString whereWhatIfsRan(const SensitivityBase& base);

// The p95 the tornado's bars are measured from: the recommended fleet's own where the what-ifs
// ran; its full runs' when none ran (0 without a recommendation).
double whatIfBaseP95Ms(const Recommendation& r);

}  // namespace headroom
