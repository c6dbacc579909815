// The analytic screen's cost floor against simulation: an unlimited-mode burstable fleet that
// runs above its baseline pays for surplus credits, and the floor that rules such types out
// without simulating them must count that surcharge yet never exceed what a full run costs.
#include "catalog/catalog.h"
#include "plan/candidate_config.h"
#include "plan/evaluation.h"
#include "plan/monthly_cost.h"
#include "plan/screening.h"
#include "plan_scenarios.h"
#include "scenario/resolved_scenario.h"

#include <gtest/gtest.h>

using namespace headroom;

TEST(ScreeningFloor, UnlimitedBurstableFloorCountsTheSurplusAndStaysBelowAFullRun)
{
    // Two t3.small nodes (2 vCPUs, 20 % baseline each: 24 credits an hour) kept 60 % busy: 2.4
    // vCPUs of CPU against 0.8 earned, in unlimited mode (T3's default), balances carried from
    // day to day until they settle. The arithmetic counts independent vCPUs, so the catalog's CPU
    // scores (a t3's two vCPUs are hyper-threads of one core) are taken out.
    Scenario doc = test::mmcScenario(120, 20, 1000, 1800);
    doc.slo->errorRate = 0.01;
    const Catalog catalog = test::shippedWithoutCpuScores();
    const ResolvedScenario r = resolveScenario(withConfiguration(doc, *catalog.find(QStringLiteral("aws/t3.small")), 2, 2),
                                               catalog, nullptr, QStringLiteral("floor.json"));
    ASSERT_TRUE(r.burstable && r.unlimitedCredits && r.carryCredits);
    const Screening s = screenCandidate(r, 20);
    const Evaluation e = evaluateConfiguration(r, confirmationSettings(3, 3, 0.9));
    const double nodesOnly = monthlyCostOfNodesUsd(r, 2);
    // The full run pays a surcharge well beyond the two nodes' price …
    ASSERT_GT(e.costPerMonthUsd, 2 * nodesOnly);
    // … which the floor counts (nodes alone would be a third of it), without going over.
    EXPECT_GT(s.lowerBoundCostUsd, 2 * nodesOnly);
    EXPECT_LE(s.lowerBoundCostUsd, e.costPerMonthUsd);
    EXPECT_GE(s.lowerBoundCostUsd, 0.8 * e.costPerMonthUsd);
}

TEST(ScreeningFloor, NonBurstableFloorIsTheNodesAlone)
{
    Scenario doc = test::mmcScenario(120, 20, 1000, 1800);
    const Catalog catalog = Catalog::shipped();
    const ResolvedScenario r = resolveScenario(withConfiguration(doc, *catalog.find(QStringLiteral("aws/c6i.large")), 2, 2),
                                               catalog, nullptr, QStringLiteral("floor.json"));
    const Screening s = screenCandidate(r, 20);
    EXPECT_DOUBLE_EQ(s.lowerBoundCostUsd, monthlyCostOfNodesUsd(r, s.nodesLowerBound));
}
