#include "analysis/erlang_c.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace headroom::queueing;

// Known answers: M/M/10 at offered load 8 (μ = 1), as tabulated for Erlang C.
TEST(ErlangC, MM10AtLoad8MatchesPublishedValues)
{
    const MMc q{8.0, 1.0, 10};
    EXPECT_NEAR(q.probabilityOfWait(), 0.4091801508, 1e-10);
    EXPECT_NEAR(q.meanResponse(), 1.2045900754, 1e-10);
    EXPECT_NEAR(q.meanWait(), 0.2045900754, 1e-10);
    EXPECT_NEAR(q.responsePercentile(0.95), 3.3282747, 1e-6);
    // The percentile is where the tail is exactly 5 %.
    EXPECT_NEAR(q.responseTail(q.responsePercentile(0.95)), 0.05, 1e-12);
}

TEST(ErlangC, MM4WithServiceTime10)
{
    const MMc q{0.35, 0.1, 4};
    EXPECT_NEAR(q.meanResponse(), 24.7572, 5e-5);
}

TEST(ErlangC, MM1ClosedForms)
{
    const MMc q{0.9, 1.0, 1};
    EXPECT_NEAR(q.probabilityOfWait(), 0.9, 1e-12);  // P(wait) = ρ for one server
    EXPECT_NEAR(q.meanResponse(), 10.0, 1e-12);
    // The M/M/1 sojourn time is exponential with rate μ − λ = 0.1: p = 1 − e^{−0.1 t}.
    EXPECT_NEAR(q.responsePercentile(0.95), 29.957, 5e-4);
    EXPECT_NEAR(q.responsePercentile(0.99), 46.052, 5e-4);
    EXPECT_NEAR(q.responsePercentile(0.95), -std::log(0.05) / 0.1, 1e-9);
}

// When cμ − λ = μ the waiting and service stages have the same rate and the sojourn tail is the
// Erlang-2 form (1 + μt)e^{−μt}; the general formula would divide by zero there.
TEST(ErlangC, DegenerateCaseWhereQueueRateEqualsServiceRate)
{
    const MMc q{1.0, 1.0, 2};  // cμ − λ = 2 − 1 = μ
    const double c = q.probabilityOfWait();
    EXPECT_NEAR(c, 1.0 / 3.0, 1e-12);  // Erlang C(2, 1) = 1/3
    for (double t : {0.1, 1.0, 3.0, 10.0}) {
        const double expected = (1 - c) * std::exp(-t) + c * (1 + t) * std::exp(-t);
        EXPECT_NEAR(q.responseTail(t), expected, 1e-12) << t;
    }
    // Continuity: a hair away from the degenerate point gives the same answer.
    const MMc near{1.0 + 1e-9, 1.0, 2};
    EXPECT_NEAR(near.responseTail(2.0), q.responseTail(2.0), 1e-8);
}

TEST(ErlangC, ErlangBRecursionMatchesDirectFormula)
{
    // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
    EXPECT_NEAR(erlangB(2, 1.0), 0.2, 1e-15);
}

TEST(ErlangC, UnstableQueueHasInfiniteWait)
{
    const MMc q{10.0, 1.0, 10};
    EXPECT_FALSE(q.stable());
    EXPECT_TRUE(std::isinf(q.meanWait()));
    EXPECT_TRUE(std::isinf(q.responsePercentile(0.95)));
}

TEST(ErlangC, MD1WaitIsHalfOfMM1)
{
    EXPECT_NEAR(md1MeanWait(0.9, 1.0), 4.5, 1e-12);  // ρ/(2μ(1−ρ)) = 0.9/0.2
    EXPECT_NEAR(md1MeanResponse(0.9, 1.0), 5.5, 1e-12);
}

TEST(ErlangC, SmallestServerCountForPercentileTarget)
{
    // At λ = 8, μ = 1: 10 servers give p95 3.328; check the answer is the first count that works.
    const auto c = smallestServersForPercentile(8.0, 1.0, 0.95, 3.4);
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(*c, 10);
    EXPECT_GT(MMc({8.0, 1.0, 9}).responsePercentile(0.95), 3.4);
    // Below the service time's own p95 (ln 20 ≈ 2.996) no number of servers helps.
    EXPECT_FALSE(smallestServersForPercentile(8.0, 1.0, 0.95, 2.9).has_value());
}
