// Large generic CSV files stream: read in chunks, samples written as they are parsed, inside
// the file's one transaction, with memory that does not grow with the file.
#include "core/errors.h"
#include "import/import_service.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <string>

using namespace headroom;
using namespace headroom::test;

namespace {

constexpr int kNodes = 4;
constexpr int kMetrics = 5;
const char* const kMetricNames[kMetrics] = {"cpu.util_pct", "mem.used_bytes", "net.rx_bytes", "disk.read_iops", "rps"};
constexpr long long kStart = 1709294400;  // 2024-03-01T12:00:00Z

// The value the generator writes for one cell; the assertions recompute it independently of
// the importer.
double cellValue(long long step, int node, int metric) { return double(step % 1000) + node * 0.25 + metric * 100; }

// A long-layout CSV: one row per (time step, node, metric), ~40 bytes a row.
qint64 writeLongCsv(const QString& path, long long steps)
{
    std::FILE* f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f) return -1;
    static char buffer[1 << 20];
    std::setvbuf(f, buffer, _IOFBF, sizeof buffer);
    std::fputs("timestamp,host,metric,value\n", f);
    for (long long s = 0; s < steps; ++s) {
        const std::time_t t = std::time_t(kStart + s);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char time[32];
        std::strftime(time, sizeof time, "%Y-%m-%dT%H:%M:%SZ", &tm);
        for (int n = 0; n < kNodes; ++n)
            for (int m = 0; m < kMetrics; ++m) std::fprintf(f, "%s,node-%d,%s,%.2f\n", time, n, kMetricNames[m], cellValue(s, n, m));
    }
    const qint64 size = std::ftell(f);
    std::fclose(f);
    return size;
}

qint64 count(Workspace& ws, const char* table)
{
    return sql::scalar(ws.database(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong();
}

QString sha256OfFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// Peak resident memory of this process so far, in KiB (Linux).
qint64 peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    const QRegularExpression hwm(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    const auto m = hwm.match(QString::fromLatin1(status.readAll()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

}  // namespace

// Run by the memory test below in a child process of this executable: imports one file and
// prints the peak resident memory just before exiting. Skipped when run on its own.
TEST(CsvStreamingChild, ImportsTheNamedFile)
{
    const QString csv = qEnvironmentVariable("HEADROOM_STREAMING_CSV");
    const QString workspace = qEnvironmentVariable("HEADROOM_STREAMING_WS");
    if (csv.isEmpty() || workspace.isEmpty()) GTEST_SKIP() << "only run as the child of CsvStreaming.PeakMemory";
    auto ws = Workspace::open(workspace);
    const ImportOutcome outcome = importFile(*ws, ImportRequest{csv, {}, {}, {}});
    std::printf("SAMPLES=%lld\nVMHWM_KB=%lld\n", (long long)outcome.samples, (long long)peakResidentKiB());
    std::fflush(stdout);
}

TEST(CsvStreaming, LargeFileLandsCompletelyAndRepeatsAreDuplicates)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("large.csv"));
    const long long steps = 200000;  // 4 million rows, about 170 MB
    const qint64 size = writeLongCsv(csv, steps);
    ASSERT_GT(size, 128LL * 1024 * 1024) << "must be above the streaming threshold";

    TempWorkspace tw;
    const ImportOutcome outcome = importFile(tw.ws(), ImportRequest{csv, {}, {}, {}});
    const qint64 rows = steps * kNodes * kMetrics;
    EXPECT_FALSE(outcome.duplicate);
    EXPECT_EQ(outcome.format, QStringLiteral("csv"));
    EXPECT_EQ(outcome.samples, rows);
    EXPECT_EQ(outcome.series, kNodes * kMetrics);
    EXPECT_EQ(count(tw.ws(), "sample"), rows);
    EXPECT_EQ(count(tw.ws(), "series"), kNodes * kMetrics);
    QSqlDatabase db = tw.ws().database();
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT sha256 FROM dataset WHERE id = ?"), {outcome.datasetId}).toString(),
              sha256OfFile(csv));
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT json_extract(labels, '$.layout') FROM dataset")).toString(),
              QStringLiteral("long"));
    // The sample index was rebuilt after the load.
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sample_by_series'")).toInt(), 1);

    // A few cells: first row, one in the middle, the very last row of the file.
    struct Cell { long long step; int node; int metric; };
    for (const Cell c : {Cell{0, 0, 0}, Cell{123457, 2, 3}, Cell{steps - 1, kNodes - 1, kMetrics - 1}}) {
        const QVariant v = sql::scalar(db, QStringLiteral(
            "SELECT x.value FROM sample x JOIN series s ON s.id = x.series_id "
            "WHERE s.node = ? AND s.metric = ? AND x.t = ?"),
            {QStringLiteral("node-%1").arg(c.node), QString::fromLatin1(kMetricNames[c.metric]), double(kStart + c.step)});
        ASSERT_TRUE(v.isValid()) << c.step << " " << c.node << " " << c.metric;
        EXPECT_DOUBLE_EQ(v.toDouble(), cellValue(c.step, c.node, c.metric));
    }
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sample x JOIN series s ON s.id = x.series_id "
                                             "WHERE s.node = 'node-1' AND s.metric = 'rps'")).toLongLong(), steps);

    // The same bytes again: found by the hash computed while streaming, rolled back, reported.
    const ImportOutcome again = importFile(tw.ws(), ImportRequest{csv, {}, {}, {}});
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.datasetId, outcome.datasetId);
    EXPECT_EQ(count(tw.ws(), "dataset"), 1);
    EXPECT_EQ(count(tw.ws(), "sample"), rows);
}

