#include "core/errors.h"
#include "import/import_service.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

namespace {

qint64 count(Workspace& ws, const QString& table)
{
    return sql::scalar(ws.database(), QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
}

QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

}  // namespace

TEST(BenchmarkEndToEnd, SysbenchFileIsStoredAsOneDataset)
{
    HEADROOM_FIXTURE(path, "sysbench/pkb_sysbench-1.0.12_oltp_intervals.txt");
    TempWorkspace tw;
    ImportRequest request;
    request.path = path;
    request.node = QStringLiteral("db-1");
    const ImportOutcome o = importFile(tw.ws(), request);
    EXPECT_EQ(o.format, QStringLiteral("sysbench"));
    EXPECT_FALSE(o.duplicate);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("dataset")), 1);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("measurement")), o.measurements);
    // Five interval series (tps, qps, latency, errors, reconnects) of 15 points each.
    EXPECT_EQ(count(tw.ws(), QStringLiteral("series")), 5);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("sample")), 75);
    const QSqlDatabase db = tw.ws().database();
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'db.tps'")).toDouble(), 986.49);
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT s.value FROM sample s JOIN series r ON r.id = s.series_id "
                                                    "WHERE r.metric = 'db.latency_p100_ms' ORDER BY s.t DESC LIMIT 1")).toDouble(),
                     73.13);  // the [ 30s ] line
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT format FROM dataset")).toString(), QStringLiteral("sysbench"));
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT node FROM dataset")).toString(), QStringLiteral("db-1"));
    const QJsonObject metrics = QJsonDocument::fromJson(sql::scalar(db, QStringLiteral("SELECT metrics FROM dataset")).toByteArray()).object();
    EXPECT_DOUBLE_EQ(metrics.value(QStringLiteral("db.qps")).toDouble(), 19730.45);

    // The same bytes again: reported as a duplicate, not stored twice.
    const ImportOutcome again = importFile(tw.ws(), request);
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.datasetId, o.datasetId);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("dataset")), 1);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("sample")), 75);
}

TEST(BenchmarkEndToEnd, EveryFormatImportsThroughDetection)
{
    const char* const fixtures[] = {"fio/gcsfuse_fio-3.30_multiple_jobs.json", "iperf3/iperf3_plotter_iperf-3.6_tcp_4streams_60s.json",
                                    "wrk/pkb_wrk2_mixed_units.txt", "k6/k6-to-junit_out-json_ndjson_2019.json",
                                    "locust/bitcoin-api_results_stats_history.csv", "pyperf/pyperformance_py36_telco.json",
                                    "pkb/pkb_side-by-side_netperf_samples.json"};
    const char* const formats[] = {"fio", "iperf3", "wrk", "k6", "locust", "pyperf", "pkb"};
    TempWorkspace tw;
    for (size_t i = 0; i < std::size(fixtures); ++i) {
        const QString path = fixturePath(QLatin1String(fixtures[i]));
        if (path.isEmpty()) GTEST_SKIP() << "fixture folder missing";
        ImportRequest request;
        request.path = path;
        const ImportOutcome o = importFile(tw.ws(), request);
        EXPECT_EQ(o.format, QLatin1String(formats[i])) << fixtures[i];
        EXPECT_GT(o.measurements + o.samples, 0) << fixtures[i];
    }
    EXPECT_EQ(count(tw.ws(), QStringLiteral("dataset")), qint64(std::size(fixtures)));
    // iperf3's 60 interval sums plus k6's points and Locust's history rows.
    EXPECT_GT(count(tw.ws(), QStringLiteral("sample")), 60);
}

TEST(BenchmarkEndToEnd, FailingFilesLeaveNothingBehind)
{
    HEADROOM_FIXTURE(path, "fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json");
    TempWorkspace tw;
    const qint64 measurementsBefore = count(tw.ws(), QStringLiteral("measurement"));
    const QByteArray good = readFile(path);

    ImportRequest truncated;
    truncated.path = writeFile(tw.dir(), QStringLiteral("cut.json"), good.left(good.size() - 200));
    EXPECT_THROW(importFile(tw.ws(), truncated), InputError);

    ImportRequest failedRun;
    failedRun.path = writeFile(tw.dir(), QStringLiteral("iperf-error.json"),
                               "{\n\t\"start\":\t{\n\t\t\"version\":\t\"iperf 3.12\",\n\t\t\"test_start\":\t{}\n\t},\n\t\"intervals\":\t[],\n"
                               "\t\"end\":\t{},\n\t\"error\":\t\"the server is busy running a test. try again later\"\n}\n");
    try {
        importFile(tw.ws(), failedRun);
        ADD_FAILURE() << "a failed iperf3 run was imported";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.where().endsWith(QStringLiteral("$.error"))) << e.text().toStdString();
    }

    ImportRequest forced;  // the right bytes read as the wrong format
    forced.path = path;
    forced.format = QStringLiteral("wrk");
    EXPECT_THROW(importFile(tw.ws(), forced), InputError);

    EXPECT_EQ(count(tw.ws(), QStringLiteral("dataset")), 0);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("measurement")), measurementsBefore);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("series")), 0);
}

