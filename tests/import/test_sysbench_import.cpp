#include "benchmark_parse.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Expected values are the numbers printed in the fixture files.

TEST(SysbenchImport, Oltp1012IntervalsAndHundredthPercentile)
{
    HEADROOM_FIXTURE(path, "sysbench/pkb_sysbench-1.0.12_oltp_intervals.txt");
    const ImportResult r = parseWith(QStringLiteral("sysbench"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("sysbench 1.0.12"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.tps")), 986.49);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.qps")), 19730.45);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.errors_per_s")), 0.03);
    // --percentile=100: the label follows the file.
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.latency_p100_ms")), 116.80);
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("db.latency_p95_ms")));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.latency_mean_ms")), 16.21);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.latency_max_ms")), 115.78);

    const Series* tps = findSeries(r, QStringLiteral("db.tps"));
    ASSERT_NE(tps, nullptr);
    ASSERT_EQ(tps->t.size(), 15u);
    EXPECT_DOUBLE_EQ(tps->t.front(), 2);
    EXPECT_DOUBLE_EQ(tps->v.front(), 1012.86);
    EXPECT_DOUBLE_EQ(tps->t.back(), 30);
    EXPECT_DOUBLE_EQ(tps->v.back(), 957.96);
    EXPECT_TRUE(tps->labels.value(QStringLiteral("relative_time")).toBool());
    const Series* lat = findSeries(r, QStringLiteral("db.latency_p100_ms"));
    ASSERT_NE(lat, nullptr);
    EXPECT_DOUBLE_EQ(lat->v.at(6), 106.75);  // [ 14s ]
    const Series* err = findSeries(r, QStringLiteral("db.errors_per_s"));
    ASSERT_NE(err, nullptr);
    EXPECT_DOUBLE_EQ(err->v.at(4), 0.50);  // [ 10s ]
}

TEST(SysbenchImport, Oltp11WithBomAndNoFinalNewline)
{
    HEADROOM_FIXTURE(path, "sysbench/virtualclient_sysbench-1.1.0_oltp_bom.txt");
    const ImportResult r = parseWith(QStringLiteral("sysbench"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("sysbench 1.1.0-df89d34"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.tps")), 143.01);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.qps")), 3657.94);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.latency_p95_ms")), 68.05);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.latency_mean_ms")), 28.97);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("db.latency_max_ms")), 720.22);
    const Measurement* m = findMeasurement(r, QStringLiteral("db.tps"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->labels.value(QStringLiteral("threads")).toInt(), 16);
}

TEST(SysbenchImport, MemoryRunOncePerCpuWithHarnessPrefix)
{
    HEADROOM_FIXTURE(path, "sysbench/pkb_sysbench-1.0.11_memory_per_cpu.txt");
    const ImportResult r = parseWith(QStringLiteral("sysbench"), path);
    // Four runs (CPU 0..3): each is kept, and no headline is made from them.
    int runs = 0;
    for (const auto& m : r.measurements)
        if (m.metric == QLatin1String("mem.mib_per_s")) ++runs;
    EXPECT_EQ(runs, 4);
    const Measurement* cpu2 = findMeasurement(r, QStringLiteral("mem.mib_per_s"), QStringLiteral("harness_prefix"), QStringLiteral("CPU 2"));
    ASSERT_NE(cpu2, nullptr);
    EXPECT_DOUBLE_EQ(cpu2->value, 5353.06);
    const Measurement* ops3 = findMeasurement(r, QStringLiteral("mem.ops_per_s"), QStringLiteral("harness_prefix"), QStringLiteral("CPU 3"));
    ASSERT_NE(ops3, nullptr);
    EXPECT_DOUBLE_EQ(ops3->value, 3902760.89);
    EXPECT_TRUE(r.metrics.isEmpty());
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 4);
    const Measurement* max0 = findMeasurement(r, QStringLiteral("mem.latency_max_ms"), QStringLiteral("harness_prefix"), QStringLiteral("CPU 0"));
    ASSERT_NE(max0, nullptr);
    EXPECT_DOUBLE_EQ(max0->value, 0.19);
    ASSERT_FALSE(r.warnings.isEmpty());
    EXPECT_TRUE(r.warnings.back().message.contains(QStringLiteral("4 sysbench runs"))) << r.warnings.back().message.toStdString();
}

