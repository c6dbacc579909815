// Whole reports generated headless, checked from the outside (pdftotext, pdfinfo, pdftoppm,
// pdfimages) against what `headroom simulate --json` says for the same scenario and seed.
#include "report/report_data.h"
#include "report/report_generator.h"
#include "report/report_pdf.h"
#include "report_test_support.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

const QStringList kSectionTitles = {
    QStringLiteral("Contents"),           QStringLiteral("Executive summary"),
    QStringLiteral("Inputs and provenance"), QStringLiteral("Fleet homogeneity"),
    QStringLiteral("Data quality"),       QStringLiteral("Scale-out lead time"),
    QStringLiteral("Simulation of the scenario as written"), QStringLiteral("Provider comparison"),
    QStringLiteral("Cost against latency, and sensitivity"), QStringLiteral("Methodology and limits"),
};

QString ms1(double v) { return QString::number(v, 'f', 1) + QStringLiteral(" ms"); }

// Generates in this process (the same functions the CLI calls) and keeps the PDF in `dir`.
QString generate(const QString& scenario, test::TempWorkspace& ws, const QString& dir, quint64 seed,
                 const QStringList& providers = {})
{
    report::ReportRequest request;
    request.scenarioPath = scenario;
    request.seed = seed;
    request.providers = providers;
    const report::ReportData data = report::gatherReportData(ws.ws(), request);
    const auto doc = report::layoutReport(data);
    const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
    report::writePdf(*doc, pdf);
    if (const QByteArray keep = qgetenv("HEADROOM_KEEP_REPORTS"); !keep.isEmpty()) {
        const QString copy = QDir(QString::fromLocal8Bit(keep)).filePath(QFileInfo(scenario).completeBaseName() + QStringLiteral(".pdf"));
        QFile::remove(copy);
        QFile::copy(pdf, copy);
    }
    return pdf;
}

void expectSummaryMatches(const QString& text, const QJsonObject& sim)
{
    const QJsonObject summary = sim.value(QStringLiteral("summary")).toObject();
    const QJsonObject latency = summary.value(QStringLiteral("latency_ms")).toObject();
    ASSERT_FALSE(latency.isEmpty()) << "simulate --json gave no summary";
    const QString flat = test::flatten(text);
    for (const char* key : {"p50", "p95", "p99", "mean"}) {
        const QString expected = ms1(latency.value(QLatin1String(key)).toDouble());
        EXPECT_TRUE(flat.contains(expected)) << key << " " << expected.toStdString();
    }
    const double cost = summary.value(QStringLiteral("cost_usd")).toDouble();
    EXPECT_TRUE(flat.contains(QStringLiteral("$") + QString::number(cost, 'f', 2)) ||
                flat.contains(QStringLiteral("$") + QLocale(QLocale::English).toString(cost, 'f', 2)))
        << "cost " << cost;
    const bool met = summary.value(QStringLiteral("slo_met")).toBool();
    EXPECT_TRUE(flat.contains(met ? QStringLiteral("meets the SLO") : QStringLiteral("misses the SLO")));
}

}  // namespace

TEST(ReportGeneration, FixedFleetReportHasEverySectionAndTheSimulatedFigures)
{
    test::TempWorkspace ws;
    QTemporaryDir dir;
    const QString scenario = test::testsPath(QStringLiteral("report/fixed_fleet.json"));
    const QString pdf = generate(scenario, ws, dir.path(), 11, {QStringLiteral("aws")});

    const int pages = test::pdfPageCount(pdf);
    EXPECT_GE(pages, 7);
    const QStringList pageTexts = test::pdfPageTexts(pdf);
    ASSERT_EQ(pageTexts.size(), pages);
    const QString text = pageTexts.join(QLatin1Char('\n'));
    for (const QString& title : kSectionTitles) EXPECT_TRUE(text.contains(title)) << title.toStdString();
    // Numbered pages with the total, on every page but the title page.
    for (int p = 1; p < pages; ++p)
        EXPECT_TRUE(pageTexts[p].contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages))) << p;
    // The scenario name holds markup and a non-ASCII letter: it must appear as written.
    EXPECT_TRUE(text.contains(QStringLiteral("<b>Zürich & \"Co\"</b>")));
    EXPECT_TRUE(text.contains(QStringLiteral("aws/c6i.large")));

    ws.close();
    expectSummaryMatches(text, test::simulateJson(scenario, ws.path(), 11));
}

TEST(ReportGeneration, EveryPageHasDrawnContentAndChartsAreVectors)
{
    test::TempWorkspace ws;
    QTemporaryDir dir;
    const QString pdf = generate(test::testsPath(QStringLiteral("report/autoscaling.json")), ws, dir.path(), 42,
                                 {QStringLiteral("hetzner"), QStringLiteral("digitalocean")});
    const std::vector<int> ink = test::bodyInkPerPage(pdf, dir.path());
    ASSERT_EQ(int(ink.size()), test::pdfPageCount(pdf));
    for (size_t p = 0; p < ink.size(); ++p) EXPECT_GT(ink[p], 300) << "page " << p + 1 << " looks blank";
    // Charts are painted as paths and text: the PDF holds no raster image at all.
    EXPECT_EQ(test::pdfImageCount(pdf), 0);
}
