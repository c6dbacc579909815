// sysstat sadf -d / sadf -j: fixture values read off the files, and a round trip through the
// real sadc and sadf.
#include "monitoring_test_helpers.h"

#include <QHostInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace headroom;
using namespace headroom::test;

namespace {

const double kFirstTime = 1555593619.0;  // 2019-04-18 13:20:19 UTC

void expectSysstatFixtureSeries(const ImportResult& r)
{
    EXPECT_EQ(r.node, QStringLiteral("SYSSTAT.TEST"));
    EXPECT_EQ(r.labels.value(QStringLiteral("restarts")).toInt(), 2);
    const Series* util = findSeries(r, QStringLiteral("cpu.util_pct"));
    ASSERT_NE(util, nullptr);
    ASSERT_EQ(util->t.size(), 5u);  // 4 records, a restart, 1 more
    EXPECT_DOUBLE_EQ(util->t.front(), kFirstTime);
    EXPECT_NEAR(util->v.front(), 100.0 - 82.88 - 0.12, 1e-9);     // all CPUs: %idle 82.88, %iowait 0.12
    EXPECT_NEAR(util->v.back(), 100.0 - 73.34 - 0.97, 1e-9);      // 13:54:35 after the restarts
    EXPECT_DOUBLE_EQ(util->t.back(), kFirstTime + 34 * 60 + 16);
    const Series* iowait = findSeries(r, QStringLiteral("cpu.iowait_pct"));
    ASSERT_NE(iowait, nullptr);
    EXPECT_DOUBLE_EQ(iowait->v[1], 0.48);
    const Series* steal = findSeries(r, QStringLiteral("cpu.steal_pct"));
    ASSERT_NE(steal, nullptr);
    EXPECT_EQ(steal->v.front(), 0.0);
    const Series* used = findSeries(r, QStringLiteral("mem.used_pct"));
    ASSERT_NE(used, nullptr);
    EXPECT_EQ(used->v.size(), 5u);
    EXPECT_DOUBLE_EQ(used->v.front(), 46.11);
    const Series* avail = findSeries(r, QStringLiteral("mem.available_bytes"));
    ASSERT_NE(avail, nullptr);
    EXPECT_DOUBLE_EQ(avail->v.front(), 4389516.0 * 1024);
    // Per device: sda appears in all 5 records, sdq in 3; interfaces likewise.
    const Series* sda = findSeries(r, QStringLiteral("disk.util_pct"), QStringLiteral("sda"));
    ASSERT_NE(sda, nullptr);
    EXPECT_EQ(sda->t.size(), 5u);
    const Series* sdq = findSeries(r, QStringLiteral("disk.util_pct"), QStringLiteral("sdq"));
    ASSERT_NE(sdq, nullptr);
    EXPECT_EQ(sdq->t.size(), 3u);
    const Series* virbr0 = findSeries(r, QStringLiteral("net.rx_packets_per_s"), QStringLiteral("virbr0"));
    ASSERT_NE(virbr0, nullptr);
    EXPECT_DOUBLE_EQ(virbr0->v.front(), 3.21);
    EXPECT_EQ(virbr0->t.size(), 4u);
}

}  // namespace

TEST(SysstatCsv, AllActivitiesFixture)
{
    HEADROOM_FIXTURE(path, "sysstat/sysstat_tests_expected.sadf-d_all-activities.csv");
    const ImportResult r = parseFixture(QStringLiteral("sysstat-csv"), path);
    expectSysstatFixtureSeries(r);
    ASSERT_FALSE(r.warnings.isEmpty());
    EXPECT_TRUE(r.warnings.back().message.contains(QLatin1String("proc/s")));
}

TEST(SysstatCsv, SensorsOnlyFileHasRestartAndNoKeptSeries)
{
    HEADROOM_FIXTURE(path, "sysstat/sysstat_tests_expected.data-11.6.5-sadf-d.csv");
    const ImportResult r = parseFixture(QStringLiteral("sysstat-csv"), path);
    EXPECT_EQ(r.node, QStringLiteral("linux.home"));
    EXPECT_EQ(r.labels.value(QStringLiteral("restarts")).toInt(), 1);
    EXPECT_TRUE(r.series.empty());  // fans, temperatures and voltages only
    ASSERT_EQ(r.warnings.size(), 1);
    EXPECT_TRUE(r.warnings[0].message.contains(QLatin1String("FAN")));
}

