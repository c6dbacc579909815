#include "analysis/descriptive_stats.h"
#include "analysis/distributions.h"
#include "sim/statistics.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace headroom::stats;
namespace sim = headroom::sim;

// Table values (R: qt, qnorm) that the USL confidence intervals rely on.
TEST(Distributions, StudentTQuantilesMatchTables)
{
    EXPECT_NEAR(studentTQuantile(0.975, 1), 12.7062047, 1e-6);
    EXPECT_NEAR(studentTQuantile(0.975, 3), 3.1824463, 1e-6);
    EXPECT_NEAR(studentTQuantile(0.975, 4), 2.7764451, 1e-6);
    EXPECT_NEAR(studentTQuantile(0.975, 10), 2.2281389, 1e-6);
    EXPECT_NEAR(studentTQuantile(0.025, 10), -2.2281389, 1e-6);
    EXPECT_NEAR(studentTQuantile(0.95, 30), 1.6972609, 1e-6);
}

TEST(Distributions, NormalQuantilesMatchTables)
{
    EXPECT_NEAR(normalQuantile(0.975), 1.959963985, 1e-9);
    EXPECT_NEAR(normalQuantile(0.95), 1.644853627, 1e-9);
    EXPECT_NEAR(normalQuantile(0.001), -3.090232306, 1e-9);
    EXPECT_NEAR(normalCdf(normalQuantile(0.3)), 0.3, 1e-14);
}

TEST(Distributions, LognormalFromMeanAndCv)
{
    const Lognormal l = Lognormal::fromMeanCv(45, 0.3);
    EXPECT_NEAR(l.mean(), 45, 1e-12);
    EXPECT_NEAR(l.cv(), 0.3, 1e-12);
    EXPECT_NEAR(l.sigma, std::sqrt(std::log(1 + 0.09)), 1e-15);
}

TEST(Distributions, QuantileIsRType7)
{
    // R: quantile(c(1, 2, 3, 4, 10), c(0.1, 0.5, 0.9)) = 1.4, 3, 7.6
    EXPECT_NEAR(quantile({10, 1, 3, 2, 4}, 0.1), 1.4, 1e-12);
    EXPECT_NEAR(quantile({10, 1, 3, 2, 4}, 0.5), 3.0, 1e-12);
    EXPECT_NEAR(quantile({10, 1, 3, 2, 4}, 0.9), 7.6, 1e-12);
    EXPECT_NEAR(medianAbsoluteDeviation({1, 2, 3, 4, 10}), 1.0, 1e-12);
    EXPECT_TRUE(std::isnan(mean({})));
}

// The simulator's confidence intervals used a 30-row table and then a two-term expansion that
// was 4e-5 short at 31 degrees of freedom; with Boost.Math the half-width uses the exact quantile.
TEST(Distributions, ReplicationIntervalUsesTheExactStudentQuantileBeyondThirtyDegrees)
{
    std::vector<double> values;
    for (int i = 0; i < 32; ++i) values.push_back(i % 2 ? 1.0 : -1.0);  // df 31
    const headroom::Estimate e = sim::estimate(values);
    double squares = 0;
    for (double v : values) squares += (v - e.mean) * (v - e.mean);
    const double standardError = std::sqrt(squares / 31 / 32);
    EXPECT_NEAR((e.high - e.mean) / standardError, 2.0395134464, 1e-8);  // R: qt(0.975, 31)
    EXPECT_NEAR(studentTQuantile(0.975, 31), 2.0395134464, 1e-9);
    // Closed forms at the far tails: df 2 gives (2p − 1) / sqrt(2p(1 − p)), df 1 is Cauchy.
    const double p = 1e-12;
    EXPECT_NEAR(studentTQuantile(p, 2) / ((2 * p - 1) / std::sqrt(2 * p * (1 - p))), 1.0, 1e-9);
    EXPECT_NEAR(studentTQuantile(0.9999, 1) / std::tan(M_PI * (0.9999 - 0.5)), 1.0, 1e-9);
}