// The captured benchmark outputs in data/sample import with the format the manifest names.
TEST(BenchmarkEndToEnd, SampleInputsImport)
{
    const char* const files[][2] = {{"fio_randrw_4k_2jobs.json", "fio"},    {"sysbench_cpu.txt", "sysbench"},
                                    {"sysbench_memory.txt", "sysbench"},      {"sysbench_fileio_rndrw.txt", "sysbench"},
                                    {"iperf3_tcp_loopback.json", "iperf3"},   {"iperf3_udp_loopback.json", "iperf3"},
                                    {"wrk_python_http_server.txt", "wrk"}};
    TempWorkspace tw;
    for (const auto& f : files) {
        ImportRequest request;
        request.path = projectDataPath(QStringLiteral("sample/") + QLatin1String(f[0]));
        request.format = QLatin1String(f[1]);
        request.node = QStringLiteral("sample-host");
        const ImportOutcome o = importFile(tw.ws(), request);
        EXPECT_FALSE(o.metrics.isEmpty()) << f[0];
    }
    const QSqlDatabase db = tw.ws().database();
    // Numbers printed in the sample files.
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'cpu.events_per_s'")).toDouble(), 1723.18);
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'mem.mib_per_s'")).toDouble(), 2734.96);
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'disk.read_iops' AND "
                                                    "dataset_id = (SELECT id FROM dataset WHERE format = 'sysbench' AND name LIKE '%fileio%')")).toDouble(),
                     1502.89);
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'http.requests_per_s'")).toDouble(), 770.60);
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'disk.read_iops' AND "
                                                    "dataset_id = (SELECT id FROM dataset WHERE format = 'fio')")).toDouble(),
                     15254.545455);
    EXPECT_EQ(count(tw.ws(), QStringLiteral("dataset")), 7);
}

// A file of several wrk runs is stored with each run's measurements labelled and no headline,
// and the import says so in its outcome and in the dataset's stored warnings.
TEST(BenchmarkEndToEnd, SeveralRunsAreStoredApartAndTheImportSaysSo)
{
    const QString path = testsPath(QStringLiteral("import/real/wrk/noear_springboot_jetty_README.txt"));
    TempWorkspace tw;
    ImportRequest request;
    request.path = path;
    const ImportOutcome o = importFile(tw.ws(), request);
    EXPECT_EQ(o.format, QStringLiteral("wrk"));
    EXPECT_TRUE(o.metrics.isEmpty());
    bool said = false;
    for (const auto& w : o.warnings) said = said || w.message.contains(QStringLiteral("holds 6 wrk runs"));
    EXPECT_TRUE(said);
    const QSqlDatabase db = tw.ws().database();
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM measurement WHERE metric = 'http.requests_per_s'")).toInt(), 6);
    EXPECT_DOUBLE_EQ(sql::scalar(db, QStringLiteral("SELECT value FROM measurement WHERE metric = 'http.requests_per_s' "
                                                    "AND json_extract(labels, '$.run') = 0")).toDouble(),
                     32371.28);  // the first run's "Requests/sec:"
    const QJsonObject labels = QJsonDocument::fromJson(sql::scalar(db, QStringLiteral("SELECT labels FROM dataset")).toByteArray()).object();
    EXPECT_EQ(labels.value(QStringLiteral("runs")).toInt(), 6);
    EXPECT_TRUE(sql::scalar(db, QStringLiteral("SELECT warnings FROM dataset")).toString().contains(QStringLiteral("6 wrk runs")));
    const QJsonObject metrics = QJsonDocument::fromJson(sql::scalar(db, QStringLiteral("SELECT metrics FROM dataset")).toByteArray()).object();
    EXPECT_TRUE(metrics.isEmpty());
}
