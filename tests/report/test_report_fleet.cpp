// The report's homogeneity section and the Fleet page read the same model call: on the same
// workspace they find the same groups with the same figures.
#include "analysis/fleet_analysis.h"
#include "import/workspace_setup.h"
#include "report/report_data.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>

using namespace headroom;

TEST(ReportFleet, HomogeneityMatchesTheFleetPageModel)
{
    test::TempWorkspace ws;
    ASSERT_GT(importSampleInputs(ws.ws()), 10);
    report::ReportRequest request;
    request.scenarioPath = test::testsPath(QStringLiteral("report/fixed_fleet.json"));
    request.replications = 1;
    request.recommend = false;
    const report::ReportData data = report::gatherReportData(ws.ws(), request);
    ASSERT_FALSE(data.fleet.empty());
    bool sawAzure = false;
    for (const analysis::FleetAnalysis& inReport : data.fleet) {
        // What the Fleet page computes for this metric (its default grouping by instance type).
        Selection f;
        f.metric = inReport.metric;
        const analysis::FleetAnalysis onPage = analysis::analyzeFleet(ws.ws(), f);
        for (const auto& g : inReport.groups) {
            const auto it = std::find_if(onPage.groups.begin(), onPage.groups.end(),
                                         [&](const auto& p) { return p.group.group == g.group.group; });
            ASSERT_NE(it, onPage.groups.end()) << g.group.group.toStdString();
            EXPECT_EQ(it->result.nodes, g.result.nodes);
            EXPECT_EQ(it->result.runs, g.result.runs);
            EXPECT_DOUBLE_EQ(it->result.betweenNodeCv, g.result.betweenNodeCv);
            EXPECT_EQ(std::isnan(it->result.withinNodeCv), std::isnan(g.result.withinNodeCv));
            if (!std::isnan(g.result.withinNodeCv)) {
                EXPECT_DOUBLE_EQ(it->result.withinNodeCv, g.result.withinNodeCv);
            }
            EXPECT_EQ(it->populations.verdict, g.populations.verdict);
            EXPECT_EQ(it->histogram, g.histogram);
            sawAzure |= g.group.group == QStringLiteral("azure/B8ms") && g.populations.count > 1;
        }
    }
    EXPECT_TRUE(sawAzure) << "the sample's B8ms fleet is in the report, with more than one population";
    // The dataset licence reaches the report's provenance data.
    ASSERT_FALSE(data.licences.empty());
    EXPECT_EQ(data.licences.front().licence, QStringLiteral("CC BY 4.0"));
    EXPECT_EQ(data.licences.front().datasetIds.size(), 4u);
}
