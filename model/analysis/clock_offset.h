#pragma once
#include <optional>
#include <vector>

namespace headroom::quality {

struct OffsetEstimate {
    double offsetS = 0;      // positive: the second series shows the same pattern later
    double correlation = 0;  // Pearson correlation of the differenced series at the best lag
    double stepS = 0;        // resolution of the common grid
};

// Estimates how far the second node's clock is shifted against the first from one metric both
// recorded: both series are put on a common grid over their overlap (linear interpolation),
// differenced so that shared trends do not dominate, and cross-correlated over ± maxLagSteps;
// the peak is refined by a parabola through its neighbours. Empty when the overlap is too short.
std::optional<OffsetEstimate> estimateClockOffset(const std::vector<double>& t1, const std::vector<double>& v1,
                                                  const std::vector<double>& t2, const std::vector<double>& v2,
                                                  int maxLagSteps);

}  // namespace headroom::quality
