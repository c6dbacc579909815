#include "benchmark_parse.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Expected values are read off the Locust CSV fixtures (one run, --csv=results).

TEST(LocustImport, StatsAggregatedRowIsTheHeadline)
{
    HEADROOM_FIXTURE(path, "locust/bitcoin-api_results_stats.csv");
    const ImportResult r = parseWith(QStringLiteral("locust"), path);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 2210.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 1607.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 37.30488469320527);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors_per_s")), 27.126221584606725);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 50.184648958923994);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_min_ms")), 2.5905000511556864);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_max_ms")), 2160.2996999863535);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 3.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 8.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), 2000.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_9_ms")), 2100.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p100_ms")), 2200.0);
    const Measurement* health = findMeasurement(r, QStringLiteral("http.requests"), QStringLiteral("endpoint"), QStringLiteral("/api/v1/health"));
    ASSERT_NE(health, nullptr);
    EXPECT_DOUBLE_EQ(health->value, 573.0);
    EXPECT_EQ(health->labels.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    const Measurement* fees = findMeasurement(r, QStringLiteral("http.latency_p99_ms"), QStringLiteral("endpoint"), QStringLiteral("/api/v1/fees/6"));
    ASSERT_NE(fees, nullptr);
    EXPECT_DOUBLE_EQ(fees->value, 11.0);
}

TEST(LocustImport, HistoryBecomesSeriesAndSkipsNA)
{
    HEADROOM_FIXTURE(path, "locust/bitcoin-api_results_stats_history.csv");
    const ImportResult r = parseWith(QStringLiteral("locust"), path);
    const Series* rps = findSeries(r, QStringLiteral("http.requests_per_s"));
    ASSERT_NE(rps, nullptr);
    ASSERT_EQ(rps->t.size(), 56u);
    EXPECT_DOUBLE_EQ(rps->t.front(), 1772849612.0);
    EXPECT_DOUBLE_EQ(rps->t.back(), 1772849668.0);
    EXPECT_DOUBLE_EQ(rps->v.back(), 39.3);
    const Series* p95 = findSeries(r, QStringLiteral("http.latency_p95_ms"));
    ASSERT_NE(p95, nullptr);
    EXPECT_EQ(p95->t.size(), 53u);  // three rows of N/A before the first response
    EXPECT_DOUBLE_EQ(p95->t.front(), 1772849615.0);
    EXPECT_DOUBLE_EQ(p95->v.front(), 2200.0);
    const Series* users = findSeries(r, QStringLiteral("http.users"));
    ASSERT_NE(users, nullptr);
    EXPECT_DOUBLE_EQ(users->v.back(), 50.0);
    // The last row's running totals.
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 2050.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 1496.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 53.77800819475385);
}

TEST(LocustImport, FailuresPerEndpoint)
{
    HEADROOM_FIXTURE(path, "locust/bitcoin-api_results_failures.csv");
    const ImportResult r = parseWith(QStringLiteral("locust"), path);
    EXPECT_EQ(r.measurements.size(), 7);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 1607.0);  // agrees with the stats file
    const Measurement* info = findMeasurement(r, QStringLiteral("http.errors"), QStringLiteral("endpoint"), QStringLiteral("/api/v1/mempool/info"));
    ASSERT_NE(info, nullptr);
    EXPECT_DOUBLE_EQ(info->value, 123.0);
    EXPECT_EQ(info->labels.value(QStringLiteral("error")).toString(),
              QStringLiteral("HTTPError('429 Client Error: Too Many Requests for url: /api/v1/mempool/info')"));
}

TEST(LocustImport, BrokenInput)
{
    HEADROOM_FIXTURE(path, "locust/bitcoin-api_results_stats.csv");
    const QByteArray good = readFile(path);
    const QString lo = QStringLiteral("locust");
    // A file cut inside its last row: that row is not read, and the warning says where.
    const ImportResult cut = parseBytesWith(lo, good.left(good.indexOf("\n,Aggregated") + 30), QStringLiteral("s.csv"));
    ASSERT_GE(cut.warnings.size(), 1);
    EXPECT_EQ(cut.warnings.front().line, 10);
    EXPECT_TRUE(cut.warnings.front().message.contains(QStringLiteral("input ended early")));
    EXPECT_TRUE(cut.metrics.isEmpty());  // the Aggregated row was the one cut
    EXPECT_EQ(findMeasurement(cut, QStringLiteral("http.requests"), QStringLiteral("endpoint"), QStringLiteral("Aggregated")), nullptr);
    // A row with too few fields that is not the last is an error naming its line.
    QByteArray shortRow = good;
    shortRow.insert(good.indexOf("\n,Aggregated") + 1, "GET,/x,1\n");
    auto narrow = inputErrorOf(lo, shortRow, QStringLiteral("s.csv"));
    ASSERT_TRUE(narrow);
    EXPECT_EQ(narrow->where(), QStringLiteral("s.csv:10:1"));
    QByteArray badCell = good;
    badCell.replace("GET,/api/v1/health,573,", "GET,/api/v1/health,many,");
    auto cell = inputErrorOf(lo, badCell, QStringLiteral("s.csv"));
    ASSERT_TRUE(cell);
    EXPECT_EQ(cell->where(), QStringLiteral("s.csv:5:20"));
    auto header = inputErrorOf(lo, "time,node,metric,value\n1,a,b,2\n", QStringLiteral("x.csv"));
    ASSERT_TRUE(header);
    EXPECT_EQ(header->where(), QStringLiteral("x.csv:1:1"));
    auto quote = inputErrorOf(lo, "Method,Name,Error,Occurrences\nGET,/x,\"unclosed,3\n", QStringLiteral("f.csv"));
    ASSERT_TRUE(quote);
    EXPECT_TRUE(quote->where().startsWith(QStringLiteral("f.csv:2:")));
    ASSERT_TRUE(inputErrorOf(lo, QByteArray()));
    ASSERT_TRUE(inputErrorOf(lo, QByteArray("\xFF\xFET\0y\0p\0e\0", 10)));
    ASSERT_TRUE(inputErrorOf(lo, QByteArray("\x00\x01\x02\x03", 4)));
    QByteArray crlf = good;
    crlf.replace("\n", "\r\n");
    crlf.replace(",Aggregated,2210,", ",Aggregated,1e300,");
    EXPECT_DOUBLE_EQ(parseBytesWith(lo, "\xEF\xBB\xBF" + crlf).metrics.value(QStringLiteral("http.requests")), 1e300);
}
