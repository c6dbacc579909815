#include "benchmark_parse.h"
#include "tool_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Files that hold several runs, made by running the real tools here (sysbench 1.0.20 and fio as
// Debian ships them): a thread sweep, two sysbench tests, a sync and an async fileio run, fio
// jobs in stonewalled groups. Each run must keep its own numbers, read here from the tool's own
// output, and no headline may be made from them.

namespace {

QByteArray run(const QString& tool, const QStringList& args, const QString& workDir = {})
{
    bool ok = false;
    QString error;
    const QByteArray out = runTool(tool, args, 60000, ok, error, workDir);
    EXPECT_TRUE(ok) << error.toStdString();
    return out;
}

// The numbers captured by `pattern`, in the order the runs printed them.
std::vector<double> printedAll(const QByteArray& out, const QString& pattern)
{
    std::vector<double> values;
    for (auto it = QRegularExpression(pattern).globalMatch(QString::fromUtf8(out)); it.hasNext();) values.push_back(it.next().captured(1).toDouble());
    return values;
}

const Measurement* ofRun(const ImportResult& r, const QString& metric, int run)
{
    return findMeasurement(r, metric, QStringLiteral("run"), run);
}

bool warns(const ImportResult& r, const QString& text)
{
    for (const auto& w : r.warnings)
        if (w.message.contains(text)) return true;
    return false;
}

}  // namespace

TEST(MultiRunRoundTrip, SysbenchThreadSweepRunsAreNotRepeats)
{
    HEADROOM_TOOL(sysbench, "sysbench");
    QByteArray out;
    for (const char* threads : {"1", "2", "4"})
        out += run(sysbench, {QStringLiteral("cpu"), QStringLiteral("--time=1"), QStringLiteral("--threads=") + QLatin1String(threads), QStringLiteral("run")});
    const ImportResult r = parseBytesWith(QStringLiteral("sysbench"), out, QStringLiteral("sweep.txt"));
    EXPECT_TRUE(r.metrics.isEmpty());
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 3);
    EXPECT_TRUE(warns(r, QStringLiteral("cpu 1 threads, cpu 2 threads, cpu 4 threads")));
    const auto eps = printedAll(out, QStringLiteral("events per second:\\s*([0-9.]+)"));
    ASSERT_EQ(eps.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        const Measurement* m = ofRun(r, QStringLiteral("cpu.events_per_s"), i);
        ASSERT_NE(m, nullptr);
        EXPECT_DOUBLE_EQ(m->value, eps[size_t(i)]);
        EXPECT_EQ(m->labels.value(QStringLiteral("threads")).toInt(), 1 << i);
    }
}

// sysbench 1.0.20 prints no test name for threads and mutex; the two runs stay apart.
TEST(MultiRunRoundTrip, SysbenchThreadsAndMutexInOneFile)
{
    HEADROOM_TOOL(sysbench, "sysbench");
    const QByteArray out = run(sysbench, {QStringLiteral("threads"), QStringLiteral("--time=1"), QStringLiteral("run")}) +
                           run(sysbench, {QStringLiteral("mutex"), QStringLiteral("--mutex-num=64"), QStringLiteral("--mutex-locks=2000"), QStringLiteral("run")});
    const ImportResult r = parseBytesWith(QStringLiteral("sysbench"), out, QStringLiteral("threads-mutex.txt"));
    EXPECT_TRUE(r.metrics.isEmpty());
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 2);
    const auto events = printedAll(out, QStringLiteral("total number of events:\\s*([0-9.]+)"));
    const auto seconds = printedAll(out, QStringLiteral("total time:\\s*([0-9.]+)s"));
    ASSERT_EQ(events.size(), 2u);
    ASSERT_EQ(seconds.size(), 2u);
    for (int i = 0; i < 2; ++i) {
        const Measurement* m = ofRun(r, QStringLiteral("sysbench.events_per_s"), i);
        ASSERT_NE(m, nullptr) << "run " << i;
        EXPECT_DOUBLE_EQ(m->value, events[size_t(i)] / seconds[size_t(i)]);
    }
}

