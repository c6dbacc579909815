#include "benchmark_parse.h"
#include "import/fio_importer.h"
#include "tool_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Each test runs the real tool for about a second on a temporary file or on 127.0.0.1, imports
// what it printed, and checks the importer's numbers against the tool's own output, read
// independently here (the JSON through QJsonDocument, the text through regular expressions).

namespace {

// The number captured by `pattern` in a tool's text output.
double printed(const QByteArray& out, const QString& pattern)
{
    const auto m = QRegularExpression(pattern).match(QString::fromUtf8(out));
    EXPECT_TRUE(m.hasMatch()) << "no match for " << pattern.toStdString() << " in:\n" << out.toStdString();
    return m.captured(1).toDouble();
}

// wrk prints latencies as "3.93ms", "812.00us", "1.02s".
double wrkLatencyMs(const QString& text)
{
    const auto m = QRegularExpression(QStringLiteral("^([0-9.]+)(us|ms|s|m)$")).match(text);
    EXPECT_TRUE(m.hasMatch()) << text.toStdString();
    const double v = m.captured(1).toDouble();
    const QString u = m.captured(2);
    return u == QLatin1String("us") ? v / 1000 : u == QLatin1String("ms") ? v : u == QLatin1String("s") ? v * 1000 : v * 60000;
}

}  // namespace

TEST(BenchmarkRoundTrip, FioJsonPlusTwoJobs)
{
    HEADROOM_TOOL(fio, "fio");
    QTemporaryDir dir;
    bool ok = false;
    QString error;
    const QByteArray out = runTool(fio,
                                   {QStringLiteral("--name=roundtrip"), QStringLiteral("--directory=") + dir.path(),
                                    QStringLiteral("--size=8M"), QStringLiteral("--rw=randrw"), QStringLiteral("--bs=4k"),
                                    QStringLiteral("--ioengine=psync"), QStringLiteral("--numjobs=2"), QStringLiteral("--runtime=1"),
                                    QStringLiteral("--time_based"), QStringLiteral("--output-format=json+")},
                                   15000, ok, error);
    ASSERT_TRUE(ok) << error.toStdString();
    const ImportResult r = parseBytesWith(QStringLiteral("fio"), out, QStringLiteral("fio.json"));

    const QJsonObject root = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object();
    const QJsonArray jobs = root.value(QStringLiteral("jobs")).toArray();
    ASSERT_EQ(jobs.size(), 2);
    double readIops = 0, writeBw = 0;
    std::map<double, double> mergedReadBins;
    for (const auto& j : jobs) {
        const QJsonObject read = j.toObject().value(QStringLiteral("read")).toObject();
        readIops += read.value(QStringLiteral("iops")).toDouble();
        writeBw += j.toObject().value(QStringLiteral("write")).toObject().value(QStringLiteral("bw_bytes")).toDouble();
        const QJsonObject clat = read.value(QStringLiteral("clat_ns")).toObject();
        const QJsonObject bins = clat.value(QStringLiteral("bins")).toObject();
        std::map<double, double> jobBins;
        for (auto it = bins.begin(); it != bins.end(); ++it) {
            jobBins[it.key().toDouble()] += it.value().toDouble();
            mergedReadBins[it.key().toDouble()] += it.value().toDouble();
        }
        // fio's own percentiles follow the rule used to merge jobs.
        const QJsonObject pct = clat.value(QStringLiteral("percentile")).toObject();
        for (const char* key : {"50.000000", "90.000000", "99.000000"})
            EXPECT_DOUBLE_EQ(fioPercentileOfBins(jobBins, QByteArray(key).toDouble()), pct.value(QLatin1String(key)).toDouble()) << key;
    }
    EXPECT_NEAR(r.metrics.value(QStringLiteral("disk.read_iops")), readIops, 1e-9 * readIops);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("disk.write_bw_bytes_per_s")), writeBw, 1e-9 * writeBw);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("disk.read_lat_p99_ms")), fioPercentileOfBins(mergedReadBins, 99) / 1e6);
    const double job0p50 = jobs.at(0).toObject().value(QStringLiteral("read")).toObject().value(QStringLiteral("clat_ns")).toObject()
                               .value(QStringLiteral("percentile")).toObject().value(QStringLiteral("50.000000")).toDouble();
    const Measurement* m0 = findMeasurement(r, QStringLiteral("disk.read_lat_p50_ms"), QStringLiteral("job_index"), 0);
    ASSERT_NE(m0, nullptr);
    EXPECT_DOUBLE_EQ(m0->value, job0p50 / 1e6);
}

