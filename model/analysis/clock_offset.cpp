#include "clock_offset.h"

#include "descriptive_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::quality {

namespace {

struct Sorted {
    std::vector<double> t, v;
};

Sorted sortedCopy(const std::vector<double>& t, const std::vector<double>& v)
{
    const size_t n = std::min(t.size(), v.size());
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return t[a] < t[b]; });
    Sorted s;
    for (size_t i : idx) {
        if (!s.t.empty() && s.t.back() == t[i]) continue;  // keep the first of duplicates
        s.t.push_back(t[i]);
        s.v.push_back(v[i]);
    }
    return s;
}

double interpolate(const Sorted& s, double x)
{
    const auto it = std::lower_bound(s.t.begin(), s.t.end(), x);
    if (it == s.t.begin()) return s.v.front();
    if (it == s.t.end()) return s.v.back();
    const size_t hi = size_t(it - s.t.begin());
    const size_t lo = hi - 1;
    const double f = (x - s.t[lo]) / (s.t[hi] - s.t[lo]);
    return s.v[lo] + f * (s.v[hi] - s.v[lo]);
}

double step(const std::vector<double>& t)
{
    std::vector<double> d;
    for (size_t i = 1; i < t.size(); ++i) d.push_back(t[i] - t[i - 1]);
    return d.empty() ? 0 : stats::median(std::move(d));
}

// Pearson correlation of a[i] with b[i + lag] over their overlap; NaN with fewer than 4 pairs.
double correlationAtLag(const std::vector<double>& a, const std::vector<double>& b, int lag)
{
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    int n = 0;
    for (int i = 0; i < int(a.size()); ++i) {
        const int j = i + lag;
        if (j < 0 || j >= int(b.size())) continue;
        sa += a[i];
        sb += b[j];
        saa += a[i] * a[i];
        sbb += b[j] * b[j];
        sab += a[i] * b[j];
        ++n;
    }
    if (n < 4) return NAN;
    const double cov = sab - sa * sb / n;
    const double va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    if (va <= 0 || vb <= 0) return NAN;
    return cov / std::sqrt(va * vb);
}

}  // namespace

std::optional<OffsetEstimate> estimateClockOffset(const std::vector<double>& t1, const std::vector<double>& v1,
                                                  const std::vector<double>& t2, const std::vector<double>& v2,
                                                  int maxLagSteps)
{
    const Sorted a = sortedCopy(t1, v1), b = sortedCopy(t2, v2);
    if (a.t.size() < 8 || b.t.size() < 8) return std::nullopt;
    const double dt = std::max(step(a.t), step(b.t));
    // The grid spans both series (the shift may push one partly outside the other's window);
    // values outside a series' own range are not extrapolated but held, and differencing turns
    // those held stretches into zeros that do not correlate with anything.
    const double from = std::max(a.t.front(), b.t.front()) - maxLagSteps * dt;
    const double to = std::min(a.t.back(), b.t.back()) + maxLagSteps * dt;
    if (!(dt > 0) || to - from < 8 * dt) return std::nullopt;
    const int points = int(std::floor((to - from) / dt)) + 1;
    std::vector<double> da, db;
    double prevA = interpolate(a, from), prevB = interpolate(b, from);
    for (int i = 1; i < points; ++i) {
        const double x = from + i * dt;
        const double ya = interpolate(a, x), yb = interpolate(b, x);
        da.push_back(ya - prevA);
        db.push_back(yb - prevB);
        prevA = ya;
        prevB = yb;
    }
    int bestLag = 0;
    double best = -2;
    std::vector<double> corr(size_t(2 * maxLagSteps + 1), NAN);
    for (int lag = -maxLagSteps; lag <= maxLagSteps; ++lag) {
        const double c = correlationAtLag(da, db, lag);
        corr[size_t(lag + maxLagSteps)] = c;
        if (std::isfinite(c) && c > best) {
            best = c;
            bestLag = lag;
        }
    }
    if (best <= -2) return std::nullopt;
    double refined = bestLag;
    const size_t k = size_t(bestLag + maxLagSteps);
    if (k > 0 && k + 1 < corr.size() && std::isfinite(corr[k - 1]) && std::isfinite(corr[k + 1])) {
        const double denom = corr[k - 1] - 2 * corr[k] + corr[k + 1];
        if (denom < 0) refined += 0.5 * (corr[k - 1] - corr[k + 1]) / denom;
    }
    return OffsetEstimate{refined * dt, best, dt};
}

}  // namespace headroom::quality
