// Ranking, tie-breaking and the Pareto front, on hand-made results whose order is worked out
// by hand in each test.
#include "plan/ranking.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

CandidateResult simulated(const QString& provider, const QString& name, int nodes, double cost, double p95, bool meets,
                          double attainment = 1.0)
{
    CandidateResult c;
    c.type.provider = provider;
    c.type.name = name;
    c.policy = QStringLiteral("none");
    Evaluation e;
    e.nodes = e.nodesMax = nodes;
    e.costPerMonthUsd = cost;
    e.p95Ms = p95;
    e.meetsSlo = meets;
    e.attainment = attainment;
    e.replications = 5;
    c.chosen = e;
    c.tried.push_back(e);
    return c;
}

CandidateResult ruledOut(const QString& name, double lowerBound)
{
    CandidateResult c;
    c.type.provider = QStringLiteral("aws");
    c.type.name = name;
    c.screening.outcome = Screening::Outcome::TooExpensive;
    c.screening.lowerBoundCostUsd = lowerBound;
    return c;
}

QStringList keys(const std::vector<CandidateResult>& cs)
{
    QStringList out;
    for (const CandidateResult& c : cs) out << c.type.key();
    return out;
}

TEST(Ranking, CheapestMeetingWinsThenFailingThenRuledOut)
{
    std::vector<CandidateResult> cs{ruledOut(QStringLiteral("huge"), 5000),
                                    simulated(QStringLiteral("aws"), QStringLiteral("slow"), 2, 100, 300, false, 0.4),
                                    simulated(QStringLiteral("gcp"), QStringLiteral("dear"), 4, 800, 90, true),
                                    simulated(QStringLiteral("aws"), QStringLiteral("cheap"), 6, 500, 140, true),
                                    simulated(QStringLiteral("aws"), QStringLiteral("slower"), 2, 90, 400, false, 0.0)};
    const int winner = rankCandidates(cs);
    EXPECT_EQ(winner, 0);
    EXPECT_EQ(keys(cs), (QStringList{QStringLiteral("aws/cheap"), QStringLiteral("gcp/dear"), QStringLiteral("aws/slow"),
                                     QStringLiteral("aws/slower"), QStringLiteral("aws/huge")}));
    EXPECT_EQ(cs[0].status, CandidateResult::Status::Recommended);
    EXPECT_EQ(cs[1].status, CandidateResult::Status::Meets);
    EXPECT_EQ(cs[2].status, CandidateResult::Status::Fails);
    EXPECT_EQ(cs[4].status, CandidateResult::Status::RuledOut);
}

TEST(Ranking, EqualCostGoesToLowerP95ThenFewerNodes)
{
    // Same monthly cost (within half a cent): the lower p95 wins; with p95 equal too, fewer nodes.
    std::vector<CandidateResult> cs{simulated(QStringLiteral("aws"), QStringLiteral("a"), 4, 500.000, 120, true),
                                    simulated(QStringLiteral("aws"), QStringLiteral("b"), 2, 500.004, 110, true),
                                    simulated(QStringLiteral("aws"), QStringLiteral("c"), 1, 500.002, 110, true)};
    rankCandidates(cs);
    EXPECT_EQ(keys(cs), (QStringList{QStringLiteral("aws/c"), QStringLiteral("aws/b"), QStringLiteral("aws/a")}));
}

TEST(Ranking, CostDifferenceBeyondHalfACentIsNotATie)
{
    std::vector<CandidateResult> cs{simulated(QStringLiteral("aws"), QStringLiteral("fast"), 2, 500.02, 50, true),
                                    simulated(QStringLiteral("aws"), QStringLiteral("slowish"), 2, 500.00, 140, true)};
    rankCandidates(cs);
    EXPECT_EQ(cs[0].type.key(), QStringLiteral("aws/slowish"));
}

TEST(Ranking, NoWinnerWhenNothingMeetsTheSlo)
{
    std::vector<CandidateResult> cs{simulated(QStringLiteral("aws"), QStringLiteral("x"), 2, 100, 300, false)};
    EXPECT_EQ(rankCandidates(cs), -1);
    EXPECT_EQ(cs[0].status, CandidateResult::Status::Fails);
}

TEST(Pareto, FrontKeepsOnlyPointsNoCheaperPointBeats)
{
    // cost/p95: (100, 300) front; (150, 320) dominated by (100, 300); (200, 150) front;
    // (200, 180) same cost but slower: dominated; (400, 90) front; (500, 95) dominated.
    std::vector<CandidateResult> cs{simulated(QStringLiteral("p"), QStringLiteral("a"), 1, 100, 300, false),
                                    simulated(QStringLiteral("p"), QStringLiteral("b"), 1, 150, 320, false),
                                    simulated(QStringLiteral("p"), QStringLiteral("c"), 1, 200, 150, true),
                                    simulated(QStringLiteral("p"), QStringLiteral("d"), 1, 200, 180, true),
                                    simulated(QStringLiteral("p"), QStringLiteral("e"), 1, 400, 90, true),
                                    simulated(QStringLiteral("p"), QStringLiteral("f"), 1, 500, 95, true),
                                    ruledOut(QStringLiteral("never-run"), 50)};
    const std::vector<ParetoPoint> points = paretoPoints(cs);
    ASSERT_EQ(points.size(), 6u);  // the ruled-out type has no point
    QStringList front;
    for (const ParetoPoint& p : points)
        if (p.onFront) front << p.key;
    EXPECT_EQ(front, (QStringList{QStringLiteral("p/a"), QStringLiteral("p/c"), QStringLiteral("p/e")}));
    EXPECT_DOUBLE_EQ(points.front().costPerMonthUsd, 100);
}

