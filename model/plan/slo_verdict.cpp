#include "slo_verdict.h"

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom {

namespace {

// Margins are clamped into this range before the logarithm: an empty run (p95 0) or an
// overloaded one (p95 infinite) stays a finite, extreme sample.
constexpr double kSmallestMargin = 1e-6, kLargestMargin = 1e6;
constexpr double kLowestCoverage = 1e-4, kHighestCoverage = 1 - 1e-6;
constexpr double kBucketLogWidth = 0.008;  // sim/log_histogram.h: 1/128 of a power of two

// The largest coverage p whose tolerance bound mean + k(p) s stays ≤ 0 (k grows with p).
double largestCoverage(int n, double mean, double sd, double confidence)
{
    auto holds = [&](double p) { return mean + normalToleranceFactor(n, p, confidence) * sd <= 0; };
    if (!holds(kLowestCoverage)) return 0;
    if (holds(kHighestCoverage)) return kHighestCoverage;  // finite samples never prove certainty
    double lo = kLowestCoverage, hi = kHighestCoverage;
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        (holds(mid) ? lo : hi) = mid;
    }
    return lo;
}

}  // namespace

double normalToleranceFactor(int n, double coverage, double confidence)
{
    const double root = std::sqrt(double(n));
    const double zp = boost::math::quantile(boost::math::normal(), coverage);
    const boost::math::non_central_t t(n - 1, zp * root);
    return boost::math::quantile(t, confidence) / root;
}

double sloMargin(double p95Ms, double objectiveMs, double errorRate, double errorBudget)
{
    double margin = 0;
    if (objectiveMs > 0) margin = std::isnan(p95Ms) ? kLargestMargin : p95Ms / objectiveMs;
    if (errorBudget > 0) margin = std::max(margin, errorRate / errorBudget);
    else if (errorRate > 0) margin = kLargestMargin;  // no error allowed at all
    return margin;
}

AttainmentInterval attainmentInterval(const std::vector<double>& margins, double level)
{
    const int n = int(margins.size());
    if (n < 2) return {};
    std::vector<double> logs;
    logs.reserve(margins.size());
    for (double m : margins) logs.push_back(std::log(std::clamp(m, kSmallestMargin, kLargestMargin)));
    const double mean = std::accumulate(logs.begin(), logs.end(), 0.0) / n;
    double squares = 0;
    for (double x : logs) squares += (x - mean) * (x - mean);
    // A run's p95 is read from histogram buckets 0.8 % of their value wide: runs that agree
    // within a bucket do not prove the spread is zero, so it is taken as at least one bucket.
    const double sd = std::max(std::sqrt(squares / (n - 1)), kBucketLogWidth);
    const double side = 1 - (1 - level) / 2;
    // Lower bound: attainment ≥ p with confidence `side` when mean + k(p, side) s ≤ 0. Upper
    // bound: the same with confidence 1 − side, the largest coverage not refuted.
    return {largestCoverage(n, mean, sd, side), largestCoverage(n, mean, sd, 1 - side)};
}

SloVerdict judgeAttainment(const AttainmentInterval& interval, double requiredConfidence)
{
    if (interval.low + 1e-12 >= requiredConfidence) return SloVerdict::Meets;
    if (interval.high < requiredConfidence) return SloVerdict::Fails;
    return SloVerdict::Inconclusive;
}

}  // namespace headroom