TEST(SysstatJson, AllActivitiesFixtureMatchesTheCsv)
{
    HEADROOM_FIXTURE(path, "sysstat/sysstat_tests_expected.sadf-j_all-activities.json");
    const ImportResult r = parseFixture(QStringLiteral("sysstat-json"), path);
    expectSysstatFixtureSeries(r);
}

TEST(SysstatCsv, BrokenInput)
{
    expectRefusesBrokenInput(QStringLiteral("sysstat-csv"));
    const QByteArray header = "# hostname;interval;timestamp;CPU;%usr;%nice;%sys;%iowait;%steal;%irq;%soft;%guest;%gnice;%idle\n";
    const QString value = inputErrorOf(QStringLiteral("sysstat-csv"), header + "h;10;2024-01-01 00:00:10 UTC;-1;1;0;1;x;0;0;0;0;0;98\n");
    EXPECT_TRUE(value.startsWith(QLatin1String("broken.input:2:"))) << value.toStdString();
    EXPECT_TRUE(value.contains(QLatin1String("%iowait"))) << value.toStdString();
    const QString narrow = inputErrorOf(QStringLiteral("sysstat-csv"), header + "h;10;2024-01-01 00:00:10 UTC;-1;1;0;1\n");
    EXPECT_TRUE(narrow.contains(QLatin1String("expected 14 fields"))) << narrow.toStdString();
    // Cut inside the last row (no line end): the row is not read and a warning says so.
    const ImportResult cut = parseAs(QStringLiteral("sysstat-csv"), header + "h;10;2024-01-01 00:00:10 UTC;-1;1;0;1;0;0;0;0;0;0;98\n" +
                                                                        "h;10;2024-01-01 00:00:20 UTC;-1;1;0;1;0;0;0;0;0;0;9");
    ASSERT_EQ(cut.warnings.size(), 1);
    EXPECT_TRUE(cut.warnings.front().message.contains(QLatin1String("input ended early")));
    EXPECT_EQ(cut.warnings.front().line, 3);
    for (const auto& s : cut.series) EXPECT_EQ(s.t.size(), 1u) << s.metric.toStdString();
    const QString time = inputErrorOf(QStringLiteral("sysstat-csv"), header + "h;10;yesterday;-1;1;0;1;0;0;0;0;0;0;98\n");
    EXPECT_TRUE(time.contains(QLatin1String("timestamp"))) << time.toStdString();
    const QString huge = inputErrorOf(QStringLiteral("sysstat-csv"), header + "h;10;2024-01-01 00:00:10 UTC;-1;1e999;0;1;0;0;0;0;0;0;98\n");
    EXPECT_TRUE(huge.contains(QLatin1String("expected a number"))) << huge.toStdString();
    const QString wrong = inputErrorOf(QStringLiteral("sysstat-csv"), "time,node,metric,value\n1,a,b,2\n");
    EXPECT_FALSE(wrong.isEmpty());
    // CRLF, a BOM, de_DE decimal commas and epoch timestamps (sadf -U) are read.
    const ImportResult r = parseAs(QStringLiteral("sysstat-csv"),
        "\xEF\xBB\xBF" + header.trimmed() + "\r\nh;10;1704067210;-1;1,5;0;1;0,25;0;0;0;0;0;97,25\r\n");
    const Series* util = findSeries(r, QStringLiteral("cpu.util_pct"));
    ASSERT_NE(util, nullptr);
    EXPECT_DOUBLE_EQ(util->t[0], 1704067210.0);
    EXPECT_NEAR(util->v[0], 100 - 97.25 - 0.25, 1e-9);
}

TEST(SysstatJson, BrokenInput)
{
    expectRefusesBrokenInput(QStringLiteral("sysstat-json"));
    const QString missing = inputErrorOf(QStringLiteral("sysstat-json"), R"({"sysstat":{"hosts":[{"nodename":"h"}]}})");
    EXPECT_TRUE(missing.contains(QLatin1String("$.sysstat.hosts[0].statistics"))) << missing.toStdString();
    const QString value = inputErrorOf(QStringLiteral("sysstat-json"),
        R"({"sysstat":{"hosts":[{"nodename":"h","statistics":[{"timestamp":{"date":"2024-01-01","time":"00:00:10"},"cpu-load":[{"cpu":"all","idle":"lots"}]}]}]}})");
    EXPECT_TRUE(value.contains(QLatin1String("$.sysstat.hosts[0].statistics[0].cpu-load[0].idle"))) << value.toStdString();
    const QString truncated = inputErrorOf(QStringLiteral("sysstat-json"), R"({"sysstat":{"hosts":[{"nodename":)");
    EXPECT_TRUE(truncated.startsWith(QLatin1String("broken.input:1:"))) << truncated.toStdString();
}