TEST(CsvStreaming, PeakMemoryStaysFlat)
{
#if defined(__SANITIZE_ADDRESS__) || (defined(__has_feature) && __has_feature(address_sanitizer))
    GTEST_SKIP() << "resident memory under AddressSanitizer counts its shadow memory and quarantine; "
                    "the release suite measures this";
#endif
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("large.csv"));
    const long long steps = 200000;
    const qint64 size = writeLongCsv(csv, steps);
    ASSERT_GT(size, 150LL * 1024 * 1024);
    TempWorkspace tw;
    const QString workspace = tw.path();
    tw.close();

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEADROOM_STREAMING_CSV"), csv);
    env.insert(QStringLiteral("HEADROOM_STREAMING_WS"), workspace);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--gtest_filter=CsvStreamingChild.*")});
    ASSERT_TRUE(child.waitForFinished(300000));
    const QString out = QString::fromLocal8Bit(child.readAllStandardOutput());
    ASSERT_EQ(child.exitCode(), 0) << out.toStdString() << child.readAllStandardError().toStdString();
    const auto samples = QRegularExpression(QStringLiteral("SAMPLES=(\\d+)")).match(out);
    const auto peak = QRegularExpression(QStringLiteral("VMHWM_KB=(\\d+)")).match(out);
    ASSERT_TRUE(samples.hasMatch() && peak.hasMatch()) << out.toStdString();
    EXPECT_EQ(samples.captured(1).toLongLong(), steps * kNodes * kMetrics);
    // Reading the file whole would alone take its ~170 MB, plus 16 bytes per sample (64 MB) in
    // the parsed vectors. Streaming needs a 4 MiB chunk, 32 MiB of SQLite page cache, the
    // per-series bookkeeping and the libraries' baseline (~20 MB): 120 MB leaves room for
    // allocator slack while staying far below what a whole-file read needs.
    const qint64 peakKiB = peak.captured(1).toLongLong();
    std::printf("peak resident memory importing %lld MB: %lld KiB\n", (long long)(size >> 20), (long long)peakKiB);
    EXPECT_LT(peakKiB, 120 * 1024);
}

namespace {

// A smaller file through the streaming path (threshold 0) with one broken line near its end.
void expectLateErrorLeavesNothing(const QByteArray& lastLines, const QString& where, const QString& what)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("broken.csv"));
    const long long steps = 10000;  // 200000 rows, lines 2..200001
    ASSERT_GT(writeLongCsv(csv, steps), 0);
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(lastLines);
    f.close();

    TempWorkspace tw;
    ImportRequest request{csv, {}, {}, {}};
    request.streamAboveBytes = 0;
    try {
        importFile(tw.ws(), request);
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), csv + where);
        EXPECT_TRUE(e.message().contains(what)) << e.text().toStdString();
    }
    EXPECT_EQ(count(tw.ws(), "dataset"), 0);
    EXPECT_EQ(count(tw.ws(), "series"), 0);
    EXPECT_EQ(count(tw.ws(), "sample"), 0);
}

}  // namespace

