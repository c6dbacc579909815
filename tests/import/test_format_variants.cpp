#include "benchmark_parse.h"
#include "import/importer_registry.h"
#include "support/fixtures.h"
#include "tool_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Valid inputs that other tools make out of real files: a pyperf result gzip-compressed (as
// pyperf writes *.json.gz), PKB samples collected into one JSON array, Locust 1.x headers in
// quotes, a k6 trend whose statistics include a count, and systemd-analyze lines as current
// and old systemd print them.

namespace {

QString detected(const QByteArray& bytes, const QString& name)
{
    const Importer* imp = ImporterRegistry::instance().detect(bytes.left(64 * 1024), name);
    return imp ? imp->name() : QString();
}

bool warns(const ImportResult& r, const QString& text)
{
    for (const auto& w : r.warnings)
        if (w.message.contains(text)) return true;
    return false;
}

}  // namespace

TEST(FormatVariants, PyperfJsonGz)
{
    HEADROOM_FIXTURE(path, "pyperf/pyperformance_py36_telco.json");
    HEADROOM_TOOL(gzip, "gzip");
    bool ok = false;
    QString error;
    const QByteArray gz = runTool(gzip, {QStringLiteral("-c"), path}, 10000, ok, error);
    ASSERT_TRUE(ok) << error.toStdString();
    EXPECT_EQ(detected(gz, QStringLiteral("telco.json.gz")), QStringLiteral("pyperf"));
    const ImportResult plain = parseWith(QStringLiteral("pyperf"), path);
    const ImportResult packed = parseBytesWith(QStringLiteral("pyperf"), gz, QStringLiteral("telco.json.gz"));
    ASSERT_FALSE(plain.metrics.isEmpty());
    EXPECT_EQ(packed.metrics, plain.metrics);
    // A .gz cut short is refused, saying so.
    const auto cut = inputErrorOf(QStringLiteral("pyperf"), gz.left(gz.size() / 2), QStringLiteral("telco.json.gz"));
    ASSERT_TRUE(cut);
    EXPECT_TRUE(cut->message().contains(QStringLiteral("input ended early"))) << cut->text().toStdString();
}

// A JSON array of PKB samples is not a Prometheus vector, though both have "metric" and "value".
TEST(FormatVariants, PkbSamplesAsOneJsonArray)
{
    HEADROOM_FIXTURE(path, "pkb/pkb_samples_mart_iperf_SUBSET300.json");
    QJsonArray samples;
    for (const QByteArray& line : readFile(path).split('\n'))
        if (!line.trimmed().isEmpty()) samples.append(QJsonDocument::fromJson(line).object());
    const QByteArray array = QJsonDocument(samples).toJson(QJsonDocument::Indented);
    EXPECT_EQ(detected(array, QStringLiteral("samples.json")), QStringLiteral("pkb"));
    const ImportResult lines = parseWith(QStringLiteral("pkb"), path);
    const ImportResult fromArray = parseBytesWith(QStringLiteral("pkb"), array, QStringLiteral("samples.json"));
    EXPECT_EQ(fromArray.measurements.size(), lines.measurements.size());
    EXPECT_EQ(fromArray.metrics, lines.metrics);
}

// Locust 1.x wrote every header in quotes; the file is still Locust's, not a generic CSV.
TEST(FormatVariants, LocustHistoryWithQuotedHeaders)
{
    HEADROOM_FIXTURE(path, "locust/bitcoin-api_results_stats_history.csv");
    QByteArray bytes = readFile(path);
    const qsizetype eol = bytes.indexOf('\n');
    QList<QByteArray> names = bytes.left(eol).trimmed().split(',');
    for (QByteArray& n : names) n = '"' + n + '"';
    const QByteArray quoted = names.join(',') + bytes.mid(eol);
    EXPECT_EQ(detected(quoted, QStringLiteral("x_stats_history.csv")), QStringLiteral("locust"));
    const ImportResult plain = parseWith(QStringLiteral("locust"), path);
    const ImportResult q = parseBytesWith(QStringLiteral("locust"), quoted, QStringLiteral("x_stats_history.csv"));
    EXPECT_EQ(q.metrics, plain.metrics);
    EXPECT_EQ(q.series.size(), plain.series.size());
}