// Runs the real collector for a few seconds and reads both of sadf's formats.
TEST(SysstatRoundTrip, SadcThenSadfCsvAndJsonAgree)
{
    const QString sadc = QFile::exists(QStringLiteral("/usr/lib/sysstat/sadc")) ? QStringLiteral("/usr/lib/sysstat/sadc")
                                                                                  : QStandardPaths::findExecutable(QStringLiteral("sadc"));
    const QString sadf = QStandardPaths::findExecutable(QStringLiteral("sadf"));
    if (sadc.isEmpty() || sadf.isEmpty()) {
        if (qEnvironmentVariableIntValue("HEADROOM_REQUIRE_TOOLS") == 1) FAIL() << "sysstat (sadc, sadf) is not installed";
        GTEST_SKIP() << "sysstat (sadc, sadf) is not installed";
    }
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("sa.bin"));
    QProcess collect;
    collect.start(sadc, {QStringLiteral("-S"), QStringLiteral("XDISK"), QStringLiteral("1"), QStringLiteral("4"), data});
    ASSERT_TRUE(collect.waitForFinished(20000));
    ASSERT_EQ(collect.exitCode(), 0) << collect.readAllStandardError().toStdString();
    auto runSadf = [&](const QString& mode) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        p.setProcessEnvironment(env);
        p.start(sadf, {mode, data, QStringLiteral("--"), QStringLiteral("-u"), QStringLiteral("-r"), QStringLiteral("-n"),
                       QStringLiteral("DEV"), QStringLiteral("-d")});
        EXPECT_TRUE(p.waitForFinished(20000));
        return p.readAllStandardOutput();
    };
    const ImportResult csv = parseAs(QStringLiteral("sysstat-csv"), runSadf(QStringLiteral("-d")), QStringLiteral("sadf-d"));
    const ImportResult json = parseAs(QStringLiteral("sysstat-json"), runSadf(QStringLiteral("-j")), QStringLiteral("sadf-j"));
    EXPECT_EQ(csv.node, QHostInfo::localHostName().section(QLatin1Char('.'), 0, 0).left(csv.node.size()));
    const Series* a = findSeries(csv, QStringLiteral("cpu.util_pct"));
    const Series* b = findSeries(json, QStringLiteral("cpu.util_pct"));
    ASSERT_TRUE(a && b);
    ASSERT_EQ(a->t.size(), 3u);  // 4 samples give 3 intervals
    ASSERT_EQ(a->t, b->t);
    for (size_t i = 0; i < a->v.size(); ++i) {
        EXPECT_NEAR(a->v[i], b->v[i], 1e-9);
        EXPECT_GE(a->v[i], 0.0);
        EXPECT_LE(a->v[i], 100.0);
    }
    EXPECT_EQ(a->t[1] - a->t[0], 1.0);
    ASSERT_NE(findSeries(csv, QStringLiteral("mem.used_pct")), nullptr);
    ASSERT_NE(findSeries(json, QStringLiteral("mem.available_bytes")), nullptr);
    EXPECT_EQ(findSeries(csv, QStringLiteral("net.rx_bytes_per_s"), QStringLiteral("lo"))->v.size(), 3u);
}

// The capture shipped in data/sample (see its README) imports as the first start will import it.
TEST(SysstatCsv, ShippedSampleCapture)
{
    const ImportResult r = parseFixture(QStringLiteral("sysstat-csv"), projectDataPath(QStringLiteral("sample/sysstat_sadf_d.csv")));
    EXPECT_EQ(r.node, QStringLiteral("vm"));
    const Series* util = findSeries(r, QStringLiteral("cpu.util_pct"));
    ASSERT_NE(util, nullptr);
    EXPECT_EQ(util->t.size(), 59u);
    EXPECT_TRUE(util->node.isEmpty());  // one host per file: the dataset's node (or --node) names it
    EXPECT_DOUBLE_EQ(util->v[0], 100.0);  // %user 81.80 + %system 18.20, %idle 0
    const Series* used = findSeries(r, QStringLiteral("mem.used_pct"));
    ASSERT_NE(used, nullptr);
    EXPECT_DOUBLE_EQ(used->v[0], 6.41);
}
