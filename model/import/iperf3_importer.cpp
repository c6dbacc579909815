#include "iperf3_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "tool_text.h"

#include <QJsonArray>

namespace headroom {

namespace {

double numberAt(const QJsonObject& o, const json::Path& p, const QString& key)
{
    return p.key(key).number(o.value(key));
}

// The host name from "Linux myhost 6.1.0 #1 SMP … x86_64".
QString hostOf(const QString& systemInfo)
{
    const QStringList parts = systemInfo.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(1) : QString();
}

void readIntervals(ImportResult& r, const QJsonObject& root, const json::Path& rootPath, double startTime, bool tcp,
                   bool reverse, const ImportContext& context)
{
    if (!root.contains(QStringLiteral("intervals"))) return;
    const json::Path ip = rootPath.key(QStringLiteral("intervals"));
    const QJsonArray intervals = ip.array(root.value(QStringLiteral("intervals")));
    Series throughput, retransmits;
    throughput.metric = QStringLiteral("net.throughput_bits_per_s");
    throughput.unit = QStringLiteral("bits/s");
    retransmits.metric = QStringLiteral("net.retransmits");
    retransmits.unit = QStringLiteral("count");
    qsizetype omitted = 0;
    // The client reports what it sends, or with -R what it receives; 3.9+ says so per interval.
    bool sender = !reverse;
    for (qsizetype i = 0; i < intervals.size(); ++i) {
        if (context.cancelled()) throw Cancelled();
        const json::Path p = ip.index(i).key(QStringLiteral("sum"));
        const QJsonObject sum = p.object(intervals.at(i).toObject().value(QStringLiteral("sum")));
        if (sum.value(QStringLiteral("omitted")).toBool()) {
            ++omitted;
            continue;
        }
        if (sum.contains(QStringLiteral("sender"))) sender = sum.value(QStringLiteral("sender")).toBool();
        const double t = startTime + numberAt(sum, p, QStringLiteral("end"));
        throughput.t.push_back(t);
        throughput.v.push_back(numberAt(sum, p, QStringLiteral("bits_per_second")));
        if (tcp && sum.contains(QStringLiteral("retransmits"))) {
            retransmits.t.push_back(t);
            retransmits.v.push_back(numberAt(sum, p, QStringLiteral("retransmits")));
        }
    }
    // Intervals are measured where the report was written: the sender unless the run was reversed.
    const QJsonObject side{{QStringLiteral("side"), sender ? QStringLiteral("sender") : QStringLiteral("receiver")}};
    throughput.labels = side;
    if (!throughput.t.empty()) r.series.push_back(std::move(throughput));
    if (!retransmits.t.empty()) r.series.push_back(std::move(retransmits));
    if (omitted > 0) {
        ImportWarning w;
        w.jsonPath = ip.str();
        w.message = QStringLiteral("%1 omitted interval(s) (-O warm-up) dropped").arg(omitted);
        r.warnings << w;
    }
}

}  // namespace

int Iperf3Importer::sniff(const QByteArray& head, const QString&) const
{
    const QByteArray h = tooltext::withoutBom(head);
    if (h.contains("\"test_start\"") || (h.contains("\"start\"") && h.contains("\"connecting_to\"")) ||
        (h.contains("\"version\"") && h.contains("\"iperf 3")))
        return 95;
    return 0;
}

ImportResult Iperf3Importer::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = tooltext::read(in, context, QStringLiteral("iperf3 JSON output (-J)"));
    const QJsonDocument doc = json::parseDocument(tooltext::isolateJsonObject(text, 0), context.fileName, true);
    const json::Path rootPath(context.fileName);
    if (!doc.isObject()) rootPath.fail(QStringLiteral("expected iperf3's JSON object with start, intervals and end"));
    const QJsonObject root = doc.object();
    if (root.contains(QStringLiteral("error")))
        throw InputError(rootPath.key(QStringLiteral("error")).where(),
                         QStringLiteral("iperf3 reported a failed run: %1").arg(root.value(QStringLiteral("error")).toString()));
    const json::Path startPath = rootPath.key(QStringLiteral("start"));
    const json::Path endPath = rootPath.key(QStringLiteral("end"));
    const QJsonObject start = startPath.object(root.value(QStringLiteral("start")));
    const QJsonObject end = endPath.object(root.value(QStringLiteral("end")));

    ImportResult r;
    r.format = name();
    r.toolVersion = start.value(QStringLiteral("version")).toString();
    r.node = hostOf(start.value(QStringLiteral("system_info")).toString());
    const QJsonObject testStart = start.value(QStringLiteral("test_start")).toObject();
    const QString protocol = testStart.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"));
    const bool tcp = protocol.compare(QLatin1String("UDP"), Qt::CaseInsensitive) != 0;
    r.labels.insert(QStringLiteral("protocol"), protocol);
    r.labels.insert(QStringLiteral("streams"), testStart.value(QStringLiteral("num_streams")));
    r.labels.insert(QStringLiteral("reverse"), testStart.value(QStringLiteral("reverse")).toInt() != 0);
    const QJsonArray connected = start.value(QStringLiteral("connected")).toArray();
    if (!connected.isEmpty()) r.labels.insert(QStringLiteral("remote_host"), connected.first().toObject().value(QStringLiteral("remote_host")));
    const double startTime = start.value(QStringLiteral("timestamp")).toObject().value(QStringLiteral("timesecs")).toDouble();

