// `headroom report` as a user runs it: no display, a workspace given with -w, figures equal to
// those of `headroom simulate --json` and `headroom recommend --json` for the same scenario and seed.
#include "report_test_support.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

QString ms1(double v) { return QString::number(v, 'f', 1) + QStringLiteral(" ms"); }
// The JSON rounds to 0.01 ms and the PDF to 0.1 ms: a JSON value ending in 5 (881.35) may stand
// for 881.346 (PDF 881.3) or 881.354 (PDF 881.4).
bool hasMs1(const QString& text, double jsonMs)
{
    return text.contains(ms1(jsonMs)) || text.contains(ms1(jsonMs - 0.005)) || text.contains(ms1(jsonMs + 0.005));
}
QString usd2(double v) { return QStringLiteral("$") + QLocale(QLocale::English).toString(v, 'f', 2); }

}  // namespace

TEST(ReportCli, AutoscalingSeveralProvidersMatchesSimulateAndRecommend)
{
    test::TempWorkspace ws;
    ws.close();
    QTemporaryDir dir;
    const QString scenario = test::testsPath(QStringLiteral("report/autoscaling.json"));
    const QString pdf = dir.filePath(QStringLiteral("Zürich report.pdf"));
    const test::ProcessResult r = test::runHeadroom({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                                     QStringLiteral("-w"), ws.path(), QStringLiteral("--seed"),
                                                     QStringLiteral("42"), QStringLiteral("--providers"),
                                                     QStringLiteral("hetzner,digitalocean")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_TRUE(QFile::exists(pdf));
    const int pages = test::pdfPageCount(pdf);
    EXPECT_GE(pages, 10);
    const QString text = test::flatten(test::pdfRawText(pdf));
    // Table cells wrap inside narrow columns ("hetzner/\nCPX31"): compare without whitespace.
    QString squeezed = text;
    squeezed.remove(QLatin1Char(' '));
    const auto has = [&](QString s) { return squeezed.contains(s.remove(QLatin1Char(' '))); };
    EXPECT_TRUE(text.contains(QStringLiteral("Afternoon spike on burstable nodes")));
    EXPECT_TRUE(text.contains(QStringLiteral("Lowest CPU credit balance of any node")));  // t3 is burstable
    EXPECT_TRUE(text.contains(QStringLiteral("Provider comparison")));
    EXPECT_TRUE(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));

    // The scenario as written: the figures of `headroom simulate --json`.
    const QJsonObject sim = test::simulateJson(scenario, ws.path(), 42);
    const QJsonObject latency = sim[QStringLiteral("summary")][QStringLiteral("latency_ms")].toObject();
    ASSERT_FALSE(latency.isEmpty());
    for (const char* key : {"p50", "p95", "p99", "mean"})
        EXPECT_TRUE(hasMs1(text, latency[QLatin1String(key)].toDouble())) << key;
    EXPECT_TRUE(text.contains(usd2(sim[QStringLiteral("summary")][QStringLiteral("cost_usd")].toDouble())));

    // Every candidate of `headroom recommend --json` with its cost, in the comparison table.
    const test::ProcessResult rec = test::runHeadroom({QStringLiteral("recommend"), scenario, QStringLiteral("-w"), ws.path(),
                                                       QStringLiteral("--providers"), QStringLiteral("hetzner,digitalocean"),
                                                       QStringLiteral("--json"), QStringLiteral("--recompute")});
    ASSERT_EQ(rec.exitCode, 0) << rec.err.toStdString();
    const QJsonObject recommendation = QJsonDocument::fromJson(rec.out).object();
    const QJsonArray candidates = recommendation[QStringLiteral("candidates")].toArray();
    ASSERT_FALSE(candidates.isEmpty());
    EXPECT_TRUE(text.contains(QStringLiteral("from %1 candidates").arg(candidates.size())) ||
                text.contains(QStringLiteral("among the %1 candidates").arg(candidates.size())));
    for (const QJsonValue& v : candidates) {
        const QJsonObject c = v.toObject();
        const QString key = c[QStringLiteral("key")].toString();
        EXPECT_TRUE(has(key)) << key.toStdString();
        // A candidate ruled out before any cost was known has none in the JSON and a dash in the PDF.
        if (c[QStringLiteral("cost_per_month_usd")].isDouble()) {
            EXPECT_TRUE(has(usd2(c[QStringLiteral("cost_per_month_usd")].toDouble()))) << key.toStdString();
        }
        if (c[QStringLiteral("latency_p95_ms")].isDouble()) {
            const double p95 = c[QStringLiteral("latency_p95_ms")].toDouble();
            EXPECT_TRUE(has(ms1(p95)) || has(ms1(p95 - 0.005)) || has(ms1(p95 + 0.005))) << key.toStdString() << " " << p95;
        }
    }
    const QJsonValue winner = recommendation[QStringLiteral("recommended")];
    if (winner.isObject())
        EXPECT_TRUE(text.contains(QStringLiteral("Recommended: ")));
    else
        EXPECT_TRUE(text.contains(QStringLiteral("No configuration among the")));
}

TEST(ReportCli, BadScenarioIsExitThreeAndWritesNothing)
{
    test::TempWorkspace ws;
    ws.close();
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("bad.pdf"));
    const QString scenario = test::testsPath(QStringLiteral("report/bad_scenario.json"));
    const test::ProcessResult r = test::runHeadroom({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                                     QStringLiteral("-w"), ws.path()});
    EXPECT_EQ(r.exitCode, 3);
    const QString err = QString::fromUtf8(r.err);
    // Qt may print its own notices first; the error is a line of its own.
    EXPECT_TRUE(err.contains(QStringLiteral("\nheadroom: error: ")) || err.startsWith(QStringLiteral("headroom: error: ")))
        << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("bad_scenario.json"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("$.cluster.nodes"))) << err.toStdString();
    EXPECT_FALSE(QFile::exists(pdf));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

TEST(ReportCli, MissingOutputIsAUsageError)
{
    const test::ProcessResult r = test::runHeadroom(
        {QStringLiteral("report"), test::testsPath(QStringLiteral("report/fixed_fleet.json"))});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(QString::fromUtf8(r.err).contains(QStringLiteral("-o")));
}