TEST(BenchmarkRoundTrip, SysbenchCpuMemoryFileio)
{
    HEADROOM_TOOL(sysbench, "sysbench");
    bool ok = false;
    QString error;
    const QByteArray cpu = runTool(sysbench, {QStringLiteral("cpu"), QStringLiteral("--time=1"), QStringLiteral("--percentile=99"),
                                              QStringLiteral("run")}, 10000, ok, error);
    ASSERT_TRUE(ok) << error.toStdString();
    const ImportResult c = parseBytesWith(QStringLiteral("sysbench"), cpu);
    EXPECT_DOUBLE_EQ(c.metrics.value(QStringLiteral("cpu.events_per_s")), printed(cpu, QStringLiteral("events per second:\\s*([0-9.]+)")));
    EXPECT_DOUBLE_EQ(c.metrics.value(QStringLiteral("cpu.latency_p99_ms")), printed(cpu, QStringLiteral("99th percentile:\\s*([0-9.]+)")));
    EXPECT_DOUBLE_EQ(c.metrics.value(QStringLiteral("cpu.latency_mean_ms")), printed(cpu, QStringLiteral("avg:\\s*([0-9.]+)")));

    const QByteArray mem = runTool(sysbench, {QStringLiteral("memory"), QStringLiteral("--time=1"), QStringLiteral("--memory-total-size=100G"),
                                              QStringLiteral("run")}, 10000, ok, error);
    ASSERT_TRUE(ok) << error.toStdString();
    const ImportResult m = parseBytesWith(QStringLiteral("sysbench"), mem);
    EXPECT_DOUBLE_EQ(m.metrics.value(QStringLiteral("mem.mib_per_s")), printed(mem, QStringLiteral("MiB transferred \\(([0-9.]+) MiB/sec\\)")));

    QTemporaryDir dir;
    const QStringList size{QStringLiteral("fileio"), QStringLiteral("--file-total-size=16M"), QStringLiteral("--file-num=4")};
    runTool(sysbench, size + QStringList{QStringLiteral("prepare")}, 10000, ok, error, dir.path());
    ASSERT_TRUE(ok) << error.toStdString();
    const QByteArray fileio = runTool(sysbench, size + QStringList{QStringLiteral("--file-test-mode=rndrw"), QStringLiteral("--time=1"), QStringLiteral("run")},
                                      10000, ok, error, dir.path());
    ASSERT_TRUE(ok) << error.toStdString();
    const ImportResult f = parseBytesWith(QStringLiteral("sysbench"), fileio);
    EXPECT_DOUBLE_EQ(f.metrics.value(QStringLiteral("disk.read_iops")), printed(fileio, QStringLiteral("reads/s:\\s*([0-9.]+)")));
    EXPECT_DOUBLE_EQ(f.metrics.value(QStringLiteral("disk.write_iops")), printed(fileio, QStringLiteral("writes/s:\\s*([0-9.]+)")));
    EXPECT_DOUBLE_EQ(f.metrics.value(QStringLiteral("disk.read_bw_bytes_per_s")),
                     printed(fileio, QStringLiteral("read, MiB/s:\\s*([0-9.]+)")) * 1048576.0);
}

namespace {

// A one-off iperf3 server for one test on a free loopback port; it ends after one client.
class Iperf3Server {
public:
    Iperf3Server(const QString& iperf3, int port)
    {
        process_.start(iperf3, {QStringLiteral("-s"), QStringLiteral("-1"), QStringLiteral("-B"), QStringLiteral("127.0.0.1"),
                                QStringLiteral("-p"), QString::number(port)});
        listening_ = waitForListener(port, 5000);
    }
    bool listening() const { return listening_; }
    ~Iperf3Server()
    {
        if (!process_.waitForFinished(3000)) process_.kill();
        process_.waitForFinished(1000);
    }

private:
    QProcess process_;
    bool listening_ = false;
};

QJsonObject endSum(const QByteArray& out, const char* key)
{
    return QJsonDocument::fromJson(out).object().value(QStringLiteral("end")).toObject().value(QLatin1String(key)).toObject();
}

}  // namespace

