#include "log_histogram.h"

#include <algorithm>
#include <cmath>

namespace headroom::sim {

void LogHistogram::clear()
{
    if (n_ == 0) return;
    std::fill(counts_.begin() + lo_, counts_.begin() + hi_ + 1, 0);
    std::fill(octaves_ + (lo_ >> kSubBits), octaves_ + (hi_ >> kSubBits) + 1, 0);
    lo_ = kBuckets;
    hi_ = -1;
    n_ = 0;
    sum_ = 0;
}

void LogHistogram::merge(const LogHistogram& other)
{
    for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
    for (int o = 0; o < kOctaves; ++o) octaves_[o] += other.octaves_[o];
    lo_ = std::min(lo_, other.lo_);
    hi_ = std::max(hi_, other.hi_);
    n_ += other.n_;
    sum_ += other.sum_;
}

double LogHistogram::bucketLow(int i)
{
    const int sub = i & ((1 << kSubBits) - 1);
    return std::ldexp(1.0 + double(sub) / (1 << kSubBits), (i >> kSubBits) + kMinExp);
}

double LogHistogram::quantile(double q) const
{
    double out = 0;
    quantiles(&q, &out, 1);
    return out;
}

void LogHistogram::quantiles(const double* qs, double* out, int k) const
{
    int next = 0;
    if (n_ == 0) {
        for (; next < k; ++next) out[next] = 0;
        return;
    }
    auto rankOf = [&](int j) { return std::clamp(qs[j], 0.0, 1.0) * double(n_); };
    double seen = 0;  // sums of integer counts: exact in a double, whatever the order of adding
    for (int o = lo_ >> kSubBits; o <= hi_ >> kSubBits && next < k; ++o) {
        const double inOctave = double(octaves_[o]);
        if (seen + inOctave < rankOf(next)) {  // no pending quantile falls in this octave
            seen += inOctave;
            continue;
        }
        const int last = std::min(hi_, ((o + 1) << kSubBits) - 1);
        for (int i = std::max(lo_, o << kSubBits); i <= last && next < k; ++i) {
            const double c = double(counts_[size_t(i)]);
            if (c == 0) continue;
            // Every quantile whose rank falls in this bucket, interpolated linearly inside it.
            while (next < k) {
                const double rank = rankOf(next);
                if (seen + c < rank) break;
                const double within = std::clamp((rank - seen) / c, 0.0, 1.0);
                const double lo = i == 0 ? 0.0 : bucketLow(i);
                out[next++] = lo + (bucketLow(i + 1) - lo) * within;
            }
            seen += c;
        }
    }
    for (; next < k; ++next) out[next] = bucketLow(hi_ + 1);
}

}  // namespace headroom::sim
