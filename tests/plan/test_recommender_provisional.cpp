// The provisional rankings the Recommend page shows while the recommender runs: the screen's
// estimates before anything is simulated, labelled as such, then rows filling in with
// simulated figures, and never an estimate in the final answer.
#include "catalog/catalog.h"
#include "plan/recommender.h"
#include "plan_scenarios.h"

#include <gtest/gtest.h>

using namespace headroom;

TEST(RecommenderProvisional, ScreeningEstimatesFirstThenSimulatedRows)
{
    const Scenario doc = test::mmcScenario(300, 20, 80, 600);
    RecommendOptions options;
    options.instanceTypes = {QStringLiteral("aws/c6i.large"), QStringLiteral("aws/c6i.xlarge"), QStringLiteral("hetzner/CX22")};
    options.maxNodes = 12;
    options.sensitivity = false;
    std::vector<Recommendation> seen;
    options.provisional = [&seen](const Recommendation& r) { seen.push_back(r); };
    const Recommendation final = recommend(doc, Catalog::shipped(), nullptr, QStringLiteral("provisional.json"), options);

    ASSERT_GE(seen.size(), 2u);
    // The first is the screen alone: nothing simulated, every admitted row an estimate, ranked
    // by its estimated cost, and no recommendation.
    const Recommendation& first = seen.front();
    EXPECT_TRUE(first.provisional);
    EXPECT_EQ(first.simulations, 0);
    EXPECT_EQ(first.winner(), nullptr);
    int estimates = 0;
    double lastCost = 0;
    for (const CandidateResult& c : first.candidates) {
        EXPECT_FALSE(c.simulated());
        if (c.status != CandidateResult::Status::Estimate) continue;
        ++estimates;
        EXPECT_EQ(c.figures, CandidateResult::Figures::Screening);
        EXPECT_FALSE(c.meetsSlo());
        EXPECT_GE(c.costPerMonthUsd(), lastCost);
        lastCost = c.costPerMonthUsd();
        EXPECT_TRUE(c.why.startsWith(QStringLiteral("estimate, not yet simulated"))) << c.why.toStdString();
    }
    EXPECT_GT(estimates, 0);
    // Later rankings take in simulated rows.
    int simulatedLater = 0;
    for (const CandidateResult& c : seen.back().candidates) simulatedLater += c.simulated() ? 1 : 0;
    EXPECT_GT(simulatedLater, 0);
    // The final answer holds results only.
    EXPECT_FALSE(final.provisional);
    ASSERT_NE(final.winner(), nullptr);
    for (const CandidateResult& c : final.candidates) EXPECT_NE(c.status, CandidateResult::Status::Estimate);
}