TEST(SysbenchImport, BrokenInput)
{
    HEADROOM_FIXTURE(path, "sysbench/pkb_sysbench-1.0.12_oltp_intervals.txt");
    const QByteArray good = readFile(path);
    const QString sb = QStringLiteral("sysbench");

    auto noBanner = inputErrorOf(sb, "General statistics:\n    total time: 1.0s\n", QStringLiteral("x.txt"));
    ASSERT_TRUE(noBanner);
    EXPECT_EQ(noBanner->where(), QStringLiteral("x.txt:1:1"));

    ASSERT_TRUE(inputErrorOf(sb, QByteArray()));
    ASSERT_TRUE(inputErrorOf(sb, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
    auto utf16 = inputErrorOf(sb, QByteArray("s\0y\0s\0b\0e\0n\0c\0h\0 \0001\0.\0000\0", 24));
    ASSERT_TRUE(utf16);
    EXPECT_TRUE(utf16->message().contains(QStringLiteral("UTF-16")));

    // A number sysbench would never print, at a known spot: line 13 holds "[ 2s ]".
    QByteArray bad = good;
    bad.replace("tps: 1012.86", "tps: 1012.86.5");
    auto pos = inputErrorOf(sb, bad, QStringLiteral("oltp.txt"));
    ASSERT_TRUE(pos);
    EXPECT_TRUE(pos->where().startsWith(QStringLiteral("oltp.txt:13:"))) << pos->text().toStdString();

    // Truncated after the intervals: the series survive, a run without totals still imports.
    const ImportResult cut = parseBytesWith(sb, good.left(good.indexOf("SQL statistics")));
    EXPECT_NE(findSeries(cut, QStringLiteral("db.tps")), nullptr);

    // CRLF and huge numbers.
    QByteArray crlf = good;
    crlf.replace("\n", "\r\n");
    crlf.replace("(986.49 per sec.)", "(1e308 per sec.)");
    EXPECT_DOUBLE_EQ(parseBytesWith(sb, crlf).metrics.value(QStringLiteral("db.tps")), 1e308);
}

// The cpu and fileio outputs captured on this project's sample machine (data/sample).
TEST(SysbenchImport, CpuWithIntervalsFromSample)
{
    const ImportResult r = parseWith(QStringLiteral("sysbench"), projectDataPath(QStringLiteral("sample/sysbench_cpu.txt")));
    EXPECT_EQ(r.toolVersion, QStringLiteral("sysbench 1.0.20"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("cpu.events_per_s")), 1723.18);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("cpu.latency_p95_ms")), 12.30);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("cpu.latency_max_ms")), 40.28);
    const Series* eps = findSeries(r, QStringLiteral("cpu.events_per_s"));
    ASSERT_NE(eps, nullptr);
    ASSERT_EQ(eps->v.size(), 4u);
    EXPECT_DOUBLE_EQ(eps->v.front(), 1788.19);
    EXPECT_DOUBLE_EQ(eps->t.back(), 4.0);
    const Series* lat = findSeries(r, QStringLiteral("cpu.latency_p95_ms"));
    ASSERT_NE(lat, nullptr);
    EXPECT_DOUBLE_EQ(lat->v.at(1), 14.46);
}

TEST(SysbenchImport, FileioFromSample)
{
    const ImportResult r = parseWith(QStringLiteral("sysbench"), projectDataPath(QStringLiteral("sample/sysbench_fileio_rndrw.txt")));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_iops")), 1502.89);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_iops")), 1001.92);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.fsyncs_per_s")), 3232.00);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_bw_bytes_per_s")), 23.48 * 1048576.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.write_bw_bytes_per_s")), 15.66 * 1048576.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.fileio_latency_p95_ms")), 1.04);
    const Measurement* m = findMeasurement(r, QStringLiteral("disk.read_iops"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->labels.value(QStringLiteral("test")).toString(), QStringLiteral("fileio"));
}
