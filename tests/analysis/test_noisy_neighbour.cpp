#include "analysis/analysis_inputs.h"
#include "analysis/noisy_neighbour.h"
#include "import/import_service.h"
#include "import/importer_registry.h"
#include "support/temp_workspace.h"
#include "support/fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>

using namespace headroom;

namespace {

// `sar -u` text: "06:42:39 PM     all     99.85 … %steal %idle"; clock times become seconds.
Series readSarText(const QString& path)
{
    Series s;
    s.node = QStringLiteral("ip-10-0-0-97");
    static const QRegularExpression row(QStringLiteral(
        "^(\\d\\d):(\\d\\d):(\\d\\d) (AM|PM)\\s+all\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+)\\s+\\S+$"));
    for (const QByteArray& line : test::readFile(path).split('\n')) {
        const auto m = row.match(QString::fromUtf8(line).trimmed());
        if (!m.hasMatch()) continue;
        int hour = m.captured(1).toInt() % 12 + (m.captured(4) == QStringLiteral("PM") ? 12 : 0);
        s.t.push_back(hour * 3600 + m.captured(2).toInt() * 60 + m.captured(3).toInt());
        s.v.push_back(m.captured(5).toDouble());
    }
    return s;
}

}  // namespace

TEST(NoisyNeighbour, SarStealBelowDefaultThresholdHasNoEpisodes)
{
    HEADROOM_FIXTURE(path, "sysstat/pkb_sar-u_text_aws_steal.txt");
    const auto s = readSarText(path);
    ASSERT_EQ(s.t.size(), 10u);
    const auto r = noisy::detect({s});
    EXPECT_EQ(r.episodes, 0);
    EXPECT_NEAR(r.observedHours, 10 * 30 / 3600.0, 1e-12);  // ten 30-s intervals
    EXPECT_EQ(r.slowdown, 1.0);
    // Rows average 0.15..0.37 % (not the edited "Average:" line's 17.99).
    EXPECT_NEAR(r.baselineStealPct, (0.15 + 0.22 + 0.30 + 0.19 + 0.37 + 0.30 + 0.25 + 0.35 + 0.21 + 0.17) / 10, 1e-12);
}

TEST(NoisyNeighbour, SarStealEpisodesAboveALowThreshold)
{
    HEADROOM_FIXTURE(path, "sysstat/pkb_sar-u_text_aws_steal.txt");
    const auto s = readSarText(path);
    // Samples ≥ 0.30 %: 06:43:39 (0.30) | 06:44:39 (0.37), 06:45:09 (0.30) | 06:46:09 (0.35)
    // → three episodes of 30, 60 and 30 s.
    const auto r = noisy::detect({s}, {0.30, 1.5});
    ASSERT_EQ(r.episodes, 3);
    EXPECT_NEAR(r.meanDurationS, 40, 1e-9);
    EXPECT_NEAR(r.episodesPerHour, 3 / (300 / 3600.0), 1e-9);
    EXPECT_NEAR(r.list[1].meanStealPct, (0.37 + 0.30) / 2, 1e-12);
    const double in = (0.30 + 0.37 + 0.30 + 0.35) / 4;
    const double out = (0.15 + 0.22 + 0.19 + 0.25 + 0.21 + 0.17) / 6;
    EXPECT_NEAR(r.slowdown, (1 - in / 100) / (1 - out / 100), 1e-12);
}

TEST(NoisyNeighbour, PrometheusStealRateSeries)
{
    HEADROOM_FIXTURE(path, "prometheus/holmesgpt_query_range_node_cpu_by_mode_incl_steal.txt");
    // Two tool header lines, then the pretty-printed object holding Prometheus' data.
    QByteArray bytes = test::readFile(path);
    for (int i = 0; i < 2; ++i) bytes = bytes.mid(bytes.indexOf('\n') + 1);
    const QJsonArray result = QJsonDocument::fromJson(bytes).object()[QStringLiteral("data")].toObject()[QStringLiteral("result")].toArray();
    Series s;
    for (const QJsonValue& r : result) {
        if (r[QStringLiteral("metric")][QStringLiteral("mode")].toString() != QStringLiteral("steal")) continue;
        for (const QJsonValue& p : r[QStringLiteral("values")].toArray()) {
            s.t.push_back(p[0].toDouble());
            s.v.push_back(p[1].toString().toDouble() * 100);  // rate of seconds → percent
        }
    }
    ASSERT_EQ(s.t.size(), 31u);  // SOURCE.txt: 31 points, step 60 s
    EXPECT_DOUBLE_EQ(noisy::typicalStep(s.t), 60);
    double maxSteal = 0;
    for (double v : s.v) maxSteal = std::max(maxSteal, v);
    // This test cluster had no steal at all: no episodes, a full speed factor, 31 minutes observed.
    const auto r = noisy::detect({s});
    EXPECT_EQ(r.episodes, 0);
    EXPECT_NEAR(r.observedHours, 31 * 60 / 3600.0, 1e-12);
    EXPECT_DOUBLE_EQ(r.baselineStealPct, maxSteal);
    EXPECT_EQ(r.slowdown, 1.0);
    EXPECT_TRUE(std::isnan(r.meanDurationS));
}

