#include "scenario.h"

#include <numeric>

namespace headroom {

double Distribution::expectedValue() const
{
    if (kind == Kind::Empirical)
        return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    return mean;
}

Distribution Distribution::scaled(double factor) const
{
    Distribution d = *this;
    d.mean *= factor;
    for (double& v : d.values) v *= factor;
    return d;
}

}  // namespace headroom
