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

}  // namespace headroom