// The same file through the Prometheus importer and the workspace, when it is registered.
TEST(NoisyNeighbour, PrometheusStealThroughTheImporter)
{
    HEADROOM_FIXTURE(path, "prometheus/holmesgpt_query_range_node_cpu_by_mode_incl_steal.txt");
    if (!ImporterRegistry::instance().byName(QStringLiteral("prometheus-json"))) GTEST_SKIP() << "importer not registered";
    test::TempWorkspace tw;
    ImportRequest req;
    req.path = path;
    importFile(tw.ws(), req);
    const auto steal = analysis::loadStealSeries(tw.ws(), {});
    ASSERT_EQ(steal.size(), 1u);
    EXPECT_EQ(steal[0].t.size(), 31u);
    const auto r = noisy::detect(steal);
    EXPECT_EQ(r.series, 1);
    EXPECT_EQ(r.episodes, 0);
    EXPECT_NEAR(r.observedHours, 31 * 60 / 3600.0, 1e-12);
}

TEST(NoisyNeighbour, MissingScrapesSplitAnEpisode)
{
    Series s;
    s.node = QStringLiteral("n");
    s.t = {60, 120, 180, 420, 480};
    s.v = {20, 20, 20, 20, 20};
    const auto r = noisy::detect({s});
    EXPECT_EQ(r.episodes, 2);  // the 240-s hole (4 steps) breaks the run
    EXPECT_NEAR(r.list[0].durationS(), 180, 1e-12);
    EXPECT_NEAR(r.list[1].durationS(), 120, 1e-12);
    EXPECT_NEAR(r.slowdown, 0.8, 1e-12);  // 20 % steal, nothing outside
}

// sysstat's own test data through the sadf -d importer. The all-CPU rows (CPU = -1) of every
// %steal block (before and after the restart) are read here as the expectation: 0.00 except
// 0.39 at 13:20:49.
TEST(NoisyNeighbour, SysstatStealThroughTheImporter)
{
    HEADROOM_FIXTURE(path, "sysstat/sysstat_tests_expected.sadf-d_all-activities.csv");
    if (!ImporterRegistry::instance().byName(QStringLiteral("sysstat-csv"))) GTEST_SKIP() << "importer not registered";
    std::vector<double> expected;
    bool inBlock = false;
    for (const QByteArray& line : test::readFile(path).split('\n')) {
        if (line.startsWith('#')) {
            inBlock = line.contains(";%steal;");
            continue;
        }
        const QList<QByteArray> f = line.split(';');
        if (inBlock && f.size() > 8 && f[3] == "-1") expected.push_back(f[8].toDouble());
    }
    ASSERT_FALSE(expected.empty());
    test::TempWorkspace tw;
    ImportRequest req;
    req.path = path;
    importFile(tw.ws(), req);
    const auto steal = analysis::loadStealSeries(tw.ws(), {});
    ASSERT_EQ(steal.size(), 1u);
    EXPECT_EQ(steal[0].v, expected);
    const double step = noisy::typicalStep(steal[0].t);
    const auto r = noisy::detect(steal, {0.3, 1.5});
    int runs = 0;
    for (size_t i = 0; i < expected.size(); ++i) runs += expected[i] >= 0.3 && (i == 0 || expected[i - 1] < 0.3);
    EXPECT_EQ(r.episodes, runs);
    EXPECT_EQ(r.episodes, 1);
    EXPECT_NEAR(r.meanDurationS, step, 1e-9);  // one sample long
    EXPECT_NEAR(r.slowdown, 1 - 0.39 / 100, 1e-12);  // nothing outside the episode
}
