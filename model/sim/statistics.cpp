#include "statistics.h"

#include "analysis/distributions.h"

#include <cmath>
#include <numeric>

namespace headroom::sim {

Estimate estimate(const std::vector<double>& values)
{
    Estimate e;
    if (values.empty()) return e;
    const double n = double(values.size());
    e.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    e.low = e.high = e.mean;
    if (values.size() < 2) return e;
    double ss = 0;
    for (double v : values) ss += (v - e.mean) * (v - e.mean);
    const double half = stats::studentTQuantile(0.975, n - 1) * std::sqrt(ss / (n - 1) / n);
    e.low = e.mean - half;
    e.high = e.mean + half;
    return e;
}

}  // namespace headroom::sim
