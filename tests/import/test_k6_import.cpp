#include "benchmark_parse.h"
#include "import/k6_importer.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

TEST(K6Import, LegacySummaryExport)
{
    HEADROOM_FIXTURE(path, "k6/k6-html-reporter_summary-export_legacy.json");
    const ImportResult r = parseWith(QStringLiteral("k6"), path);
    EXPECT_EQ(r.labels.value(QStringLiteral("shape")).toString(), QStringLiteral("summary-export"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 50.5104724137931);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 45.6972);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p90_ms")), 55.070119999999996);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 60.26172);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_max_ms")), 223.1873);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_min_ms")), 31.034);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 29.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 2.6541534375803657);
    const Measurement* waiting = findMeasurement(r, QStringLiteral("k6.http_req_waiting_p95_ms"));
    ASSERT_NE(waiting, nullptr);
    EXPECT_DOUBLE_EQ(waiting->value, 50.05259999999999);
}

TEST(K6Import, HandleSummaryData)
{
    HEADROOM_FIXTURE(path, "k6/k6-reporter_handleSummary_data.json");
    const ImportResult r = parseWith(QStringLiteral("k6"), path);
    EXPECT_EQ(r.labels.value(QStringLiteral("shape")).toString(), QStringLiteral("handleSummary"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 20.090773);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 30.0256841);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), 39.577136380000084);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 21.37513127107059);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_max_ms")), 143.326605);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 35.94634922417172);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 878.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 349.0);  // http_req_failed passes
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.error_rate")), 0.39749430523917995);
    // The expected_response sub-metric is kept apart and does not overwrite the headline.
    bool sawSubmetric = false;
    for (const auto& m : r.measurements)
        if (m.labels.value(QStringLiteral("k6_metric")).toString() == QStringLiteral("http_req_duration{expected_response:true}")) sawSubmetric = true;
    EXPECT_TRUE(sawSubmetric);
}

// k6's console summary cuts values to two decimals (44.375 prints as 44.37).
static void expectPrintedAs(double value, double printed)
{
    EXPECT_GE(value, printed - 1e-9);
    EXPECT_LT(value, printed + 0.01);
}

TEST(K6Import, NdjsonPointsAgreeWithTheConsoleSummaryOfTheSameRun)
{
    HEADROOM_FIXTURE(path, "k6/k6-to-junit_out-json_ndjson_2019.json");
    const ImportResult r = parseWith(QStringLiteral("k6"), path);
    EXPECT_EQ(r.labels.value(QStringLiteral("shape")).toString(), QStringLiteral("ndjson"));
    // k6-to-junit_end-of-test_summary_same_run.txt printed, cut (not rounded) to 2 decimals:
    // http_req_duration avg=30.69ms min=26.53ms med=28.75ms max=44.37ms p(90)=35.74ms p(95)=41.02ms; http_reqs 20
    expectPrintedAs(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 30.69);
    expectPrintedAs(r.metrics.value(QStringLiteral("http.latency_min_ms")), 26.53);
    expectPrintedAs(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 28.75);
    expectPrintedAs(r.metrics.value(QStringLiteral("http.latency_max_ms")), 44.37);
    expectPrintedAs(r.metrics.value(QStringLiteral("http.latency_p90_ms")), 35.74);
    expectPrintedAs(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 41.02);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 20.0);
    const Series* lat = findSeries(r, QStringLiteral("http.latency_ms"));
    ASSERT_NE(lat, nullptr);
    ASSERT_EQ(lat->v.size(), 20u);
    EXPECT_EQ(lat->unit, QStringLiteral("ms"));
    EXPECT_DOUBLE_EQ(lat->v.front(), 44.375);  // first Point of http_req_duration
    // 2019-10-13T16:36:08.3174973Z, to the millisecond
    EXPECT_NEAR(lat->t.front(), 1570984568.317, 1e-6);
    const Series* vus = findSeries(r, QStringLiteral("k6.vus"));
    ASSERT_NE(vus, nullptr);
    EXPECT_EQ(vus->v.size(), 1u);
}

TEST(K6Import, PercentileInterpolatesBetweenRanks)
{
    // k6: rank = p/100 * (n-1), linear between neighbours.
    EXPECT_DOUBLE_EQ(k6Percentile({10, 20, 30, 40}, 50), 25.0);
    EXPECT_DOUBLE_EQ(k6Percentile({40, 10, 30, 20}, 90), 37.0);
    EXPECT_DOUBLE_EQ(k6Percentile({5}, 99), 5.0);
}

TEST(K6Import, BrokenInput)
{
    HEADROOM_FIXTURE(path, "k6/k6-to-junit_out-json_ndjson_2019.json");
    const QByteArray good = readFile(path);
    const QString k6 = QStringLiteral("k6");
    // A line cut in half: the error names that line.
    const qsizetype third = good.indexOf('\n', good.indexOf('\n', good.indexOf('\n') + 1) + 1);
    auto cut = inputErrorOf(k6, good.left(third - 20), QStringLiteral("k6.json"));
    ASSERT_TRUE(cut);
    EXPECT_TRUE(cut->where().startsWith(QStringLiteral("k6.json:3:"))) << cut->text().toStdString();
    QByteArray badTime = good;
    badTime.replace("2019-10-13T16:36:08.3174973Z", "yesterday");
    auto time = inputErrorOf(k6, badTime, QStringLiteral("k6.json"));
    ASSERT_TRUE(time);
    EXPECT_EQ(time->where(), QStringLiteral("k6.json:2:1"));
    ASSERT_TRUE(inputErrorOf(k6, QByteArray()));
    ASSERT_TRUE(inputErrorOf(k6, QByteArray("\xFF\xFE{\0\"\0", 6)));
    ASSERT_TRUE(inputErrorOf(k6, QByteArray("PK\x03\x04\0\0binary", 12)));
    auto noMetrics = inputErrorOf(k6, R"({"root_group": {}})");
    ASSERT_TRUE(noMetrics);
    EXPECT_EQ(noMetrics->where(), QStringLiteral("input: $.metrics"));
    auto wrongType = inputErrorOf(k6, R"({"metrics": {"http_reqs": {"count": "lots", "rate": 1}}})");
    ASSERT_TRUE(wrongType);
    EXPECT_EQ(wrongType->where(), QStringLiteral("input: $.metrics.http_reqs.count"));
    QByteArray crlf = good;
    crlf.replace("\n", "\r\n");
    EXPECT_DOUBLE_EQ(parseBytesWith(k6, "\xEF\xBB\xBF" + crlf).metrics.value(QStringLiteral("http.requests")), 20.0);
    EXPECT_DOUBLE_EQ(parseBytesWith(k6, R"({"metrics": {"http_reqs": {"count": 1e300, "rate": 1}}})").metrics.value(QStringLiteral("http.requests")), 1e300);
}