TEST(Pareto, FullLengthRunReplacesTheScreeningRunOfTheSameFleet)
{
    CandidateResult c = simulated(QStringLiteral("p"), QStringLiteral("a"), 3, 300, 200, false);
    c.tried.front().fullLength = false;
    c.tried.front().replications = 2;
    Evaluation full = c.tried.front();
    full.fullLength = true;
    full.replications = 5;
    full.p95Ms = 180;
    c.tried.push_back(full);
    const std::vector<ParetoPoint> points = paretoPoints({c});
    ASSERT_EQ(points.size(), 1u);
    EXPECT_DOUBLE_EQ(points[0].p95Ms, 180);
    EXPECT_TRUE(points[0].fullLength);
}

// A short window around the peak prices the peak's fleet for a month and measures the peak's p95:
// figures of another kind than a full day's. Such a point, however cheap and fast, stays off the
// front, says where it comes from, and leaves the front of the full runs as it was.
TEST(Pareto, PeakWindowPointsAreFlaggedAndNeverOnTheFront)
{
    // Full runs, cost/p95: (100, 300) front; (150, 320) dominated; (200, 150) front; (400, 90) front.
    const std::vector<CandidateResult> full{simulated(QStringLiteral("p"), QStringLiteral("a"), 1, 100, 300, false),
                                            simulated(QStringLiteral("p"), QStringLiteral("b"), 1, 150, 320, false),
                                            simulated(QStringLiteral("p"), QStringLiteral("c"), 1, 200, 150, true),
                                            simulated(QStringLiteral("p"), QStringLiteral("e"), 1, 400, 90, true)};
    // Two windows: one cheaper and faster than every full run (it passed the SLO there), one in
    // the middle that would take (200, 150)'s place.
    CandidateResult window = simulated(QStringLiteral("p"), QStringLiteral("w"), 2, 50, 40, true);
    window.tried.front().fullLength = false;
    window.chosen->fullLength = false;
    CandidateResult middle = simulated(QStringLiteral("p"), QStringLiteral("m"), 2, 180, 120, true);
    middle.tried.front().fullLength = false;
    middle.chosen->fullLength = false;
    std::vector<CandidateResult> all = full;
    all.push_back(window);
    all.push_back(middle);

    const auto front = [](const std::vector<ParetoPoint>& points) {
        QStringList keys;
        for (const ParetoPoint& p : points)
            if (p.onFront) keys << p.key;
        return keys;
    };
    const std::vector<ParetoPoint> points = paretoPoints(all);
    ASSERT_EQ(points.size(), 6u);
    EXPECT_EQ(points.front().key, QStringLiteral("p/w")) << "still drawn, cheapest first";
    for (const ParetoPoint& p : points) {
        const bool isWindow = p.key == QStringLiteral("p/w") || p.key == QStringLiteral("p/m");
        EXPECT_EQ(p.fullLength, !isWindow) << p.key.toStdString();
        if (isWindow) {
            EXPECT_FALSE(p.onFront) << p.key.toStdString();
            EXPECT_FALSE(p.meetsSlo) << p.key.toStdString();
        }
    }
    EXPECT_EQ(front(points), (QStringList{QStringLiteral("p/a"), QStringLiteral("p/c"), QStringLiteral("p/e")}));
    EXPECT_EQ(front(points), front(paretoPoints(full)));
}

// With compare_policies one type appears once per policy: the points say which, their labels
// tell them apart, and only the winner's own policy is the winner's point.
TEST(Pareto, TwoPoliciesOnOneTypeAreTwoNamedPoints)
{
    CandidateResult target = simulated(QStringLiteral("aws"), QStringLiteral("c6i.large"), 3, 100, 150, true);
    target.policy = QStringLiteral("target_tracking cpu 0.6");
    target.chosen->nodesMax = target.tried.front().nodesMax = 9;
    CandidateResult hpa = target;
    hpa.policy = QStringLiteral("hpa");
    hpa.tried.front().costPerMonthUsd = 120;
    hpa.tried.front().p95Ms = 120;
    const std::vector<ParetoPoint> points = paretoPoints({target, hpa});
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].policy, target.policy);
    EXPECT_EQ(points[1].policy, hpa.policy);
    EXPECT_EQ(paretoLabel(points[0], points), QStringLiteral("aws/c6i.large (target_tracking cpu 0.6) × 3–9"));
    EXPECT_EQ(paretoLabel(points[1], points), QStringLiteral("aws/c6i.large (hpa) × 3–9"));
    EXPECT_TRUE(isWinnersPoint(points[0], &target));
    EXPECT_FALSE(isWinnersPoint(points[1], &target));

    // One policy throughout: the label is the type and the nodes alone.
    const std::vector<ParetoPoint> single = paretoPoints({target});
    EXPECT_EQ(paretoLabel(single[0], single), QStringLiteral("aws/c6i.large × 3–9"));
}

}  // namespace
