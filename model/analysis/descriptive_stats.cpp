#include "descriptive_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double mean(const std::vector<double>& values)
{
    if (values.empty()) return kNaN;
    double sum = 0;
    for (double v : values) sum += v;
    return sum / double(values.size());
}

double sampleStdDev(const std::vector<double>& values)
{
    if (values.empty()) return kNaN;
    if (values.size() == 1) return 0;
    const double m = mean(values);
    double squares = 0;
    for (double v : values) squares += (v - m) * (v - m);
    return std::sqrt(squares / double(values.size() - 1));
}

double coefficientOfVariation(const std::vector<double>& values)
{
    const double m = mean(values);
    if (!(m != 0) || std::isnan(m)) return kNaN;
    return sampleStdDev(values) / std::abs(m);
}

double quantile(std::vector<double> values, double p)
{
    if (values.empty()) return kNaN;
    std::sort(values.begin(), values.end());
    p = std::clamp(p, 0.0, 1.0);
    const double h = p * double(values.size() - 1);
    const auto lo = size_t(std::floor(h));
    const size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (h - double(lo)) * (values[hi] - values[lo]);
}

double median(std::vector<double> values) { return quantile(std::move(values), 0.5); }

double medianAbsoluteDeviation(const std::vector<double>& values)
{
    if (values.empty()) return kNaN;
    const double m = median(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double v : values) deviations.push_back(std::abs(v - m));
    return median(std::move(deviations));
}

}  // namespace headroom::stats