    // Receiver side: sum_received (TCP, and UDP since 3.x) or, for older UDP reports, sum.
    QString receivedKey = QStringLiteral("sum_received");
    if (!end.contains(receivedKey)) receivedKey = QStringLiteral("sum");
    const json::Path rp = endPath.key(receivedKey);
    const QJsonObject received = rp.object(end.value(receivedKey));
    const double bps = numberAt(received, rp, QStringLiteral("bits_per_second"));
    const double sentBytes = end.value(QStringLiteral("sum_sent")).toObject().value(QStringLiteral("bytes")).toDouble();
    const double receivedBytes = received.value(QStringLiteral("bytes")).toDouble(-1);
    if (receivedBytes == 0 && sentBytes > 0) {
        // A transfer shorter than the server's first report (-n 10K, -k 1) ends before the
        // receiver counted anything: its 0 bits/s is not a measurement, and the sender's rate
        // is only how fast the socket buffer filled.
        ImportWarning w;
        w.jsonPath = rp.str();
        w.message = QStringLiteral("the receiver reported 0 bytes while the sender sent %1 (a transfer too short for "
                                   "iperf3 to measure, as with -n or -k); no receiver throughput is stored")
                        .arg(sentBytes);
        r.warnings << w;
    } else {
        r.metrics.insert(QStringLiteral("net.throughput_bits_per_s"), bps);
        r.addMeasurement(QStringLiteral("net.throughput_bits_per_s"), bps, QStringLiteral("bits/s"), {{QStringLiteral("side"), QStringLiteral("receiver")}});
    }
    if (end.contains(QStringLiteral("sum_sent"))) {
        const json::Path sp = endPath.key(QStringLiteral("sum_sent"));
        const QJsonObject sent = sp.object(end.value(QStringLiteral("sum_sent")));
        r.addMeasurement(QStringLiteral("net.throughput_bits_per_s"), numberAt(sent, sp, QStringLiteral("bits_per_second")),
            QStringLiteral("bits/s"), {{QStringLiteral("side"), QStringLiteral("sender")}});
        if (tcp && sent.contains(QStringLiteral("retransmits"))) {
            const double retr = numberAt(sent, sp, QStringLiteral("retransmits"));
            r.metrics.insert(QStringLiteral("net.retransmits"), retr);
            r.addMeasurement(QStringLiteral("net.retransmits"), retr, QStringLiteral("count"));
        }
    }
    if (!tcp) {
        const double jitter = numberAt(received, rp, QStringLiteral("jitter_ms"));
        const double loss = numberAt(received, rp, QStringLiteral("lost_percent"));
        r.metrics.insert(QStringLiteral("net.jitter_ms"), jitter);
        r.metrics.insert(QStringLiteral("net.loss_pct"), loss);
        r.addMeasurement(QStringLiteral("net.jitter_ms"), jitter, QStringLiteral("ms"));
        r.addMeasurement(QStringLiteral("net.loss_pct"), loss, QStringLiteral("%"));
    }

    // Per stream: receiver throughput and, for TCP, the sender's RTT (µs in the file).
    const json::Path streamsPath = endPath.key(QStringLiteral("streams"));
    const QJsonArray streams = end.value(QStringLiteral("streams")).toArray();
    double rttSum = 0;
    int rttCount = 0;
    for (qsizetype i = 0; i < streams.size(); ++i) {
        const json::Path p = streamsPath.index(i);
        const QJsonObject s = p.object(streams.at(i));
        if (s.contains(QStringLiteral("receiver"))) {
            const json::Path rp2 = p.key(QStringLiteral("receiver"));
            const QJsonObject recv = rp2.object(s.value(QStringLiteral("receiver")));
            const QJsonObject labels{{QStringLiteral("stream"), int(i)}, {QStringLiteral("socket"), recv.value(QStringLiteral("socket"))}};
            r.addMeasurement(QStringLiteral("net.stream_throughput_bits_per_s"), numberAt(recv, rp2, QStringLiteral("bits_per_second")),
                QStringLiteral("bits/s"), labels);
        }
        const QJsonObject snd = s.value(QStringLiteral("sender")).toObject();
        if (snd.contains(QStringLiteral("mean_rtt"))) {
            const double rttMs = p.key(QStringLiteral("sender")).key(QStringLiteral("mean_rtt")).number(snd.value(QStringLiteral("mean_rtt"))) / 1000.0;
            r.addMeasurement(QStringLiteral("net.rtt_mean_ms"), rttMs, QStringLiteral("ms"), {{QStringLiteral("stream"), int(i)}});
            rttSum += rttMs;
            ++rttCount;
        }
    }
    if (rttCount > 0) r.metrics.insert(QStringLiteral("net.rtt_mean_ms"), rttSum / rttCount);
    const QJsonObject cpu = end.value(QStringLiteral("cpu_utilization_percent")).toObject();
    if (cpu.contains(QStringLiteral("host_total")))
        r.addMeasurement(QStringLiteral("cpu.util_pct"), cpu.value(QStringLiteral("host_total")).toDouble(), QStringLiteral("%"),
            {{QStringLiteral("host"), QStringLiteral("local")}, {QStringLiteral("during"), QStringLiteral("iperf3")}});

    readIntervals(r, root, rootPath, startTime, tcp, testStart.value(QStringLiteral("reverse")).toInt() != 0, context);
    return r;
}

}  // namespace headroom
