#include "pkb_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "tool_text.h"
#include "units.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <map>

namespace headroom {

namespace {

struct Canonical {
    QString metric;
    double factor = 1;
    QString unit;
};

// PKB metric and unit -> canonical name and conversion; nothing when there is none.
std::optional<Canonical> canonicalOf(const QString& metric, const QString& unit)
{
    const QString m = metric.toLower();
    const bool throughput = m == QLatin1String("tcp throughput") || m == QLatin1String("throughput") ||
                            m == QLatin1String("tcp_stream_throughput") || m == QLatin1String("udp throughput") ||
                            m == QLatin1String("udp_stream_throughput");
    if (throughput) {
        if (unit == QLatin1String("Mbits/sec")) return Canonical{QStringLiteral("net.throughput_bits_per_s"), 1e6, QStringLiteral("bits/s")};
        if (unit == QLatin1String("Gbits/sec")) return Canonical{QStringLiteral("net.throughput_bits_per_s"), 1e9, QStringLiteral("bits/s")};
        if (unit == QLatin1String("Kbits/sec")) return Canonical{QStringLiteral("net.throughput_bits_per_s"), 1e3, QStringLiteral("bits/s")};
        if (unit == QLatin1String("bits/sec")) return Canonical{QStringLiteral("net.throughput_bits_per_s"), 1, QStringLiteral("bits/s")};
    }
    return std::nullopt;
}

struct SampleSink {
    ImportResult& r;
    std::map<QString, std::pair<double, int>> sums;  // metric -> (sum, count)

    void add(const QJsonObject& s, const json::Path& p, const QString& side)
    {
        const QString metric = p.key(QStringLiteral("metric")).string(s.value(QStringLiteral("metric")));
        const double value = p.key(QStringLiteral("value")).number(s.value(QStringLiteral("value")));
        const QString unit = s.value(QStringLiteral("unit")).toString();
        QJsonObject labels = s.value(QStringLiteral("labels")).isString() ? parsePkbLabels(s.value(QStringLiteral("labels")).toString())
                                                                           : s.value(QStringLiteral("metadata")).toObject();
        labels.insert(QStringLiteral("pkb_metric"), metric);
        labels.insert(QStringLiteral("pkb_unit"), unit);
        for (const char* key : {"test", "run_uri", "timestamp", "official"})
            if (s.contains(QLatin1String(key))) labels.insert(QLatin1String(key), s.value(QLatin1String(key)));
        if (!side.isEmpty()) labels.insert(QStringLiteral("side_by_side"), side);
        Measurement m;
        m.node = s.value(QStringLiteral("run_uri")).toString();
        if (const auto c = canonicalOf(metric, unit)) {
            m.metric = c->metric;
            m.value = value * c->factor;
            m.unit = c->unit;
        } else {
            m.metric = QStringLiteral("pkb.") + units::metricSlug(metric);
            m.value = value;
            m.unit = unit;
        }
        m.labels = labels;
        r.measurements << m;
        auto& [sum, n] = sums[m.metric];
        sum += m.value;
        ++n;
    }
};

}  // namespace

QJsonObject parsePkbLabels(const QString& labels)
{
    // Each entry is "|key:value|"; the key ends at the first ':' (values may hold ':').
    static const QRegularExpression entry(QStringLiteral("[|\\[]([^|:\\[]+):([^|]*)\\|"));
    QJsonObject out;
    auto it = entry.globalMatch(labels);
    while (it.hasNext()) {
        const auto m = it.next();
        out.insert(m.captured(1).trimmed(), m.captured(2));
    }
    return out;
}

int PkbImporter::sniff(const QByteArray& head, const QString&) const
{
    const QByteArray h = tooltext::withoutBom(head);
    if (!h.contains("\"metric\"") || !h.contains("\"value\"") || !h.contains("\"unit\"")) return 0;
    // A JSON array of samples looks like a Prometheus vector at a glance; but PKB's "metric" is a
    // name (a string), Prometheus' an object of labels.
    static const QRegularExpression metricName(QStringLiteral("\"metric\"\\s*:\\s*\""));
    if (h.trimmed().startsWith('[') && metricName.match(QString::fromUtf8(h.left(4096))).hasMatch()) return 96;
    if (h.contains("\"run_uri\"") || h.contains("\"sample_uri\"")) return 90;
    return 0;
}

ImportResult PkbImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray bytes = tooltext::read(in, context, QStringLiteral("PerfKitBenchmarker samples"));
    ImportResult r;
    r.format = name();
    SampleSink sink{r, {}};
    const QByteArray trimmed = tooltext::withoutBom(bytes).trimmed();
    bool wrapped = false;
    if (trimmed.startsWith('[')) {
        // A JSON array of samples (what a script that collected PKB's samples writes).
        wrapped = true;
        const QJsonDocument doc = json::parseDocument(bytes, context.fileName, false);
        const json::Path root(context.fileName);
        const QJsonArray samples = root.array(doc.array());
        for (qsizetype i = 0; i < samples.size(); ++i) sink.add(root.index(i).object(samples.at(i)), root.index(i), QString());
    } else if (trimmed.startsWith('{')) {
        // The side-by-side tool's pretty-printed wrapper is one document; JSON lines are many.
        QJsonParseError err;
        const QJsonDocument whole = QJsonDocument::fromJson(trimmed, &err);
        if (err.error == QJsonParseError::NoError && whole.isObject() && whole.object().contains(QStringLiteral("head"))) {
            wrapped = true;
            const json::Path root(context.fileName);
            for (const QString& side : {QStringLiteral("head"), QStringLiteral("base")}) {
                if (!whole.object().contains(side)) continue;
                const json::Path sp = root.key(side).key(QStringLiteral("samples"));
                const QJsonArray samples = sp.array(whole.object().value(side).toObject().value(QStringLiteral("samples")));
                for (qsizetype i = 0; i < samples.size(); ++i) sink.add(sp.index(i).object(samples.at(i)), sp.index(i), side);
            }
        }
    }
    if (!wrapped) {
        for (const auto& line : tooltext::lines(bytes)) {
            if (context.cancelled()) throw Cancelled();
            if (line.text.trimmed().isEmpty()) continue;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(line.text.toUtf8(), &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject())
                tooltext::failAt(context, line.number, int(err.offset) + 1,
                                 QStringLiteral("invalid JSON line (%1); expected one PKB sample object per line").arg(err.errorString()));
            sink.add(doc.object(), json::Path(QStringLiteral("%1:%2").arg(context.fileName).arg(line.number)), QString());
        }
    }
    int repeated = 0;
    for (const auto& [metric, sn] : sink.sums) {
        r.metrics.insert(metric, sn.first / sn.second);
        if (sn.second > 1) ++repeated;
    }
    if (repeated > 0) {
        ImportWarning w;
        w.message = QStringLiteral("%1 metric(s) have several samples (runs); their headline value is the mean, "
                                   "every sample is kept as a measurement").arg(repeated);
        r.warnings << w;
    }
    if (r.measurements.isEmpty()) throw InputError(context.fileName, QStringLiteral("no samples; expected PerfKitBenchmarker sample lines"));
    return r;
}

}  // namespace headroom
