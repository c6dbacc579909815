// The random variates every simulation is made of, against their exact distributions: a
// Kolmogorov–Smirnov distance over a million draws, the mean and variance, and the share of
// draws in the far tails, which the ziggurat samplers reach by a separate path.
#include "sim/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using namespace headroom;
using headroom::sim::Rng;

namespace {

constexpr int kDraws = 1000000;

// The largest gap between the empirical distribution of `draws` and `cdf`.
double ksDistance(std::vector<double> draws, const std::function<double(double)>& cdf)
{
    std::sort(draws.begin(), draws.end());
    const double n = double(draws.size());
    double d = 0;
    for (size_t i = 0; i < draws.size(); ++i) {
        const double f = cdf(draws[i]);
        d = std::max({d, f - double(i) / n, double(i + 1) / n - f});
    }
    return d;
}

// At α = 0.001 the KS distance of n draws stays under 1.95 / √n; a sampler off by a fraction of
// a percent anywhere exceeds it by far at a million draws.
const double kKsLimit = 1.95 / std::sqrt(double(kDraws));

// A count of a rare event against its binomial expectation: within five standard deviations.
void expectShare(int count, double p, const char* what)
{
    const double expected = p * kDraws, sd = std::sqrt(kDraws * p * (1 - p));
    EXPECT_NEAR(count, expected, 5 * sd) << what;
}

std::vector<double> draws(const std::function<double()>& draw)
{
    std::vector<double> out(kDraws);
    for (double& x : out) x = draw();
    return out;
}

double mean(const std::vector<double>& x)
{
    double s = 0;
    for (double v : x) s += v;
    return s / double(x.size());
}

double variance(const std::vector<double>& x)
{
    const double m = mean(x);
    double s = 0;
    for (double v : x) s += (v - m) * (v - m);
    return s / double(x.size() - 1);
}

}  // namespace

TEST(RandomVariates, StandardNormal)
{
    Rng rng(11);
    const std::vector<double> z = draws([&] { return rng.normal(); });
    EXPECT_LT(ksDistance(z, [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }), kKsLimit);
    EXPECT_NEAR(mean(z), 0, 5 / std::sqrt(double(kDraws)));
    EXPECT_NEAR(variance(z), 1, 5 * std::sqrt(2.0 / kDraws));
    // Beyond 3.44 (the ziggurat's base strip hands these to its tail sampler) and beyond 4.5.
    expectShare(int(std::count_if(z.begin(), z.end(), [](double x) { return std::abs(x) > 3.442619855899; })),
                std::erfc(3.442619855899 / std::sqrt(2.0)), "|z| > 3.44");
    expectShare(int(std::count_if(z.begin(), z.end(), [](double x) { return x > 4.5; })),
                0.5 * std::erfc(4.5 / std::sqrt(2.0)), "z > 4.5");
    // Both signs alike.
    expectShare(int(std::count_if(z.begin(), z.end(), [](double x) { return x < 0; })), 0.5, "z < 0");
}

TEST(RandomVariates, Exponential)
{
    Rng rng(12);
    const std::vector<double> e = draws([&] { return rng.exponential(2.5); });
    EXPECT_LT(ksDistance(e, [](double x) { return x <= 0 ? 0 : -std::expm1(-x / 2.5); }), kKsLimit);
    EXPECT_NEAR(mean(e), 2.5, 5 * 2.5 / std::sqrt(double(kDraws)));
    EXPECT_GT(*std::min_element(e.begin(), e.end()), 0.0) << "an interarrival time of zero";
    // The far tail: beyond 8 means (probability e^-8).
    expectShare(int(std::count_if(e.begin(), e.end(), [](double x) { return x > 8 * 2.5; })), std::exp(-8.0), "x > 8 means");
}

TEST(RandomVariates, LognormalSamplerHasTheScenariosMeanAndCv)
{
    // A scenario states a lognormal by its mean and coefficient of variation (25 ms, cv 1).
    Distribution d;
    d.kind = Distribution::Kind::Lognormal;
    d.mean = 25;
    d.cv = 1.0;
    sim::Sampler sampler(d);
    Rng rng(13);
    const std::vector<double> x = draws([&] { return sampler.draw(rng); });
    const double sigma = std::sqrt(std::log1p(1.0)), mu = std::log(25.0) - sigma * sigma / 2;
    EXPECT_LT(ksDistance(x, [&](double v) { return 0.5 * std::erfc(-(std::log(v) - mu) / (sigma * std::sqrt(2.0))); }), kKsLimit);
    EXPECT_NEAR(mean(x), 25, 0.01 * 25);
    EXPECT_NEAR(std::sqrt(variance(x)) / mean(x), 1.0, 0.05);
}

TEST(RandomVariates, TheSameSeedGivesTheSameStream)
{
    Rng a(99), b(99), c(100);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const double x = a.normal(), y = b.normal();
        ASSERT_EQ(x, y);
        ASSERT_EQ(a.exponential(1), b.exponential(1));
        differs = differs || x != c.normal();
    }
    EXPECT_TRUE(differs);
}

TEST(RandomVariates, BatchedExpAgreesWithTheScalarOneToAFewUlp)
{
    // Lognormal draws take their exps in batches (sim/vector_exp.h), through glibc's vector math
    // library where there is one: over the range a lognormal's exponent spans, including odd
    // batch lengths that end in the scalar tail, it must agree with std::exp.
    Rng rng(29);
    for (std::size_t n : {1u, 2u, 7u, 8u, 1001u}) {
        std::vector<double> x(n);
        for (double& v : x) v = -40 + 80 * rng.uniform();
        std::vector<double> y = x;
        sim::expInPlace(y.data(), y.size());
        for (std::size_t i = 0; i < n; ++i) {
            const double exact = std::exp(x[i]);
            EXPECT_LE(std::fabs(y[i] - exact), 4 * (std::nextafter(exact, INFINITY) - exact)) << "exp(" << x[i] << ")";
        }
    }
}
