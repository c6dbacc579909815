#include "benchmark_parse.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Values below were read off the fixture files (fio JSON), converted by hand: ns / 1e6 = ms,
// µs / 1e3 = ms, KiB/s * 1024 = B/s.

TEST(FioImport, Fio330TwoGroupsTakesLatPercentilesWhenPresent)
{
    HEADROOM_FIXTURE(path, "fio/gcsfuse_fio-3.30_multiple_jobs.json");
    const ImportResult r = parseWith(QStringLiteral("fio"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("fio-3.30"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 88.851558);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_bw_bytes_per_s")), 106170722.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_iops")), 34.641075);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_bw_bytes_per_s")), 41972238.0);
    // lat_ns has a percentile map here (lat_percentiles), so total latency is reported.
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_lat_p50_ms")), 387.97312);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_lat_p99_ms")), 893.386752);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_lat_p99_9_ms")), 1635.77856);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("disk.read_lat_mean_ms")), 21799.839057909954, 1e-6);
    // The idle directions (write of job 1, read of job 2, trims) are skipped.
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("disk.trim_iops")));
    const Measurement* m = findMeasurement(r, QStringLiteral("disk.write_iops"), QStringLiteral("job"), QStringLiteral("2_thread"));
    ASSERT_NE(m, nullptr);
    EXPECT_DOUBLE_EQ(m->value, 34.641075);
    EXPECT_EQ(findMeasurement(r, QStringLiteral("disk.write_iops"), QStringLiteral("job"), QStringLiteral("1_thread")), nullptr);
}

TEST(FioImport, Fio326ClatPercentilesWhenLatHasNone)
{
    HEADROOM_FIXTURE(path, "fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json");
    const ImportResult r = parseWith(QStringLiteral("fio"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("fio-3.26-19-ge7e53"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 569.699415);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_bw_bytes_per_s")), 149343283.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_iops")), 256.606819);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_lat_p50_ms")), 99.090432);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_lat_p99_ms")), 104.333312);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_lat_p95_ms")), 103.284736);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_lat_p99_ms")), 151.864912);
    const Measurement* m = findMeasurement(r, QStringLiteral("disk.read_lat_p99_ms"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->labels.value(QStringLiteral("latency")).toString(), QStringLiteral("clat"));
    EXPECT_EQ(m->labels.value(QStringLiteral("job")).toString(), QStringLiteral("disk_fill"));
}

TEST(FioImport, Fio214LegacyMicrosecondsFiveJobs)
{
    HEADROOM_FIXTURE(path, "fio/pkb_fio-2.1.4_5jobs_legacy_usec.json");
    const ImportResult r = parseWith(QStringLiteral("fio"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("fio-2.1.4"));
    // Summed over the jobs that did reads (253 + 317 + 323) and writes (133 + 1610).
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 893.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_iops")), 1743.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_bw_bytes_per_s")), (129836.0 + 1269.0 + 1292.0) * 1024.0);
    // Percentiles of several jobs without bins cannot be combined: per-job only, with a warning.
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("disk.read_lat_p99_ms")));
    EXPECT_FALSE(r.warnings.isEmpty());
    const Measurement* m = findMeasurement(r, QStringLiteral("disk.read_lat_p99_ms"), QStringLiteral("job"), QStringLiteral("random_read_test"));
    ASSERT_NE(m, nullptr);
    EXPECT_DOUBLE_EQ(m->value, 3.728);  // 3728 µs
    const Measurement* w = findMeasurement(r, QStringLiteral("disk.write_lat_p50_ms"), QStringLiteral("job"), QStringLiteral("sequential_write"));
    ASSERT_NE(w, nullptr);
    EXPECT_DOUBLE_EQ(w->value, 444.416);  // 444416 µs
    EXPECT_EQ(r.measurements.size(), 5 * (2 + 1 + 6));  // 5 active job directions × (iops, bw, mean, 6 percentiles)
}

TEST(FioImport, NoteBeforeJsonAndNormalOutputAfterAreSkipped)
{
    HEADROOM_FIXTURE(path, "fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json");
    const QByteArray wrapped = "note: both iodepth >= 1 and synchronous I/O engine are selected, queue depth will be capped at 1\n" +
                               readFile(path) + "\nRun status group 0 (all jobs):\n   READ: bw=142MiB/s [x]\n";
    const ImportResult r = parseBytesWith(QStringLiteral("fio"), wrapped);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 569.699415);
}

TEST(FioImport, BrokenInputGivesPositionOrPath)
{
    HEADROOM_FIXTURE(path, "fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json");
    const QByteArray good = readFile(path);
    const QString fio = QStringLiteral("fio");

    auto truncated = inputErrorOf(fio, good.left(good.size() / 2), QStringLiteral("cut.json"));
    ASSERT_TRUE(truncated);
    EXPECT_TRUE(truncated->where().startsWith(QStringLiteral("cut.json:"))) << truncated->text().toStdString();
    EXPECT_TRUE(truncated->where().count(QLatin1Char(':')) == 2) << "line and column expected: " << truncated->where().toStdString();

    auto empty = inputErrorOf(fio, QByteArray());
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->message().contains(QStringLiteral("empty")));

    auto garbage = inputErrorOf(fio, QByteArray("\x7F" "ELF\x02\x01\x01\x00\x00\x00\xff\xfe", 12));
    ASSERT_TRUE(garbage);

    auto utf16 = inputErrorOf(fio, QByteArray("\xFF\xFE", 2) + QByteArray("{\0\"\0f\0i\0o\0", 10));
    ASSERT_TRUE(utf16);
    EXPECT_TRUE(utf16->message().contains(QStringLiteral("UTF-16"))) << utf16->text().toStdString();

    auto wrongFormat = inputErrorOf(fio, R"({"start": {}, "intervals": [], "end": {}})");
    ASSERT_TRUE(wrongFormat);
    EXPECT_EQ(wrongFormat->where(), QStringLiteral("input: $.jobs"));

    QByteArray badIops = good;
    badIops.replace("\"iops\" : 569.699415", "\"iops\" : \"fast\"");
    auto typed = inputErrorOf(fio, badIops);
    ASSERT_TRUE(typed);
    EXPECT_EQ(typed->where(), QStringLiteral("input: $.jobs[0].read.iops"));

    // Huge numbers are read as doubles, not overflowed or refused.
    QByteArray huge = good;
    huge.replace("\"iops\" : 569.699415", "\"iops\" : 1e300");
    EXPECT_DOUBLE_EQ(parseBytesWith(fio, huge).metrics.value(QStringLiteral("disk.read_iops")), 1e300);

    // CRLF line ends and a BOM change nothing.
    QByteArray crlf = good;
    crlf.replace("\n", "\r\n");
    EXPECT_DOUBLE_EQ(parseBytesWith(fio, "\xEF\xBB\xBF" + crlf).metrics.value(QStringLiteral("disk.write_iops")), 256.606819);
}