// Locust 0.x wrote _requests.csv and _distribution.csv with "# requests" and a "Total" row
// (the layout of locust 0.13's write_csv_files).
TEST(FormatVariants, Locust0RequestsAndDistribution)
{
    const QByteArray requests =
        "\"Method\",\"Name\",\"# requests\",\"# failures\",\"Median response time\",\"Average response time\","
        "\"Min response time\",\"Max response time\",\"Average Content Size\",\"Requests/s\"\r\n"
        "\"GET\",\"/\",\"2471\",\"3\",\"150\",\"182\",\"61\",\"1630\",\"2308\",\"41.19\"\r\n"
        "\"None\",\"Total\",\"2471\",\"3\",\"150\",\"182\",\"61\",\"1630\",\"2308\",\"41.19\"\r\n";
    EXPECT_EQ(detected(requests, QStringLiteral("x_requests.csv")), QStringLiteral("locust"));
    const ImportResult r = parseBytesWith(QStringLiteral("locust"), requests, QStringLiteral("x_requests.csv"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 2471);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 3);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 182);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 41.19);
    const QByteArray distribution =
        "\"Name\",\"# requests\",\"50%\",\"66%\",\"75%\",\"80%\",\"90%\",\"95%\",\"98%\",\"99%\",\"100%\"\r\n"
        "\"GET /\",2471,150,190,220,240,330,440,600,740,1600\r\n"
        "\"None Total\",2471,150,190,220,240,330,440,600,740,1600\r\n";
    const ImportResult d = parseBytesWith(QStringLiteral("locust"), distribution, QStringLiteral("x_distribution.csv"));
    EXPECT_DOUBLE_EQ(d.metrics.value(QStringLiteral("http.latency_p95_ms")), 440);
    EXPECT_DOUBLE_EQ(d.metrics.value(QStringLiteral("http.latency_p99_ms")), 740);
}

// summaryTrendStats may ask for "count": a number of samples, never a time in ms.
TEST(FormatVariants, K6TrendCountIsNotATime)
{
    HEADROOM_FIXTURE(path, "k6/k6-reporter_handleSummary_data.json");
    QJsonObject root = QJsonDocument::fromJson(readFile(path)).object();
    QJsonObject metrics = root.value(QStringLiteral("metrics")).toObject();
    QJsonObject duration = metrics.value(QStringLiteral("http_req_duration")).toObject();
    QJsonObject values = duration.value(QStringLiteral("values")).toObject();
    values.insert(QStringLiteral("count"), 6702);
    duration.insert(QStringLiteral("values"), values);
    metrics.insert(QStringLiteral("http_req_duration"), duration);
    root.insert(QStringLiteral("metrics"), metrics);
    const ImportResult r = parseBytesWith(QStringLiteral("k6"), QJsonDocument(root).toJson(), QStringLiteral("summary.json"));
    for (const auto& m : r.measurements) EXPECT_FALSE(m.metric.contains(QStringLiteral("count_ms"))) << m.metric.toStdString();
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("http.latency_count_ms")));
    const Measurement* count = findMeasurement(r, QStringLiteral("k6.http_req_duration_count"));
    ASSERT_NE(count, nullptr);
    EXPECT_DOUBLE_EQ(count->value, 6702);
    EXPECT_TRUE(count->unit.isEmpty());
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 30.0256841);
}

// Current systemd: firmware and loader times, and a period after "in userspace".
TEST(FormatVariants, SystemdAnalyzeOfCurrentSystemd)
{
    const QByteArray text = "Startup finished in 8.131s (firmware) + 3.914s (loader) + 1.856s (kernel) + 1.475s (initrd) + "
                            "15.123s (userspace) = 30.500s\ngraphical.target reached after 15.078s in userspace.\n";
    EXPECT_EQ(detected(text, QStringLiteral("boot.txt")), QStringLiteral("systemd-analyze"));
    const ImportResult r = parseBytesWith(QStringLiteral("systemd-analyze"), text);
    ASSERT_EQ(r.leadTimeEvents.size(), 1);
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].durationS, 30.5);
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].labels.value(QStringLiteral("firmware_s")).toDouble(), 8.131);
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].labels.value(QStringLiteral("loader_s")).toDouble(), 3.914);
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].labels.value(QStringLiteral("initrd_s")).toDouble(), 1.475);
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].labels.value(QStringLiteral("graphical.target_reached_after_userspace_s")).toDouble(), 15.078);
    EXPECT_TRUE(r.warnings.isEmpty());
}

// systemd before 220 worded critical-chain's header differently.
TEST(FormatVariants, SystemdAnalyzeOldCriticalChainHeader)
{
    const QByteArray text = "The time after the unit is active or started is printed after the \"@\" character.\n"
                            "The time the unit takes to start is printed after the \"+\" character.\n\n"
                            "multi-user.target @47.820s\n"
                            "\u2514\u2500pmie.service @35.968s +548ms\n"
                            "  \u2514\u2500pmcd.service @33.715s +2.247s\n";
    EXPECT_EQ(detected(text, QStringLiteral("chain.txt")), QStringLiteral("systemd-analyze"));
    const ImportResult r = parseBytesWith(QStringLiteral("systemd-analyze"), text);
    ASSERT_EQ(r.leadTimeEvents.size(), 1);
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].durationS, 47.82);
    const Measurement* pmcd = findMeasurement(r, QStringLiteral("boot.unit_start_s"), QStringLiteral("unit"), QStringLiteral("pmcd.service"));
    ASSERT_NE(pmcd, nullptr);
    EXPECT_DOUBLE_EQ(pmcd->value, 2.247);
    EXPECT_FALSE(warns(r, QStringLiteral("input ended early")));
}
