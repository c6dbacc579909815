#pragma once
#include "simulator.h"

#include <vector>

namespace headroom::sim {

// Mean of the values with its 95 % confidence interval (Student t, n − 1 degrees of freedom);
// one value gives a zero-width interval.
Estimate estimate(const std::vector<double>& values);

}  // namespace headroom::sim
