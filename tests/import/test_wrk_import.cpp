#include "benchmark_parse.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Expected values are the numbers printed in the fixture files, converted by hand to ms
// (us / 1000, s * 1000, m * 60000) and bytes (MB * 1024², GB * 1024³).

TEST(WrkImport, ClassicWithoutLatencyFlagTakesLuaCsvPercentiles)
{
    HEADROOM_FIXTURE(path, "wrk/pkb_wrk_with_lua_csv.txt");
    const ImportResult r = parseWith(QStringLiteral("wrk"), path);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 9605.69);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 0.21837);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_stdev_ms")), 0.28424);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_max_ms")), 11.60);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s_per_thread")), 4830.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 577297.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.duration_s")), 60.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.bytes_read")), 143.12 * 1024 * 1024);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.transfer_bytes_per_s")), 2.38 * 1024 * 1024);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 0.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 0.187);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), 0.519);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_9_ms")), 5.196);
    EXPECT_EQ(r.labels.value(QStringLiteral("url")).toString(), QStringLiteral("http://10.240.0.46/OK"));
}

TEST(WrkImport, LatencyDistributionNon2xxBomNoFinalNewline)
{
    HEADROOM_FIXTURE(path, "wrk/virtualclient_wrk_latency_4pct_non2xx_bom.txt");
    const ImportResult r = parseWith(QStringLiteral("wrk"), path);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 1229838.61);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 3.85);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p75_ms")), 5.05);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p90_ms")), 7.27);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), 11.16);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_max_ms")), 219.68);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s_per_thread")), 38620.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.duration_s")), 150.0);  // 2.50m
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.bytes_read")), 56.05 * 1024 * 1024 * 1024);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 184596465.0);  // every response non-2xx
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.transfer_bytes_per_s")), 382.35 * 1024 * 1024);
    EXPECT_EQ(r.labels.value(QStringLiteral("connections")).toInt(), 5000);
}

TEST(WrkImport, Wrk2MixedUnitsAndSpectrum)
{
    HEADROOM_FIXTURE(path, "wrk/pkb_wrk2_mixed_units.txt");
    const ImportResult r = parseWith(QStringLiteral("wrk"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("wrk2"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 0.05331);       // 53.31us
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), 223.23);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_999_ms")), 36000.0);   // 36.00s
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p100_ms")), 54000.0);      // 0.90m
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 72.127);        // spectrum row 0.950000
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_max_ms")), 244.10);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 10.00);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s_per_thread")), 9.49);
}

TEST(WrkImport, Wrk2LatenciesInSecondsWithTrailingSpaces)
{
    HEADROOM_FIXTURE(path, "wrk/virtualclient_wrk2_hdr_seconds_units.txt");
    const ImportResult r = parseWith(QStringLiteral("wrk"), path);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_mean_ms")), 29270.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p50_ms")), 29560.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), 49740.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p100_ms")), 50230.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p95_ms")), 48103.423);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), 16305.17);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), 978315.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.bytes_read")), 1.17 * 1024 * 1024 * 1024);
}

TEST(WrkImport, SocketErrorsCountAsErrors)
{
    HEADROOM_FIXTURE(path, "wrk/pkb_wrk_with_lua_csv.txt");
    QByteArray bytes = readFile(path);
    bytes.replace("Requests/sec:", "  Socket errors: connect 0, read 3, write 0, timeout 12\n  Non-2xx or 3xx responses: 5\nRequests/sec:");
    const ImportResult r = parseBytesWith(QStringLiteral("wrk"), bytes);
    // Socket errors (3 + 12) and non-2xx responses (5) may be the same requests: the larger count.
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.errors")), 15.0);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.socket_errors_timeout")), 12.0);
}

TEST(WrkImport, BrokenInput)
{
    HEADROOM_FIXTURE(path, "wrk/virtualclient_wrk_latency_4pct_non2xx_bom.txt");
    const QByteArray good = readFile(path);
    const QString wrk = QStringLiteral("wrk");
    // Cut before the Requests/sec line.
    auto cut = inputErrorOf(wrk, good.left(good.indexOf("Requests/sec")), QStringLiteral("cut.txt"));
    ASSERT_TRUE(cut);
    EXPECT_TRUE(cut->where().startsWith(QStringLiteral("cut.txt:"))) << cut->text().toStdString();
    ASSERT_TRUE(inputErrorOf(wrk, QByteArray()));
    ASSERT_TRUE(inputErrorOf(wrk, QByteArray("\0\x01\x02garbage\xff", 11)));
    ASSERT_TRUE(inputErrorOf(wrk, "This is ApacheBench, Version 2.3\nRequests per second:    172.97 [#/sec] (mean)\n"));
    auto utf16 = inputErrorOf(wrk, QByteArray("\xFE\xFF\0R\0u\0n", 8));
    ASSERT_TRUE(utf16);
    // A unit wrk never prints, at line 7 ("     50%    3.85ms"), column of the value.
    QByteArray badUnit = good;
    badUnit.replace("3.85ms", "3.85xs");
    auto unit = inputErrorOf(wrk, badUnit, QStringLiteral("w.txt"));
    ASSERT_TRUE(unit);
    EXPECT_EQ(unit->where(), QStringLiteral("w.txt:7:13")) << unit->text().toStdString();
    QByteArray badStat = good;
    badStat.replace("4.12ms", "4.12parsecs");
    auto stat = inputErrorOf(wrk, badStat, QStringLiteral("w.txt"));
    ASSERT_TRUE(stat);
    EXPECT_EQ(stat->where(), QStringLiteral("w.txt:4:17")) << stat->text().toStdString();
    // Huge numbers and CRLF.
    QByteArray huge = good;
    huge.replace("1229838.61", "1e300");
    huge.replace("\n", "\r\n");
    EXPECT_DOUBLE_EQ(parseBytesWith(wrk, huge).metrics.value(QStringLiteral("http.requests_per_s")), 1e300);
}