TEST(CsvStreaming, BadValueOnALateLineNamesItAndLeavesNothing)
{
    // Line 200002: time (21 characters incl. the comma) + "node-0," (7) puts the metric at
    // column 29 and "x" after "cpu.util_pct," at column 42.
    expectLateErrorLeavesNothing("2024-03-03T19:33:20Z,node-0,cpu.util_pct,12.5x\n", QStringLiteral(":200002:42"),
                                 QStringLiteral("expected a finite number, got '12.5x'"));
}

TEST(CsvStreaming, TruncatedLastRowNamesItsLineAndLeavesNothing)
{
    expectLateErrorLeavesNothing("2024-03-03T19:33:20Z,node-0,cpu.util_pct,1\n2024-03-03T19:33:20Z,node-1,cpu.u",
                                 QStringLiteral(":200003:1"), QStringLiteral("expected 4 fields as in the header, got 3"));
}

TEST(CsvStreaming, SameResultAsTheInMemoryPath)
{
    // Wide layout, a column of only empty cells (dropped by both paths), NA values, CRLF, a BOM,
    // a node column and quoted cells.
    const QByteArray text = "\xEF\xBB\xBF" "time;node;cpu;empty;\"rps\"\r\n"
                            "2024-03-01T12:00:00Z;a;1.5;;10\r\n"
                            "2024-03-01T12:00:10Z;a;NA;;\"20\"\r\n"
                            "2024-03-01T12:00:00Z;b;3;NA;30\r\n";
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("wide.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();

    auto dump = [](Workspace& ws) {
        QStringList rows;
        QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
            "SELECT s.node, s.metric, x.t, x.value FROM sample x JOIN series s ON s.id = x.series_id "
            "ORDER BY s.node, s.metric, x.t"));
        while (q.next())
            rows << QStringLiteral("%1 %2 %3 %4").arg(q.value(0).toString(), q.value(1).toString()).arg(qint64(q.value(2).toDouble())).arg(q.value(3).toDouble());
        return rows;
    };
    TempWorkspace inMemory;
    const ImportOutcome a = importFile(inMemory.ws(), ImportRequest{csv, {}, {}, {}});
    TempWorkspace streamed;
    ImportRequest request{csv, {}, {}, {}};
    request.streamAboveBytes = 0;
    const ImportOutcome b = importFile(streamed.ws(), request);

    // Read off the text above: a/cpu 1.5, a/rps 10 and 20, b/cpu 3, b/rps 30.
    const QStringList expected{QStringLiteral("a cpu 1709294400 1.5"), QStringLiteral("a rps 1709294400 10"),
                               QStringLiteral("a rps 1709294410 20"), QStringLiteral("b cpu 1709294400 3"),
                               QStringLiteral("b rps 1709294400 30")};
    EXPECT_EQ(dump(inMemory.ws()), expected);
    EXPECT_EQ(dump(streamed.ws()), expected);
    EXPECT_EQ(a.samples, 5);
    EXPECT_EQ(b.samples, 5);
    EXPECT_EQ(a.series, 4);
    EXPECT_EQ(b.series, 4);
    EXPECT_EQ(a.warnings.size(), b.warnings.size());
    EXPECT_EQ(count(streamed.ws(), "series"), 4);
    const QString sha = sha256OfFile(csv);
    EXPECT_EQ(sql::scalar(streamed.ws().database(), QStringLiteral("SELECT sha256 FROM dataset")).toString(), sha);
    EXPECT_EQ(sql::scalar(inMemory.ws().database(), QStringLiteral("SELECT sha256 FROM dataset")).toString(), sha);
    EXPECT_EQ(sql::scalar(streamed.ws().database(), QStringLiteral("SELECT warnings FROM dataset")).toString(),
              sql::scalar(inMemory.ws().database(), QStringLiteral("SELECT warnings FROM dataset")).toString());
}