TEST(BenchmarkRoundTrip, Iperf3TcpAndUdpOnLoopback)
{
    HEADROOM_TOOL(iperf3, "iperf3");
    bool ok = false;
    QString error;
    QByteArray tcp, udp;
    {
        const int port = freeLoopbackPort();
        Iperf3Server server(iperf3, port);
        ASSERT_TRUE(server.listening()) << "iperf3 -s did not start";
        tcp = runTool(iperf3, {QStringLiteral("-c"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                               QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("-J")}, 10000, ok, error);
        ASSERT_TRUE(ok) << error.toStdString() << tcp.toStdString();
    }
    const ImportResult t = parseBytesWith(QStringLiteral("iperf3"), tcp);
    EXPECT_DOUBLE_EQ(t.metrics.value(QStringLiteral("net.throughput_bits_per_s")), endSum(tcp, "sum_received").value(QStringLiteral("bits_per_second")).toDouble());
    EXPECT_DOUBLE_EQ(t.metrics.value(QStringLiteral("net.retransmits")), endSum(tcp, "sum_sent").value(QStringLiteral("retransmits")).toDouble());
    const Series* s = findSeries(t, QStringLiteral("net.throughput_bits_per_s"));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(qsizetype(s->v.size()), QJsonDocument::fromJson(tcp).object().value(QStringLiteral("intervals")).toArray().size());
    {
        const int port = freeLoopbackPort();
        Iperf3Server server(iperf3, port);
        ASSERT_TRUE(server.listening()) << "iperf3 -s did not start";
        udp = runTool(iperf3, {QStringLiteral("-c"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                               QStringLiteral("-u"), QStringLiteral("-b"), QStringLiteral("50M"), QStringLiteral("-t"), QStringLiteral("1"),
                               QStringLiteral("-J")}, 10000, ok, error);
        ASSERT_TRUE(ok) << error.toStdString() << udp.toStdString();
    }
    const ImportResult u = parseBytesWith(QStringLiteral("iperf3"), udp);
    const QJsonObject received = endSum(udp, "sum_received").isEmpty() ? endSum(udp, "sum") : endSum(udp, "sum_received");
    EXPECT_DOUBLE_EQ(u.metrics.value(QStringLiteral("net.throughput_bits_per_s")), received.value(QStringLiteral("bits_per_second")).toDouble());
    EXPECT_DOUBLE_EQ(u.metrics.value(QStringLiteral("net.jitter_ms")), received.value(QStringLiteral("jitter_ms")).toDouble());
    EXPECT_DOUBLE_EQ(u.metrics.value(QStringLiteral("net.loss_pct")), received.value(QStringLiteral("lost_percent")).toDouble());
}

TEST(BenchmarkRoundTrip, WrkAgainstALocalHttpServer)
{
    HEADROOM_TOOL(wrk, "wrk");
    HEADROOM_TOOL(python, "python3");
    QTemporaryDir dir;
    QFile page(dir.filePath(QStringLiteral("index.html")));
    ASSERT_TRUE(page.open(QIODevice::WriteOnly));
    page.write(QByteArray(512, 'x'));
    page.close();
    const int port = freeLoopbackPort();
    QProcess server;
    server.setWorkingDirectory(dir.path());
    server.start(python, {QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                          QString::number(port)});
    ASSERT_TRUE(waitForListener(port, 5000)) << "the HTTP server did not start";
    bool ok = false;
    QString error;
    const QByteArray out = runTool(wrk, {QStringLiteral("-t1"), QStringLiteral("-c4"), QStringLiteral("-d1s"), QStringLiteral("--latency"),
                                         QStringLiteral("http://127.0.0.1:%1/index.html").arg(port)}, 10000, ok, error);
    server.terminate();
    if (!server.waitForFinished(3000)) server.kill();
    ASSERT_TRUE(ok) << error.toStdString();
    const ImportResult r = parseBytesWith(QStringLiteral("wrk"), out);
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests_per_s")), printed(out, QStringLiteral("Requests/sec:\\s*([0-9.]+)")));
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.requests")), printed(out, QStringLiteral("(\\d+) requests in")));
    const auto p99 = QRegularExpression(QStringLiteral("\\n\\s*99%\\s+(\\S+)")).match(QString::fromUtf8(out));
    ASSERT_TRUE(p99.hasMatch()) << out.toStdString();
    EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("http.latency_p99_ms")), wrkLatencyMs(p99.captured(1)));
    EXPECT_GT(r.metrics.value(QStringLiteral("http.requests")), 0.0);
}
