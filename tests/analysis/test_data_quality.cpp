#include "analysis/data_quality.h"
#include "support/fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>
#include <cmath>
#include <random>

using namespace headroom;

namespace {
std::vector<Series> readUpRangeSeries(const QString& path)
{
    std::vector<Series> out;
    const QJsonArray result = QJsonDocument::fromJson(test::readFile(path)).array();
    qint64 id = 0;
    for (const QJsonValue& r : result) {
        Series s;
        s.id = ++id;
        s.node = r[QStringLiteral("metric")][QStringLiteral("instance")].toString();
        s.metric = QStringLiteral("up");
        for (const QJsonValue& p : r[QStringLiteral("values")].toArray()) {
            s.t.push_back(p[0].toDouble());
            s.v.push_back(p[1].toString().toDouble());
        }
        out.push_back(std::move(s));
    }
    return out;
}
}  // namespace

// The 2019 production capture: 20-s and 60-s scrape intervals with jitter and one 40-s hole.
TEST(DataQuality, FindsTheDroppedScrapeInTheUpSeries)
{
    HEADROOM_FIXTURE(path, "prometheus/prometheus-api-client_up_range_series_2019.json");
    const auto series = readUpRangeSeries(path);
    ASSERT_EQ(series.size(), 9u);
    const auto report = quality::check(series);
    ASSERT_EQ(report.series.size(), 9u);
    int totalGaps = 0;
    for (size_t i = 0; i < series.size(); ++i) {
        const auto& s = series[i];
        // Expected, counted here: the nominal step is 20 s for 1079/1080-sample series and
        // 60 s for the 360-sample ones; a spacing beyond 1.5 steps misses round(d/step) − 1.
        const double nominal = s.t.size() > 500 ? 20 : 60;
        int gaps = 0, missing = 0;
        for (size_t k = 1; k < s.t.size(); ++k) {
            const double d = s.t[k] - s.t[k - 1];
            if (d > 1.5 * nominal) {
                ++gaps;
                missing += int(std::lround(d / nominal)) - 1;
            }
        }
        EXPECT_NEAR(report.series[i].stepS, nominal, 0.01) << s.node.toStdString();
        EXPECT_EQ(report.series[i].gaps, gaps) << s.node.toStdString();
        EXPECT_EQ(report.series[i].missingSamples, missing) << s.node.toStdString();
        EXPECT_EQ(report.series[i].duplicateTimestamps, 0);
        EXPECT_EQ(report.series[i].outOfOrder, 0);
        totalGaps += gaps;
    }
    EXPECT_EQ(totalGaps, 1);  // SOURCE.txt: "a 40 s gap"
    ASSERT_FALSE(report.findings.empty());
    EXPECT_EQ(report.findings.front().kind, QStringLiteral("gap"));
    EXPECT_EQ(report.findings.front().severity, quality::Severity::Warning);  // 1 of 1080 missing
}

TEST(DataQuality, DuplicatesOutOfOrderAndCounterResets)
{
    Series s;
    s.id = 7;
    s.node = QStringLiteral("web-1");
    s.metric = QStringLiteral("http_requests_total");
    s.t = {0, 10, 20, 20, 40, 30, 50, 60, 70, 80};
    s.v = {5, 9, 12, 12, 20, 16, 2, 6, 1, 4};  // after sorting by t: drops at 50 (16→2) and 70 (6→1)
    const auto report = quality::check({s});
    const auto& q = report.series.front();
    EXPECT_EQ(q.duplicateTimestamps, 1);
    EXPECT_EQ(q.outOfOrder, 1);
    EXPECT_TRUE(q.counter);
    EXPECT_EQ(q.counterResets, 2);
    EXPECT_EQ(q.gaps, 0);
    EXPECT_DOUBLE_EQ(q.stepS, 10);
    int kinds = 0;
    for (const auto& f : report.findings)
        kinds += f.kind == QStringLiteral("duplicate_timestamp") || f.kind == QStringLiteral("out_of_order") ||
                 f.kind == QStringLiteral("counter_reset");
    EXPECT_EQ(kinds, 3);
}

TEST(DataQuality, LargeGapsAreErrors)
{
    Series s{1, 0, QStringLiteral("n"), QStringLiteral("cpu.util_pct"), QString(), {}, {}, {}};
    for (int i = 0; i < 20; ++i) s.t.push_back(i < 10 ? i * 15.0 : i * 15.0 + 300);  // 20 samples missing
    s.v.assign(s.t.size(), 1.0);
    const auto report = quality::check({s});
    EXPECT_EQ(report.series[0].missingSamples, 20);
    EXPECT_NEAR(report.series[0].coverage, 20.0 / 40.0, 1e-12);
    EXPECT_FALSE(report.series[0].counter);  // a gauge is never checked for resets
    EXPECT_EQ(report.findings.front().severity, quality::Severity::Error);
}

TEST(DataQuality, EstimatesClockOffsetBetweenNodes)
{
    // The same load pattern seen by two nodes; node b's clock is 120 s ahead, so it stamps
    // every change 120 s later.
    std::mt19937_64 rng(11);
    std::normal_distribution<double> noise(0, 1);
    std::vector<double> pattern(200);
    double level = 50;
    for (double& p : pattern) p = (level += 5 * noise(rng));
    Series a{1, 0, QStringLiteral("a"), QStringLiteral("cpu.util_pct"), QString(), {}, {}, {}};
    Series b{2, 0, QStringLiteral("b"), QStringLiteral("cpu.util_pct"), QString(), {}, {}, {}};
    for (int i = 0; i < 200; ++i) {
        a.t.push_back(1000 + 60.0 * i);
        a.v.push_back(pattern[size_t(i)]);
        b.t.push_back(1000 + 60.0 * i + 120);
        b.v.push_back(pattern[size_t(i)]);
    }
    const auto report = quality::check({a, b});
    ASSERT_EQ(report.clockOffsets.size(), 1u);
    EXPECT_NEAR(report.clockOffsets[0].offsetS, 120, 1.0);
    EXPECT_GT(report.clockOffsets[0].correlation, 0.99);
    EXPECT_EQ(report.clockOffsets[0].node, QStringLiteral("b"));
    bool flagged = false;
    for (const auto& f : report.findings) flagged = flagged || f.kind == QStringLiteral("clock_offset");
    EXPECT_TRUE(flagged);
}

TEST(DataQuality, ShortSeriesAreReportedNotJudged)
{
    Series s{1, 0, QStringLiteral("n"), QStringLiteral("m"), QString(), {}, {1, 2}, {1, 2}};
    const auto report = quality::check({s});
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].kind, QStringLiteral("too_short"));
}
