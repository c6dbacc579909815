#include "recommendation.h"

#include <cmath>

namespace headroom {

double CandidateResult::costPerMonthUsd() const
{
    if (chosen) return chosen->costPerMonthUsd;
    return std::isfinite(screening.estimateCostUsd) ? screening.estimateCostUsd : screening.lowerBoundCostUsd;
}

}  // namespace headroom
