#include "benchmark_parse.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Means and sample standard deviations below were computed from the "values" of every run in
// the fixture files with Python's statistics.mean / statistics.stdev (the calibration run has
// no values).

TEST(PyperfImport, PyperformanceTelcoSkipsCalibrationRun)
{
    HEADROOM_FIXTURE(path, "pyperf/pyperformance_py36_telco.json");
    const ImportResult r = parseWith(QStringLiteral("pyperf"), path);
    EXPECT_EQ(r.node, QStringLiteral("apu"));  // metadata.hostname
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.telco_mean_s")), 0.010728652643820169, 1e-15);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.telco_stdev_s")), 0.000520884191624395, 1e-15);
    const Measurement* m = findMeasurement(r, QStringLiteral("py.telco_mean_s"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->labels.value(QStringLiteral("values")).toInt(), 60);  // 20 runs × 3 values
    EXPECT_EQ(m->unit, QStringLiteral("s"));
}

TEST(PyperfImport, ThreeBenchmarksInOneFile)
{
    HEADROOM_FIXTURE(path, "pyperf/pyperf_mult_list_py36_tags.json");
    const ImportResult r = parseWith(QStringLiteral("pyperf"), path);
    EXPECT_EQ(r.measurements.size(), 6);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.1_1000_mean_s")), 2.1270022359187735e-06, 1e-18);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.1_1000_stdev_s")), 6.300784634658051e-08, 1e-18);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.1_2_1000_mean_s")), 3.704373486357326e-06, 1e-18);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.1_2_3_1000_stdev_s")), 1.3461384560146932e-07, 1e-18);
    const Measurement* m = findMeasurement(r, QStringLiteral("py.1_2_3_1000_mean_s"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->labels.value(QStringLiteral("benchmark")).toString(), QStringLiteral("[1,2,3]*1000"));
}

TEST(PyperfImport, TrackMemoryIsInBytes)
{
    HEADROOM_FIXTURE(path, "pyperf/pyperf_track_memory_bytes.json");
    const ImportResult r = parseWith(QStringLiteral("pyperf"), path);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("py.timeit_mean_bytes")), 7368704.0);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.timeit_stdev_bytes")), 10836.997370120564, 1e-9);
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("py.timeit_mean_s")));
}

TEST(PyperfImport, LegacyPerformance03NameInTopLevelMetadata)
{
    HEADROOM_FIXTURE(path, "pyperf/pyperformance_0.3_minimal_legacy.json");
    const ImportResult r = parseWith(QStringLiteral("pyperf"), path);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.call_simple_mean_s")), 0.0140475365, 1e-15);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("py.call_simple_stdev_s")), 0.0013287073001224078, 1e-15);
}

TEST(PyperfImport, BrokenInput)
{
    HEADROOM_FIXTURE(path, "pyperf/pyperformance_0.3_minimal_legacy.json");
    const QByteArray good = readFile(path);
    const QString py = QStringLiteral("pyperf");
    auto cut = inputErrorOf(py, good.left(100), QStringLiteral("p.json"));
    ASSERT_TRUE(cut);
    EXPECT_TRUE(cut->where().startsWith(QStringLiteral("p.json:1:"))) << cut->text().toStdString();
    QByteArray badValue = good;
    badValue.replace("0.013512941", "\"slow\"");
    auto value = inputErrorOf(py, badValue, QStringLiteral("p.json"));
    ASSERT_TRUE(value);
    EXPECT_EQ(value->where(), QStringLiteral("p.json: $.benchmarks[0].runs[0].values[1]"));
    QByteArray noName = good;
    noName.replace("\"name\":\"call_simple\",", "");
    auto name = inputErrorOf(py, noName);
    ASSERT_TRUE(name);
    EXPECT_EQ(name->where(), QStringLiteral("input: $.benchmarks[0].metadata.name"));
    auto gz = inputErrorOf(py, QByteArray("\x1f\x8b\x08\x00\x12\x34\x56\x78", 8));
    ASSERT_TRUE(gz);
    EXPECT_TRUE(gz->message().contains(QStringLiteral("gzip")));
    ASSERT_TRUE(inputErrorOf(py, QByteArray()));
    ASSERT_TRUE(inputErrorOf(py, QByteArray("\xFF\xFE{\0\"\0b\0", 8)));
    auto wrong = inputErrorOf(py, R"({"version": "1.0", "metadata": {}})");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->where(), QStringLiteral("input: $.benchmarks"));
    QByteArray huge = good;
    huge.replace("[0.013479645,0.013512941]", "[1e300,1e300]");
    huge.replace("{\"values\":[", "\r\n{\"values\":[");
    const ImportResult big = parseBytesWith(py, "\xEF\xBB\xBF" + huge);
    EXPECT_GT(big.metrics.value(QStringLiteral("py.call_simple_mean_s")), 1e298);
}
