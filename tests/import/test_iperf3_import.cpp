#include "benchmark_parse.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Expected values are read off the fixture files (iperf3 -J output).

TEST(Iperf3Import, Legacy3011SingleStream)
{
    HEADROOM_FIXTURE(path, "iperf3/iperf3-python_iperf-3.0.11_tcp_1stream.json");
    const ImportResult r = parseWith(QStringLiteral("iperf3"), path);
    EXPECT_EQ(r.toolVersion, QStringLiteral("iperf 3.0.11"));
    EXPECT_EQ(r.node, QStringLiteral("rhowelllx"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.throughput_bits_per_s")), 934268000.0);  // end.sum_received
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.retransmits")), 0.0);
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("net.rtt_mean_ms")));  // 3.0.x has no RTT
    const Series* s = findSeries(r, QStringLiteral("net.throughput_bits_per_s"));
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(s->t.size(), 13u);
    EXPECT_DOUBLE_EQ(s->t.front(), 1498663888 + 1.00007);
    EXPECT_DOUBLE_EQ(s->v.front(), 950062000.0);
    EXPECT_DOUBLE_EQ(s->v.back(), 933228000.0);
}

TEST(Iperf3Import, FourStreamsSixtySeconds)
{
    HEADROOM_FIXTURE(path, "iperf3/iperf3_plotter_iperf-3.6_tcp_4streams_60s.json");
    const ImportResult r = parseWith(QStringLiteral("iperf3"), path);
    EXPECT_EQ(r.node, QStringLiteral("mininet-pc"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.throughput_bits_per_s")), 17535714055.21963);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.retransmits")), 2.0);
    // mean_rtt 60, 55, 54, 51 µs
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.rtt_mean_ms")), (60 + 55 + 54 + 51) / 4.0 / 1000.0);
    const Measurement* stream1 = findMeasurement(r, QStringLiteral("net.stream_throughput_bits_per_s"), QStringLiteral("stream"), 1);
    ASSERT_NE(stream1, nullptr);
    EXPECT_DOUBLE_EQ(stream1->value, 4383928488.752113);
    const Series* s = findSeries(r, QStringLiteral("net.throughput_bits_per_s"));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->t.size(), 60u);
    EXPECT_DOUBLE_EQ(s->v.back(), 17444906581.90087);
    const Series* retr = findSeries(r, QStringLiteral("net.retransmits"));
    ASSERT_NE(retr, nullptr);
    double total = 0;
    for (const double v : retr->v) total += v;
    EXPECT_DOUBLE_EQ(total, 2.0);  // the interval retransmits add up to the end total
}

TEST(Iperf3Import, UdpLoopbackSample)
{
    // data/sample/iperf3_udp_loopback.json, captured with iperf3 3.12 (see data/sample/README.md).
    const QString path = projectDataPath(QStringLiteral("sample/iperf3_udp_loopback.json"));
    const ImportResult r = parseWith(QStringLiteral("iperf3"), path);
    EXPECT_EQ(r.labels.value(QStringLiteral("protocol")).toString(), QStringLiteral("UDP"));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.throughput_bits_per_s")), 180899497.60256076);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.jitter_ms")), 0.007366388091471265);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.loss_pct")), 9.200524246395807);
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("net.retransmits")));
}

TEST(Iperf3Import, OmittedIntervalsAreDropped)
{
    HEADROOM_FIXTURE(path, "iperf3/iperf3-python_iperf-3.0.11_tcp_1stream.json");
    QByteArray bytes = readFile(path);
    // Interval 0: its stream and its sum are the first two "omitted" flags.
    for (int i = 0; i < 2; ++i) {
        const qsizetype at = bytes.indexOf("\"omitted\":\tfalse");
        ASSERT_GE(at, 0);
        bytes.replace(at, 16, "\"omitted\":\ttrue");
    }
    const ImportResult r = parseBytesWith(QStringLiteral("iperf3"), bytes);
    const Series* s = findSeries(r, QStringLiteral("net.throughput_bits_per_s"));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->t.size(), 12u);
    EXPECT_NE(s->v.front(), 950062000.0);
    EXPECT_FALSE(r.warnings.isEmpty());
}

TEST(Iperf3Import, TopLevelErrorIsAnInputError)
{
    const QByteArray failed = "{\n\t\"start\":\t{\n\t\t\"connected\":\t[],\n\t\t\"version\":\t\"iperf 3.12\"\n\t},\n\t\"intervals\":\t[],\n"
                              "\t\"end\":\t{\n\t},\n\t\"error\":\t\"unable to connect to server: Connection refused\"\n}\n";
    auto e = inputErrorOf(QStringLiteral("iperf3"), failed, QStringLiteral("run.json"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where(), QStringLiteral("run.json: $.error"));
    EXPECT_TRUE(e->message().contains(QStringLiteral("Connection refused")));
}

TEST(Iperf3Import, BrokenInput)
{
    HEADROOM_FIXTURE(path, "iperf3/iperf3-python_iperf-3.0.11_tcp_1stream.json");
    const QByteArray good = readFile(path);
    const QString ip = QStringLiteral("iperf3");
    auto cut = inputErrorOf(ip, good.left(3000), QStringLiteral("cut.json"));
    ASSERT_TRUE(cut);
    EXPECT_EQ(cut->where().count(QLatin1Char(':')), 2) << cut->where().toStdString();
    ASSERT_TRUE(inputErrorOf(ip, "   \n"));
    ASSERT_TRUE(inputErrorOf(ip, QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8)));
    auto noEnd = inputErrorOf(ip, R"({"start": {"version": "iperf 3.9"}, "intervals": []})");
    ASSERT_TRUE(noEnd);
    EXPECT_EQ(noEnd->where(), QStringLiteral("input: $.end"));
    QByteArray badBps = good;
    const QByteArray lastBps = "\"bits_per_second\":\t9.34268e+08";  // end.sum_received is the last one
    badBps.replace(badBps.lastIndexOf(lastBps), lastBps.size(), "\"bits_per_second\":\t\"many\"");
    auto typed = inputErrorOf(ip, badBps);
    ASSERT_TRUE(typed);
    EXPECT_EQ(typed->where(), QStringLiteral("input: $.end.sum_received.bits_per_second"));
    QByteArray crlf = good;
    crlf.replace("\n", "\r\n");
    EXPECT_DOUBLE_EQ(parseBytesWith(ip, "\xEF\xBB\xBF" + crlf).metrics.value(QStringLiteral("net.throughput_bits_per_s")), 934268000.0);
}
