// The report's lead-time section beside real scale-out events: Kubernetes events from a GKE
// cluster and a `kubectl describe pod` with repeated image pulls, imported into the workspace.
// The measured table must hold what the lead-time model computes from the same events.
#include "analysis/analysis_inputs.h"
#include "analysis/lead_time.h"
#include "import/import_service.h"
#include "report/report_content.h"
#include "report/report_data.h"
#include "support/fixtures.h"
#include "report_test_support.h"
#include "support/temp_workspace.h"

#include <gtest/gtest.h>
#include <algorithm>
#include <variant>

using namespace headroom;
using test::tableAfterHeading;

namespace {

// The autoscaling test scenario, one replication, no recommender: only the lead-time section matters.
report::ReportData gatherWithoutRecommendation(const Workspace& ws)
{
    report::ReportRequest request;
    request.scenarioPath = test::testsPath(QStringLiteral("report/autoscaling.json"));
    request.replications = 1;
    request.recommend = false;
    return report::gatherReportData(ws, request);
}

}  // namespace

TEST(ReportLeadTime, MeasuredPhasesOfImportedEventsAreTheModelsFigures)
{
    HEADROOM_FIXTURE(events, "k8s_events/pkb_kubectl_get_events_gke.yaml");
    HEADROOM_FIXTURE(describe, "k8s_events/holmesgpt_kubectl_describe_pod_oomkill_repeated_pulls.txt");
    test::TempWorkspace ws;
    for (const QString& file : {events, describe}) {
        ImportRequest request;
        request.path = file;
        const ImportOutcome outcome = importFile(ws.ws(), request);
        ASSERT_GT(outcome.leadTimeEvents, 0) << file.toStdString();
    }
    const report::ReportData data = gatherWithoutRecommendation(ws.ws());
    ASSERT_TRUE(data.measuredLeadTime.has_value());

    // Independently: the same observations through the lead-time model.
    const leadtime::Report expected = leadtime::analyze(analysis::loadLeadTimeObservations(ws.ws(), Selection{}));
    QStringList measuredPhases;
    for (const leadtime::PhaseModel& m : expected.phases)
        if (m.fromData) measuredPhases << m.phase;
    ASSERT_FALSE(measuredPhases.isEmpty());
    EXPECT_TRUE(measuredPhases.contains(QStringLiteral("image_pull")));

    const report::Content content = report::buildContent(data);
    const report::Table* table = tableAfterHeading(content, QStringLiteral("Measured in the imported events"));
    ASSERT_NE(table, nullptr);
    for (const leadtime::PhaseModel& m : expected.phases) {
        if (!m.fromData) continue;
        const QString label = QString(m.phase).replace(QLatin1Char('_'), QLatin1Char(' '));
        const auto row = std::find_if(table->rows.begin(), table->rows.end(),
                                      [&](const QStringList& r) { return r.value(0) == label; });
        ASSERT_NE(row, table->rows.end()) << label.toStdString();
        EXPECT_EQ(row->value(1), QString::number(m.count)) << label.toStdString();
        const auto secs = [](double v) { return QString::number(v, 'f', v < 10 ? 1 : 0) + QStringLiteral(" s"); };
        EXPECT_EQ(row->value(2), secs(m.p50)) << label.toStdString();
        EXPECT_EQ(row->value(4), secs(m.p95)) << label.toStdString();
    }
}

TEST(ReportLeadTime, NoMeasuredSectionWithoutEvents)
{
    test::TempWorkspace ws;
    const report::ReportData data = gatherWithoutRecommendation(ws.ws());
    EXPECT_FALSE(data.measuredLeadTime.has_value());
    EXPECT_EQ(tableAfterHeading(report::buildContent(data), QStringLiteral("Measured in the imported events")), nullptr);
}
