#pragma once
#include "simulator.h"

#include <vector>

namespace headroom::sim {

// Two-sided 95 % quantile of Student's t with `df` degrees of freedom (exact table to 30, then
// the Cornish–Fisher expansion, which is within 1e-4 there).
double studentT975(int df);
// Mean of the values with its 95 % confidence interval; one value gives a zero-width interval.
Estimate estimate(const std::vector<double>& values);

}  // namespace headroom::sim
