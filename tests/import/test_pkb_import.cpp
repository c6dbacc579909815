#include "benchmark_parse.h"
#include "import/pkb_importer.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Expected values are read off the PKB fixture files; means were computed with Python.

TEST(PkbImport, IperfSamplesBecomeThroughputInBitsPerSecond)
{
    HEADROOM_FIXTURE(path, "pkb/pkb_samples_mart_iperf_SUBSET300.json");
    const ImportResult r = parseWith(QStringLiteral("pkb"), path);
    ASSERT_EQ(r.measurements.size(), 300);
    const Measurement& first = r.measurements.front();
    EXPECT_EQ(first.metric, QStringLiteral("net.throughput_bits_per_s"));
    EXPECT_DOUBLE_EQ(first.value, 2948e6);  // 2948 Mbits/sec
    EXPECT_EQ(first.node, QStringLiteral("11084bdc-ca93-4e09-be95-4ad76c562392"));  // run_uri
    EXPECT_EQ(first.labels.value(QStringLiteral("sending_machine_type")).toString(), QStringLiteral("n1-standard-4"));
    EXPECT_EQ(first.labels.value(QStringLiteral("sending_zone")).toString(), QStringLiteral("europe-west1-a"));
    // The malformed "[ip_type:internal|" token of the 2014 data still yields the label.
    EXPECT_EQ(first.labels.value(QStringLiteral("ip_type")).toString(), QStringLiteral("internal"));
    EXPECT_EQ(first.labels.value(QStringLiteral("pkb_metric")).toString(), QStringLiteral("TCP Throughput"));
    EXPECT_NEAR(r.metrics.value(QStringLiteral("net.throughput_bits_per_s")), 1781450000.0, 1e-3);
    EXPECT_FALSE(r.warnings.isEmpty());
}

TEST(PkbImport, VarianceSubsetOfOneConfiguration)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    const ImportResult r = parseWith(QStringLiteral("pkb"), path);
    EXPECT_EQ(r.measurements.size(), 292);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("net.throughput_bits_per_s")), 1809616438.3561642, 1e-3);
}

TEST(PkbImport, SideBySideWrapperWithModernLabels)
{
    HEADROOM_FIXTURE(path, "pkb/pkb_side-by-side_netperf_samples.json");
    const ImportResult r = parseWith(QStringLiteral("pkb"), path);
    EXPECT_EQ(r.measurements.size(), 18);  // 9 head + 9 base samples
    const Measurement* rr = findMeasurement(r, QStringLiteral("pkb.tcp_rr_transaction_rate"), QStringLiteral("side_by_side"), QStringLiteral("head"));
    ASSERT_NE(rr, nullptr);
    EXPECT_DOUBLE_EQ(rr->value, 1333.62);
    EXPECT_EQ(rr->unit, QStringLiteral("transactions_per_second"));
    EXPECT_EQ(rr->labels.value(QStringLiteral("server_machine_type")).toString(), QStringLiteral("n1-standard-4"));
    EXPECT_EQ(rr->labels.value(QStringLiteral("conf_pct")).toString(), QStringLiteral("15.880"));
    const Measurement* stream = findMeasurement(r, QStringLiteral("net.throughput_bits_per_s"), QStringLiteral("side_by_side"), QStringLiteral("head"));
    ASSERT_NE(stream, nullptr);
    EXPECT_DOUBLE_EQ(stream->value, 1192.43e6);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("pkb.tcp_crr_transaction_rate")), 825.1, 1e-9);
}

TEST(PkbImport, LabelStringsInBothEncodings)
{
    const QJsonObject modern = parsePkbLabels(QStringLiteral("|cloud:GCP|,|zones:us-central1-a|,|url:http://x:80/y|"));
    EXPECT_EQ(modern.value(QStringLiteral("cloud")).toString(), QStringLiteral("GCP"));
    EXPECT_EQ(modern.value(QStringLiteral("url")).toString(), QStringLiteral("http://x:80/y"));  // split on the first ':'
    const QJsonObject old = parsePkbLabels(QStringLiteral("|cloud:GCP||num_connections:1|[ip_type:internal|"));
    EXPECT_EQ(old.size(), 3);
    EXPECT_EQ(old.value(QStringLiteral("num_connections")).toString(), QStringLiteral("1"));
}

TEST(PkbImport, BrokenInput)
{
    HEADROOM_FIXTURE(path, "pkb/pkb_samples_mart_iperf_SUBSET300.json");
    const QByteArray good = readFile(path);
    const QString pkb = QStringLiteral("pkb");
    const qsizetype secondLineEnd = good.indexOf('\n', good.indexOf('\n') + 1);
    auto cut = inputErrorOf(pkb, good.left(secondLineEnd - 40), QStringLiteral("s.json"));
    ASSERT_TRUE(cut);
    EXPECT_TRUE(cut->where().startsWith(QStringLiteral("s.json:2:"))) << cut->text().toStdString();
    QByteArray badValue = good;
    badValue.replace("\"value\":2948,", "\"value\":\"fast\",");
    auto value = inputErrorOf(pkb, badValue, QStringLiteral("s.json"));
    ASSERT_TRUE(value);
    EXPECT_EQ(value->where(), QStringLiteral("s.json:1: $.value"));
    ASSERT_TRUE(inputErrorOf(pkb, QByteArray()));
    ASSERT_TRUE(inputErrorOf(pkb, QByteArray("\xFF\xFE{\0\"\0t\0", 8)));
    ASSERT_TRUE(inputErrorOf(pkb, QByteArray("\x7f\x45\x4c\x46\x02\x01\x01\x00", 8)));
    QByteArray crlf = good.left(secondLineEnd);
    crlf.replace("\n", "\r\n");
    crlf.replace("\"value\":2948,", "\"value\":1e300,");
    EXPECT_DOUBLE_EQ(parseBytesWith(pkb, "\xEF\xBB\xBF" + crlf).measurements.front().value, 1e306);
}
