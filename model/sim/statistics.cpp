#include "statistics.h"

#include <cmath>
#include <numeric>

namespace headroom::sim {

double studentT975(int df)
{
    static const double table[] = {12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
                                   2.2010,  2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
                                   2.0796,  2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423};
    if (df < 1) return 0;
    if (df <= 30) return table[df - 1];
    const double z = 1.959964, z3 = z * z * z, z5 = z3 * z * z, n = df;
    return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n);
}

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
    const double half = studentT975(int(values.size()) - 1) * std::sqrt(ss / (n - 1) / n);
    e.low = e.mean - half;
    e.high = e.mean + half;
    return e;
}

}  // namespace headroom::sim
