#pragma once
#include "scenario/scenario.h"

#include "vector_exp.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// xoshiro256++ (Blackman and Vigna): fast, 2^256 period, good enough for simulation. Seeded
// through splitmix64 so that nearby seeds give unrelated streams.
//
// Exponential and normal variates come from Boost.Random's ziggurat samplers, which need no
// logarithm (nor square root) for all but about 1 % of draws: a simulated day draws tens of
// millions of interarrival times, CPU times and round trips, and the logarithms of inversion and
// of the polar method were a sixth of its time. Exact in distribution, like the methods they
// replace.
class Rng {
public:
    // A uniform random bit generator, as Boost.Random and <random> expect.
    using result_type = std::uint64_t;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type(0); }
    result_type operator()() { return next(); }

    explicit Rng(std::uint64_t seed)
    {
        std::uint64_t x = seed;
        for (auto& s : s_) s = splitmix(x);
    }
    static std::uint64_t splitmix(std::uint64_t& x)
    {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // The stream of replication `index` of `seed`: independent of how replications are scheduled.
    static std::uint64_t streamSeed(std::uint64_t seed, int index)
    {
        std::uint64_t x = seed ^ (0xD1B54A32D192ED03ULL * std::uint64_t(index + 1));
        splitmix(x);
        return splitmix(x);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }          // [0, 1)
    double uniformOpen() { return (double(next() >> 11) + 0.5) * 0x1.0p-53; }  // (0, 1)
    std::uint32_t below(std::uint32_t n) { return std::uint32_t((next() >> 32) * n >> 32); }
    double exponential(double mean) { return boost::random::exponential_distribution<double>(1.0)(*this) * mean; }
    double normal() { return boost::random::normal_distribution<double>(0.0, 1.0)(*this); }
    // Marsaglia and Tsang's method; shapes below 1 through the u^(1/k) boost.
    double gamma(double shape, double scale)
    {
        if (shape < 1) return gamma(shape + 1, scale) * std::pow(uniformOpen(), 1 / shape);
        const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
        for (;;) {
            double x, v;
            do {
                x = normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = uniformOpen();
            if (u < 1 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v * scale;
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// A Distribution prepared for drawing: parameters worked out once, no allocation per draw.
class Sampler {
public:
    Sampler() = default;
    explicit Sampler(const Distribution& d) : kind_(d.kind), mean_(d.mean), values_(d.values)
    {
        if (kind_ == Distribution::Kind::Lognormal) {
            if (d.cv <= 0) kind_ = Distribution::Kind::Deterministic;
            const double s2 = std::log1p(d.cv * d.cv);
            sigma_ = std::sqrt(s2);
            mu_ = std::log(d.mean) - s2 / 2;
        } else if (kind_ == Distribution::Kind::Gamma) {
            shape_ = 1 / (d.cv * d.cv);
            scale_ = d.mean / shape_;
        } else if (kind_ == Distribution::Kind::Empirical && values_.empty()) {
            kind_ = Distribution::Kind::Deterministic;
        }
    }
    double mean() const
    {
        if (kind_ != Distribution::Kind::Empirical) return mean_;
        double s = 0;
        for (double v : values_) s += v;
        return s / double(values_.size());
    }
    // Always inlined: at every call site the kind is the same on every draw, so the processor
    // predicts the switch, and the call itself was a tenth of a draw.
    [[gnu::always_inline]] double draw(Rng& rng)
    {
        switch (kind_) {
        case Distribution::Kind::Exponential: return rng.exponential(mean_);
        case Distribution::Kind::Lognormal:
            if (lognormalsLeft_ == 0) refillLognormals(rng);
            return lognormals_[--lognormalsLeft_];
        case Distribution::Kind::Gamma: return rng.gamma(shape_, scale_);
        case Distribution::Kind::Deterministic: return mean_;
        case Distribution::Kind::Empirical: return values_[rng.below(std::uint32_t(values_.size()))];
        }
        return mean_;
    }

private:
    // Lognormal draws are made a batch at a time, so that their exps go through the vector math
    // library together (vector_exp.h); they are handed out last first.
    void refillLognormals(Rng& rng)
    {
        for (double& x : lognormals_) x = mu_ + sigma_ * rng.normal();
        expInPlace(lognormals_, kLognormalBatch);
        lognormalsLeft_ = kLognormalBatch;
    }
    static constexpr std::size_t kLognormalBatch = 8;

    Distribution::Kind kind_ = Distribution::Kind::Deterministic;
    double mean_ = 0, mu_ = 0, sigma_ = 0, shape_ = 1, scale_ = 1;
    std::vector<double> values_;
    double lognormals_[kLognormalBatch] = {};
    std::size_t lognormalsLeft_ = 0;
};

}  // namespace headroom::sim
