// The report's "Does the model predict what we measured?": with load tests in the workspace it
// holds the table of predicted against measured latency per level and the chart; without any it
// says why it was not checked.
#include "support/validation_levels.h"
#include "import/import_service.h"
#include "report/report_content.h"
#include "report/report_data.h"
#include "report/report_generator.h"
#include "report/report_pdf.h"
#include "report_test_support.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

#include <QDir>
#include <QFile>
#include <gtest/gtest.h>
#include <variant>

using namespace headroom;

namespace {

const char* kScenario = R"({
  "schema": "headroom.scenario/1", "name": "One worker", "duration_s": 600, "seed": 9, "replications": 2,
  "traffic": { "kind": "poisson", "rate_rps": 10 },
  "service": { "cpu_ms": { "dist": "exponential", "mean": 6 } },
  "cluster": { "instance_type": { "vcpu": 1, "memory_gib": 1, "price_per_hour_usd": 0.01 }, "nodes": 1 }
})";

report::ReportData gather(test::TempWorkspace& ws, const QString& scenario)
{
    report::ReportRequest request;
    request.scenarioPath = scenario;
    request.recommend = false;
    return report::gatherReportData(ws.ws(), request);
}

const report::Table* validationTable(const report::Content& c)
{
    bool inSection = false;
    for (const report::Block& b : c.blocks) {
        if (const auto* h = std::get_if<report::Heading>(&b); h && h->level == 1)
            inSection = h->text == QStringLiteral("Does the model predict what we measured?");
        if (const auto* t = std::get_if<report::Table>(&b); t && inSection) return t;
    }
    return nullptr;
}

}  // namespace

TEST(ReportValidation, LoadTestsGiveTheTableAndTheChart)
{
    test::TempWorkspace ws;
    for (double rate : {10.0, 50.0, 100.0}) {
        ImportRequest r;
        r.path = QStringLiteral("level-%1.csv").arg(rate);
        ASSERT_GT(importBytes(ws.ws(), test::validationLevelCsv(rate), r).datasetId, 0);
    }
    const QString scenario = QDir(ws.dir()).filePath(QStringLiteral("s.json"));
    QFile f(scenario);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kScenario);
    f.close();

    const report::ReportData data = gather(ws, scenario);
    ASSERT_TRUE(data.validation.has_value()) << data.validationSkipped.toStdString();
    ASSERT_EQ(data.validation->levels.size(), 3u);
    const report::Content content = report::buildContent(data);
    const report::Table* t = validationTable(content);
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->rows.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const auto& l = data.validation->levels[size_t(i)];
        EXPECT_EQ(t->rows[i][3], QString::number(l.measured.latency.mean, 'f', 1) + QStringLiteral(" ms"));
        EXPECT_EQ(t->rows[i][4], QString::number(l.predicted.mean, 'f', 1) + QStringLiteral(" ms"));
    }
    EXPECT_TRUE(t->rows[0][0].contains(QStringLiteral("cal.")));

    const auto doc = report::layoutReport(data);
    const QString pdf = QDir(ws.dir()).filePath(QStringLiteral("r.pdf"));
    report::writePdf(*doc, pdf);
    const QString text = test::flatten(test::pdfText(pdf));
    EXPECT_TRUE(text.contains(QStringLiteral("Does the model predict what we measured?")));
    EXPECT_TRUE(text.contains(QStringLiteral("Latency against load: measured and predicted")));
    EXPECT_TRUE(text.contains(QStringLiteral("utilisation law")));
}

TEST(ReportValidation, WithoutLoadTestsTheSectionSaysWhy)
{
    test::TempWorkspace ws;
    const QString scenario = QDir(ws.dir()).filePath(QStringLiteral("s.json"));
    QFile f(scenario);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kScenario);
    f.close();
    const report::ReportData data = gather(ws, scenario);
    EXPECT_FALSE(data.validation.has_value());
    const report::Content content = report::buildContent(data);
    EXPECT_EQ(validationTable(content), nullptr);
    bool said = false;
    for (const report::Block& b : content.blocks)
        if (const auto* p = std::get_if<report::Paragraph>(&b)) said = said || p->html.contains(QStringLiteral("Not checked: the workspace holds no load test"));
    EXPECT_TRUE(said);
}
