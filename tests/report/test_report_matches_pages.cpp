// The report and the pages read the same model calls: on one workspace of real tool outputs
// (the bundled sample with its Azure partitions and scale-out events, the Azure memory
// partitions and a sysbench file with neither node nor instance type), the report's
// homogeneity figures are the Fleet page's, its measured lead-time phases the Lead time page's,
// and its datasets carry the titles the Data page shows.
#include "analysis/fleet_analysis.h"
#include "analysis/measured_lead_time.h"
#include "import/import_service.h"
#include "import/workspace_setup.h"
#include "models/dataset_table_model.h"
#include "report/report_content.h"
#include "report/report_data.h"
#include "store/dataset_repository.h"
#include "store/workspace_metrics.h"
#include "support/fixtures.h"
#include "report_test_support.h"
#include "support/temp_workspace.h"

#include <QDir>
#include <QDirIterator>
#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>
#include <variant>

using namespace headroom;
using test::tableAfterHeading;

namespace {

// The same figure, or both undefined (a CV of nodes whose mean is 0).
bool sameFigure(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void importOne(Workspace& ws, const QString& path)
{
    ImportRequest request;
    request.path = path;
    const ImportOutcome outcome = importFile(ws, request);
    ASSERT_GT(outcome.datasetId, 0) << path.toStdString();
}

class ReportMatchesPages : public ::testing::Test {
protected:
    void SetUp() override
    {
        HEADROOM_FIXTURE(azure, "azure-vm-noise-2024");
        HEADROOM_FIXTURE(memory, "sysbench/pkb_sysbench-1.0.11_memory_per_cpu.txt");
        ASSERT_GT(importSampleInputs(ws_.ws()), 10);
        // The Azure memory benchmark: a second metric measured on thousands of VMs of two SKUs.
        QDirIterator it(azure + QStringLiteral("/test_suite=Sysbench/test_name=Test:_RAM__Memory"), {QStringLiteral("*.csv")},
                        QDir::Files, QDirIterator::Subdirectories);
        int partitions = 0;
        while (it.hasNext()) {
            ASSERT_NO_FATAL_FAILURE(importOne(ws_.ws(), it.next()));
            ++partitions;
        }
        ASSERT_EQ(partitions, 4);
        // A file naming neither its node nor its instance type: its runs are node "dataset N" in
        // the group "(no instance type)", which the report keeps as the Fleet page does.
        ASSERT_NO_FATAL_FAILURE(importOne(ws_.ws(), memory));

        report::ReportRequest request;
        request.scenarioPath = test::testsPath(QStringLiteral("report/autoscaling.json"));
        request.replications = 1;
        request.recommend = false;
        data_ = report::gatherReportData(ws_.ws(), request);
        content_ = report::buildContent(data_);
    }

    test::TempWorkspace ws_;
    report::ReportData data_;
    report::Content content_;
};

}  // namespace

TEST_F(ReportMatchesPages, HomogeneityFiguresAreTheFleetPages)
{
    int compared = 0;
    bool sawUnnamed = false;
    for (const QString& metric : measuredMetrics(ws_.ws())) {
        // What the Fleet page computes for this metric, grouped by instance type (its default).
        Selection selection;
        selection.metric = metric;
        const analysis::FleetAnalysis onPage = analysis::analyzeFleet(ws_.ws(), selection);
        const auto inReport = std::find_if(data_.fleet.begin(), data_.fleet.end(),
                                           [&](const analysis::FleetAnalysis& a) { return a.metric == metric; });
        QStringList pageGroups;  // the groups with something to compare: two nodes or more
        for (const auto& g : onPage.groups)
            if (g.result.nodes >= 2) pageGroups << g.group.group;
        if (pageGroups.isEmpty()) {
            EXPECT_EQ(inReport, data_.fleet.end()) << metric.toStdString() << ": in the report, not on the page";
            continue;
        }
        ASSERT_NE(inReport, data_.fleet.end()) << metric.toStdString() << ": on the page, not in the report";
        QStringList reportGroups;
        for (const auto& g : inReport->groups) reportGroups << g.group.group;
        EXPECT_EQ(reportGroups, pageGroups) << metric.toStdString();
        EXPECT_EQ(inReport->unit, onPage.unit);

        for (const auto& r : inReport->groups) {
            const auto p = std::find_if(onPage.groups.begin(), onPage.groups.end(),
                                        [&](const auto& g) { return g.group.group == r.group.group; });
            ASSERT_NE(p, onPage.groups.end());
            const std::string where = (metric + QStringLiteral(" · ") + r.group.group).toStdString();
            EXPECT_EQ(r.result.nodes, p->result.nodes) << where;
            EXPECT_EQ(r.result.runs, p->result.runs) << where;
            EXPECT_EQ(r.result.outliers, p->result.outliers) << where;
            EXPECT_TRUE(sameFigure(r.result.betweenNodeCv, p->result.betweenNodeCv)) << where;
            EXPECT_TRUE(sameFigure(r.result.withinNodeCv, p->result.withinNodeCv)) << where;
            EXPECT_TRUE(sameFigure(r.result.p90OverP10, p->result.p90OverP10)) << where;
            EXPECT_EQ(r.populations.count, p->populations.count) << where;
            EXPECT_EQ(r.populations.verdict, p->populations.verdict) << where;
            EXPECT_EQ(r.histogram, p->histogram) << where;
            ASSERT_EQ(r.group.nodes.size(), p->group.nodes.size()) << where;
            for (size_t k = 0; k < r.group.nodes.size(); ++k) {
                EXPECT_EQ(r.group.nodes[k].node, p->group.nodes[k].node) << where;
                EXPECT_EQ(r.group.nodes[k].values, p->group.nodes[k].values) << where;
                sawUnnamed |= r.group.nodes[k].node.startsWith(QStringLiteral("dataset "));
            }
            ++compared;
        }

        // The report's table shows the page's figures, group by group, in the page's order.
        if (std::distance(data_.fleet.begin(), inReport) >= 3) continue;  // only the first metrics are laid out
        const report::Table* table = tableAfterHeading(content_, metric);
        ASSERT_NE(table, nullptr) << metric.toStdString();
        ASSERT_EQ(table->rows.size(), pageGroups.size()) << metric.toStdString();
        for (int i = 0; i < table->rows.size(); ++i) {
            const auto& p = *std::find_if(onPage.groups.begin(), onPage.groups.end(),
                                          [&](const auto& g) { return g.group.group == pageGroups[i]; });
            EXPECT_EQ(table->rows[i].value(0), p.group.group);
            EXPECT_EQ(table->rows[i].value(1), QString::number(p.result.nodes));
            EXPECT_EQ(table->rows[i].value(2), QString::number(p.result.runs));
            EXPECT_EQ(table->rows[i].value(6), QString::number(p.result.outliers));
            EXPECT_EQ(table->rows[i].value(7), QString::number(p.populations.count));
        }
    }
    EXPECT_GE(compared, 5) << "two Azure SKUs on two metrics and the unnamed group";
    EXPECT_TRUE(sawUnnamed) << "a node without a name is \"dataset N\" in both";
    const bool keptUntyped = std::any_of(data_.fleet.begin(), data_.fleet.end(), [](const analysis::FleetAnalysis& a) {
        return std::any_of(a.groups.begin(), a.groups.end(),
                           [](const auto& g) { return g.group.group == QStringLiteral("(no instance type)"); });
    });
    EXPECT_TRUE(keptUntyped) << "datasets with no instance type are kept, as on the Fleet page";
}

TEST_F(ReportMatchesPages, MeasuredLeadTimeIsTheLeadTimePages)
{
    // The Lead time page on its first choice: every provider, no catalog defaults.
    const analysis::MeasuredLeadTime onPage = analysis::measuredLeadTime(ws_.ws(), Selection{});
    ASSERT_FALSE(onPage.observations.empty());
    ASSERT_TRUE(data_.measuredLeadTime.has_value());
    const std::vector<leadtime::PhaseModel>& inReport = data_.measuredLeadTime->phases;
    ASSERT_EQ(inReport.size(), onPage.report.phases.size());
    int measured = 0;
    for (size_t i = 0; i < inReport.size(); ++i) {
        const leadtime::PhaseModel& r = inReport[i];
        const leadtime::PhaseModel& p = onPage.report.phases[i];
        EXPECT_EQ(r.phase, p.phase);
        EXPECT_EQ(r.subset, p.subset);
        EXPECT_EQ(r.fromData, p.fromData) << r.phase.toStdString();
        EXPECT_EQ(r.count, p.count) << r.phase.toStdString();
        EXPECT_DOUBLE_EQ(r.p50, p.p50) << r.phase.toStdString();
        EXPECT_DOUBLE_EQ(r.p95, p.p95) << r.phase.toStdString();
        measured += r.fromData ? 1 : 0;
    }
    EXPECT_GE(measured, 3) << "the sample's events measure provisioning, boot, image pull and more";

    // The report's table of measured phases prints those counts.
    const report::Table* table = tableAfterHeading(content_, QStringLiteral("Measured in the imported events"));
    ASSERT_NE(table, nullptr);
    for (const leadtime::PhaseModel& p : onPage.report.phases) {
        if (!p.fromData || !p.subset.isEmpty()) continue;
        const QString label = QString(p.phase).replace(QLatin1Char('_'), QLatin1Char(' '));
        const auto row = std::find_if(table->rows.begin(), table->rows.end(), [&](const QStringList& r) { return r.value(0) == label; });
        ASSERT_NE(row, table->rows.end()) << label.toStdString();
        EXPECT_EQ(row->value(1), QString::number(p.count)) << label.toStdString();
    }
}

TEST_F(ReportMatchesPages, DatasetsCarryTheDataPagesTitles)
{
    // The Data page's table, filled by its own call.
    DatasetTableModel page;
    page.setDatasets(listDatasets(ws_.ws()));
    const report::Table* table = tableAfterHeading(content_, QStringLiteral("Datasets"));
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), page.rowCount());
    ASSERT_EQ(table->headers.value(1), QStringLiteral("Dataset"));
    bool sawPartition = false;
    for (int row = 0; row < page.rowCount(); ++row) {
        const QString id = page.data(page.index(row, DatasetTableModel::Id)).toString();
        const QString title = page.data(page.index(row, DatasetTableModel::Name)).toString();
        EXPECT_EQ(table->rows[row].value(0), id);
        EXPECT_EQ(table->rows[row].value(1), title) << id.toStdString();
        EXPECT_FALSE(table->rows[row].value(1).startsWith(QStringLiteral("unit="))) << "a partition named by its file";
        sawPartition |= title.startsWith(QStringLiteral("Sysbench · Test: CPU · short · eastus · D8s v5"));
    }
    EXPECT_TRUE(sawPartition) << "the Azure partitions are titled by what they measured";
}
