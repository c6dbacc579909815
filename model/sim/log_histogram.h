#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// Latencies in fixed logarithmic buckets (each 2 % wider than the last, from 1 µs to about a
// day), so percentiles cost no allocation and their relative error stays under 1 %. The mean is
// kept exactly.
class LogHistogram {
public:
    static constexpr double kMin = 1e-6;      // seconds
    static constexpr double kGrowth = 1.02;
    static constexpr int kBuckets = 1280;     // kMin × 1.02^1280 ≈ 1e5 s

    LogHistogram() : counts_(kBuckets, 0) {}
    void add(double seconds)
    {
        ++n_;
        sum_ += seconds;
        int i = 0;
        if (seconds > kMin) {
            i = int(std::log(seconds / kMin) * invLogGrowth());
            if (i >= kBuckets) i = kBuckets - 1;
        }
        ++counts_[size_t(i)];
    }
    void clear();
    void merge(const LogHistogram& other);
    std::int64_t count() const { return n_; }
    double mean() const { return n_ ? sum_ / double(n_) : 0; }
    // The q-quantile (0…1), interpolated geometrically inside the bucket; 0 when empty.
    double quantile(double q) const;

private:
    static double invLogGrowth() { return 1.0 / 0.0198026272961797; }  // 1 / ln 1.02
    std::vector<std::int64_t> counts_;
    std::int64_t n_ = 0;
    double sum_ = 0;
};

}  // namespace headroom::sim
