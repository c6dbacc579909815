#include "log_histogram.h"

#include <algorithm>

namespace headroom::sim {

void LogHistogram::clear()
{
    if (n_ == 0) return;
    std::fill(counts_.begin(), counts_.end(), 0);
    n_ = 0;
    sum_ = 0;
}

void LogHistogram::merge(const LogHistogram& other)
{
    for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
    n_ += other.n_;
    sum_ += other.sum_;
}

double LogHistogram::quantile(double q) const
{
    if (n_ == 0) return 0;
    // Rank of the order statistic wanted (1-based, nearest rank, then spread inside the bucket).
    const double rank = std::clamp(q, 0.0, 1.0) * double(n_);
    double seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        const double c = double(counts_[size_t(i)]);
        if (c == 0) continue;
        if (seen + c >= rank) {
            const double within = c > 0 ? (rank - seen) / c : 0.5;
            const double lo = i == 0 ? 0.0 : kMin * std::pow(kGrowth, i);
            if (i == 0) return kMin * within;
            return lo * std::pow(kGrowth, std::clamp(within, 0.0, 1.0));
        }
        seen += c;
    }
    return kMin * std::pow(kGrowth, kBuckets);
}

}  // namespace headroom::sim
