// The plain-words reasons, from hand-made figures; the numbers in the expected texts are the
// inputs, rounded as a reader would.
#include "plan/why_text.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

Recommendation context()
{
    Recommendation r;
    r.sloP95Ms = 150;
    r.sloErrorRate = 0.001;
    r.confidence = 0.9;
    return r;
}

Evaluation fleet(int nodes, double p95, double cost, bool meets)
{
    Evaluation e;
    e.nodes = e.nodesMax = nodes;
    e.p95Ms = p95;
    e.costPerMonthUsd = cost;
    e.meetsSlo = meets;
    e.verdict = meets ? SloVerdict::Meets : SloVerdict::Fails;
    e.replications = 5;
    e.attainment = meets ? 1.0 : 0.0;
    e.attainmentLow = meets ? 0.95 : 0.0;
    e.attainmentHigh = meets ? 1.0 : 0.3;
    return e;
}

CandidateResult candidate(const QString& key, Evaluation chosen, CandidateResult::Status status)
{
    CandidateResult c;
    c.type.provider = key.section(QLatin1Char('/'), 0, 0);
    c.type.name = key.section(QLatin1Char('/'), 1);
    c.policy = QStringLiteral("none");
    c.chosen = chosen;
    c.status = status;
    return c;
}

TEST(WhyText, ClockCountsHoursAndMinutesFromTheStart)
{
    EXPECT_EQ(clockText(15 * 3600 + 10 * 60), QStringLiteral("15:10"));
    EXPECT_EQ(clockText(59), QStringLiteral("00:00"));
    EXPECT_EQ(clockText(3600 + 5 * 60 + 30), QStringLiteral("01:05"));
}

TEST(WhyText, SlowAtThePeak)
{
    Evaluation e = fleet(6, 213, 500, false);
    e.breachAtS = 15 * 3600;
    e.breachAtPeak = true;
    EXPECT_EQ(failureText(e, context(), false), QStringLiteral("p95 213 ms > 150 ms at the 15:00 peak with 6 nodes"));
}

TEST(WhyText, CreditsRunningOutIsNamed)
{
    Evaluation e = fleet(3, 900, 40, false);
    e.breachAtS = 15 * 3600 + 600;
    e.creditsExhausted = true;
    EXPECT_EQ(failureText(e, context(), false), QStringLiteral("fails at 15:10 when CPU credits run out (with 3 nodes)"));
}

TEST(WhyText, ErrorsBeforeLatency)
{
    Evaluation e = fleet(2, 400, 40, false);
    e.errorRate = 0.021;
    EXPECT_EQ(failureText(e, context(), false),
              QStringLiteral("error rate 2.1 % > 0.1 % with 2 nodes (requests time out or find the queue full)"));
}

TEST(WhyText, WinnerSaysHowMuchCheaperThanTheNextAndWhyOneFewerFails)
{
    Recommendation r = context();
    CandidateResult winner = candidate(QStringLiteral("aws/c6i.large"), fleet(7, 131, 820, true), CandidateResult::Status::Recommended);
    Evaluation fewer = fleet(6, 213, 703, false);
    fewer.breachAtS = 15 * 3600;
    fewer.breachAtPeak = true;
    winner.fewer = fewer;
    // 820 / 1000 = 0.82: 18 % cheaper.
    r.candidates = {winner, candidate(QStringLiteral("gcp/n2-standard-2"), fleet(8, 120, 1000, true), CandidateResult::Status::Meets)};
    r.recommended = 0;
    explainCandidates(r);
    EXPECT_EQ(r.candidates[0].why,
              QStringLiteral("p95 213 ms > 150 ms at the 15:00 peak with 6 nodes; 7 needed. Holds the SLO with 7 nodes "
                             "(p95 131 ms ≤ 150 ms; met in 100 % of 5 runs, attainment ≥ 95 % at 95 % confidence); 18 % cheaper than the next, "
                             "gcp/n2-standard-2 at $1000/month"));
    // 1000 / 820 − 1 = 0.2195: 22 % dearer.
    EXPECT_EQ(r.candidates[1].why,
              QStringLiteral("holds the SLO with 8 nodes (p95 120 ms ≤ 150 ms; met in 100 % of 5 runs, attainment ≥ 95 % "
                             "at 95 % confidence); 22 % dearer than aws/c6i.large"));
}

TEST(WhyText, OnlyCandidateAndRuledOutReasons)
{
    Recommendation r = context();
    CandidateResult out;
    out.type.provider = QStringLiteral("aws");
    out.type.name = QStringLiteral("t3.micro");
    out.screening.reason = QStringLiteral("cannot meet p95 150 ms: a request alone takes 200 ms on average on this machine");
    r.candidates = {candidate(QStringLiteral("hetzner/CX32"), fleet(2, 90, 15, true), CandidateResult::Status::Recommended), out};
    r.recommended = 0;
    explainCandidates(r);
    EXPECT_TRUE(r.candidates[0].why.endsWith(QStringLiteral("; the only candidate that does")));
    EXPECT_EQ(r.candidates[1].why, out.screening.reason);
}

TEST(WhyText, MissingTheConfidenceIsExplained)
{
    Evaluation e = fleet(4, 140, 300, false);
    e.attainment = 0.6;
    EXPECT_EQ(failureText(e, context(), false),
              QStringLiteral("p95 140 ms is within 150 ms on average but the SLO held in only 60 % of replications with "
                             "4 nodes (90 % needed)"));
}

}  // namespace
