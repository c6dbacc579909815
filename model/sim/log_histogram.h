#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

namespace headroom::sim {

// Latencies in fixed logarithmic buckets: each power of two (from 2^-21 s ≈ 0.5 µs to 2^17 s,
// about a day and a half) is split into 128 equal parts, so a bucket is at most 1/128 (0.8 %) of
// its value wide. The bucket comes straight from the bits of the double (exponent and top seven
// mantissa bits), with no logarithm, and nothing is allocated after construction. The mean is
// kept exactly.
class LogHistogram {
public:
    static constexpr int kSubBits = 7;
    static constexpr int kMinExp = -21;
    static constexpr int kMaxExp = 17;
    static constexpr int kOctaves = kMaxExp - kMinExp;
    static constexpr int kBuckets = kOctaves << kSubBits;

    LogHistogram() : counts_(kBuckets, 0) {}
    // Always inlined: it runs three times per request, and as a call it cost as much again.
    [[gnu::always_inline]] void add(double seconds)
    {
        ++n_;
        sum_ += seconds;
        std::uint64_t bits;
        std::memcpy(&bits, &seconds, sizeof bits);
        const std::int64_t key = std::int64_t(bits >> (52 - kSubBits)) - (std::int64_t(1023 + kMinExp) << kSubBits);
        const std::int64_t i = key < 0 || seconds <= 0 ? 0 : (key >= kBuckets ? kBuckets - 1 : key);
        ++counts_[size_t(i)];
        ++octaves_[size_t(i >> kSubBits)];
        // The occupied range bounds clear() and quantile(), which run every interval.
        if (i < lo_) lo_ = int(i);
        if (i > hi_) hi_ = int(i);
    }
    void clear();
    void merge(const LogHistogram& other);
    std::int64_t count() const { return n_; }
    double mean() const { return n_ ? sum_ / double(n_) : 0; }
    // The q-quantile (0…1), interpolated linearly inside its bucket; 0 when empty.
    double quantile(double q) const;
    // Several quantiles in one pass; `qs` ascending.
    void quantiles(const double* qs, double* out, int k) const;
    static double bucketLow(int i);

private:
    std::vector<std::int64_t> counts_;
    // Counts per power of two, so that a quantile skips whole octaves instead of their buckets.
    std::int64_t octaves_[kOctaves] = {};
    std::int64_t n_ = 0;
    double sum_ = 0;
    int lo_ = kBuckets, hi_ = -1;
};

}  // namespace headroom::sim
