#include "benchmark_parse.h"
#include "support/fixtures.h"

#include "import/importer_registry.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Values below were read off the fixture files (fio JSON), converted by hand: ns / 1e6 = ms,
// µs / 1e3 = ms, KiB/s * 1024 = B/s.

// Job 1_thread (groupid 0) and 2_thread (groupid 1) ran one after the other: each is kept on its
// own, and no headline is made from either.
TEST(FioImport, Fio330TwoGroupsAreKeptApartAndTakeLatPercentilesWhenPresent)
{
    HEADROOM_FIXTURE(path, "fio/gcsfuse_fio-3.30_multiple_jobs.json");
    const ImportResult r = parseWith(QStringLiteral("fio"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("fio-3.30"));
    EXPECT_TRUE(r.metrics.isEmpty());
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 2);
    ASSERT_FALSE(r.warnings.isEmpty());
    EXPECT_TRUE(r.warnings.back().message.contains(QStringLiteral("2 separate groups"))) << r.warnings.back().message.toStdString();
    const auto value = [&r](const char* metric, const char* job) {
        const Measurement* m = findMeasurement(r, QLatin1String(metric), QStringLiteral("job"), QLatin1String(job));
        return m ? m->value : -1.0;
    };
    EXPECT_DOUBLE_EQ(value("disk.read_iops", "1_thread"), 88.851558);
    EXPECT_DOUBLE_EQ(value("disk.read_bw_bytes_per_s", "1_thread"), 106170722.0);
    EXPECT_DOUBLE_EQ(value("disk.write_iops", "2_thread"), 34.641075);
    EXPECT_DOUBLE_EQ(value("disk.write_bw_bytes_per_s", "2_thread"), 41972238.0);
    // lat_ns has a percentile map here (lat_percentiles), so total latency is reported.
    EXPECT_DOUBLE_EQ(value("disk.read_lat_p50_ms", "1_thread"), 387.97312);
    EXPECT_DOUBLE_EQ(value("disk.read_lat_p99_ms", "1_thread"), 893.386752);
    EXPECT_DOUBLE_EQ(value("disk.write_lat_p99_9_ms", "2_thread"), 1635.77856);
    EXPECT_NEAR(value("disk.read_lat_mean_ms", "1_thread"), 21799.839057909954, 1e-6);
    // The idle directions (write of job 1, read of job 2, trims) are skipped.
    EXPECT_EQ(findMeasurement(r, QStringLiteral("disk.trim_iops")), nullptr);
    EXPECT_EQ(findMeasurement(r, QStringLiteral("disk.write_iops"), QStringLiteral("job"), QStringLiteral("1_thread")), nullptr);
    EXPECT_EQ(findMeasurement(r, QStringLiteral("disk.write_iops"), QStringLiteral("job"), QStringLiteral("2_thread"))->labels.value(QStringLiteral("groupid")).toInt(), 1);
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

// Five jobs in five stonewalled groups (groupid 0…4) that ran one after another: the read IOPS
// 253, 317 and 323 were never reached together, so they are not summed into 893.
TEST(FioImport, Fio214FiveStonewalledGroupsAreNeverSummed)
{
    HEADROOM_FIXTURE(path, "fio/pkb_fio-2.1.4_5jobs_legacy_usec.json");
    const ImportResult r = parseWith(QStringLiteral("fio"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("fio-2.1.4"));
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("disk.read_iops")));
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("disk.write_iops")));
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 5);
    ASSERT_FALSE(r.warnings.isEmpty());
    EXPECT_TRUE(r.warnings.back().message.contains(QStringLiteral("groupid 0, 1, 2, 3, 4"))) << r.warnings.back().message.toStdString();
    const Measurement* seq = findMeasurement(r, QStringLiteral("disk.read_iops"), QStringLiteral("job"), QStringLiteral("sequential_read"));
    ASSERT_NE(seq, nullptr);
    EXPECT_DOUBLE_EQ(seq->value, 253.0);
    EXPECT_EQ(seq->labels.value(QStringLiteral("groupid")).toInt(), 1);
    const Measurement* m = findMeasurement(r, QStringLiteral("disk.read_lat_p99_ms"), QStringLiteral("job"), QStringLiteral("random_read_test"));
    ASSERT_NE(m, nullptr);
    EXPECT_DOUBLE_EQ(m->value, 3.728);  // 3728 µs
    const Measurement* w = findMeasurement(r, QStringLiteral("disk.write_lat_p50_ms"), QStringLiteral("job"), QStringLiteral("sequential_write"));
    ASSERT_NE(w, nullptr);
    EXPECT_DOUBLE_EQ(w->value, 444.416);  // 444416 µs
    EXPECT_EQ(r.measurements.size(), 5 * (2 + 1 + 6));  // 5 active job directions × (iops, bw, mean, 6 percentiles)
}

// The same file with its keys sorted (jq -S puts "disk_util" before "fio version") and with the
// version under the key some early fio 2.0 builds wrote.
TEST(FioImport, KeysInAnyOrderAndOldVersionKey)
{
    HEADROOM_FIXTURE(path, "fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json");
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(path));  // QJsonDocument sorts keys
    QByteArray sorted = doc.toJson(QJsonDocument::Indented);
    ASSERT_LT(sorted.indexOf("\"disk_util\""), sorted.indexOf("\"fio version\""));
    ImportResult r = parseBytesWith(QStringLiteral("fio"), sorted);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 569.699415);
    r = parseBytesWith(QStringLiteral("fio"), doc.toJson(QJsonDocument::Compact));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_iops")), 256.606819);
    sorted.replace("\"fio version\"", "\"fioversion\"");
    EXPECT_EQ(ImporterRegistry::instance().detect(sorted, QStringLiteral("x.json"))->name(), QStringLiteral("fio"));
    r = parseBytesWith(QStringLiteral("fio"), sorted);
    EXPECT_EQ(r.toolVersion, QStringLiteral("fio-3.26-19-ge7e53"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 569.699415);
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