TEST(MultiRunRoundTrip, SysbenchFileioSyncAndAsyncAreNotAveraged)
{
    HEADROOM_TOOL(sysbench, "sysbench");
    QTemporaryDir dir;
    const QStringList common{QStringLiteral("fileio"), QStringLiteral("--file-num=2"), QStringLiteral("--file-total-size=8M"),
                             QStringLiteral("--file-test-mode=rndrw")};
    run(sysbench, common + QStringList{QStringLiteral("prepare")}, dir.path());
    QByteArray out;
    for (const char* mode : {"sync", "async"})
        out += run(sysbench, common + QStringList{QStringLiteral("--time=1"), QStringLiteral("--file-io-mode=") + QLatin1String(mode), QStringLiteral("run")},
                   dir.path());
    const ImportResult r = parseBytesWith(QStringLiteral("sysbench"), out, QStringLiteral("fileio.txt"));
    EXPECT_TRUE(r.metrics.isEmpty());
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 2);
    const auto reads = printedAll(out, QStringLiteral("reads/s:\\s*([0-9.]+)"));
    ASSERT_EQ(reads.size(), 2u);
    const char* modes[] = {"synchronous", "asynchronous"};
    for (int i = 0; i < 2; ++i) {
        const Measurement* m = ofRun(r, QStringLiteral("disk.read_iops"), i);
        ASSERT_NE(m, nullptr);
        EXPECT_DOUBLE_EQ(m->value, reads[size_t(i)]);
        EXPECT_EQ(m->labels.value(QStringLiteral("io_mode")).toString(), QLatin1String(modes[i]));
    }
}

// Two jobs in stonewalled groups ran one after the other: their IOPS are never summed.
TEST(MultiRunRoundTrip, FioStonewalledGroupsAreNotSummed)
{
    HEADROOM_TOOL(fio, "fio");
    QTemporaryDir dir;
    const QByteArray out =
        run(fio, {QStringLiteral("--directory=") + dir.path(), QStringLiteral("--size=4M"), QStringLiteral("--bs=4k"),
                  QStringLiteral("--ioengine=psync"), QStringLiteral("--runtime=1"), QStringLiteral("--time_based"),
                  QStringLiteral("--output-format=json"), QStringLiteral("--name=first"), QStringLiteral("--rw=randread"),
                  QStringLiteral("--name=second"), QStringLiteral("--stonewall"), QStringLiteral("--rw=randread")});
    const ImportResult r = parseBytesWith(QStringLiteral("fio"), out, QStringLiteral("fio.json"));
    EXPECT_FALSE(r.metrics.contains(QStringLiteral("disk.read_iops")));
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 2);
    const QJsonArray jobs = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object().value(QStringLiteral("jobs")).toArray();
    ASSERT_EQ(jobs.size(), 2);
    for (const auto& j : jobs) {
        const QJsonObject job = j.toObject();
        const Measurement* m = findMeasurement(r, QStringLiteral("disk.read_iops"), QStringLiteral("job"), job.value(QStringLiteral("jobname")));
        ASSERT_NE(m, nullptr);
        EXPECT_DOUBLE_EQ(m->value, job.value(QStringLiteral("read")).toObject().value(QStringLiteral("iops")).toDouble());
        EXPECT_EQ(m->labels.value(QStringLiteral("groupid")).toInt(), job.value(QStringLiteral("groupid")).toInt());
    }
}

// iperf3 -n 10K ends before the server's first report: a receiver figure of 0 is not stored.
TEST(MultiRunRoundTrip, Iperf3TransferTooShortToMeasure)
{
    HEADROOM_TOOL(iperf3, "iperf3");
    const int port = freeLoopbackPort();
    QProcess server;
    server.start(iperf3, {QStringLiteral("-s"), QStringLiteral("-1"), QStringLiteral("-B"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                          QString::number(port)});
    ASSERT_TRUE(waitForListener(port, 5000)) << "iperf3 -s did not start";
    const QByteArray out = run(iperf3, {QStringLiteral("-c"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                                        QStringLiteral("-n"), QStringLiteral("10K"), QStringLiteral("-J")});
    if (!server.waitForFinished(3000)) server.kill();
    server.waitForFinished(1000);
    const ImportResult r = parseBytesWith(QStringLiteral("iperf3"), out, QStringLiteral("short.json"));
    const QJsonObject end = QJsonDocument::fromJson(out).object().value(QStringLiteral("end")).toObject();
    const double received = end.value(QStringLiteral("sum_received")).toObject().value(QStringLiteral("bytes")).toDouble();
    if (received == 0) {
        EXPECT_FALSE(r.metrics.contains(QStringLiteral("net.throughput_bits_per_s")));
        EXPECT_TRUE(warns(r, QStringLiteral("receiver reported 0 bytes")));
    } else {
        EXPECT_DOUBLE_EQ(r.metrics.value(QStringLiteral("net.throughput_bits_per_s")),
                         end.value(QStringLiteral("sum_received")).toObject().value(QStringLiteral("bits_per_second")).toDouble());
    }
}
