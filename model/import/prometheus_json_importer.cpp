#include "prometheus_json_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "prometheus_json_stream.h"
#include "prometheus_series.h"
#include "text_input.h"

namespace headroom {

namespace {

// Some tools write JSON header lines before the real payload, so a parse that stops with
// "garbage at end" is retried from the next line that starts a JSON value.
QJsonDocument parseLastDocument(const QByteArray& text, const QString& fileName, qsizetype* startOut)
{
    qsizetype start = 0;
    while (start < text.size() && text[start] != '{' && text[start] != '[') {
        const qsizetype nl = text.indexOf('\n', start);
        if (nl < 0) break;
        start = nl + 1;
    }
    for (int attempt = 0; attempt < 8; ++attempt) {
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(text.mid(start), &error);
        if (error.error == QJsonParseError::NoError) {
            *startOut = start;
            return doc;
        }
        const qsizetype nl = text.indexOf('\n', start);
        const bool another = error.error == QJsonParseError::GarbageAtEnd && nl >= 0 && nl + 1 < text.size() &&
                             (text[nl + 1] == '{' || text[nl + 1] == '[');
        if (!another) {
            const TextPosition pos = positionOfOffset(text, start + error.offset);
            throw InputError(formatWhere(fileName, pos.line, pos.column),
                             QStringLiteral("invalid JSON: %1").arg(error.errorString()));
        }
        start = nl + 1;
    }
    throw InputError(fileName, QStringLiteral("too many JSON documents before the Prometheus answer"));
}

double pointTime(const json::Path& p, const QJsonValue& v) { return p.number(v); }

void readPoint(const json::Path& p, const QJsonValue& pair, PrometheusSeries& s)
{
    const QJsonArray a = p.array(pair);
    if (a.size() != 2) p.fail(QStringLiteral("expected a [time, \"value\"] pair"));
    s.t.push_back(pointTime(p.index(0), a[0]));
    s.v.push_back(p.index(1).number(a[1]));
}

std::vector<PrometheusSeries> readResult(const json::Path& p, const QJsonValue& resultValue, const QString& resultType)
{
    std::vector<PrometheusSeries> out;
    if (resultType == QLatin1String("scalar") || resultType == QLatin1String("string")) {
        if (resultType == QLatin1String("string")) p.fail(QStringLiteral("a string result holds no numbers; expected a vector, matrix or scalar"));
        PrometheusSeries s;
        readPoint(p, resultValue, s);
        out.push_back(std::move(s));
        return out;
    }
    const QJsonArray result = p.array(resultValue);
    for (qsizetype i = 0; i < result.size(); ++i) {
        const json::Path ip = p.index(i);
        const QJsonObject item = ip.object(result[i]);
        PrometheusSeries s;
        const QJsonObject metric = ip.key(QStringLiteral("metric")).object(item.value(QStringLiteral("metric")));
        for (auto it = metric.begin(); it != metric.end(); ++it) s.labels.insert(it.key(), it.value().toString());
        if (item.contains(QStringLiteral("values"))) {
            const json::Path vp = ip.key(QStringLiteral("values"));
            const QJsonArray values = vp.array(item.value(QStringLiteral("values")));
            s.t.reserve(size_t(values.size()));
            s.v.reserve(size_t(values.size()));
            for (qsizetype k = 0; k < values.size(); ++k) readPoint(vp.index(k), values[k], s);
        } else if (item.contains(QStringLiteral("value"))) {
            readPoint(ip.key(QStringLiteral("value")), item.value(QStringLiteral("value")), s);
        } else if (item.contains(QStringLiteral("histograms")) || item.contains(QStringLiteral("histogram"))) {
            continue;  // native histograms have no single value per point; reported below
        } else {
            ip.fail(QStringLiteral("expected \"values\" (range query) or \"value\" (instant query)"));
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

int PrometheusJsonImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    if (h.contains("\"resultType\"")) return 95;
    if (h.contains("\"metric\"") && (h.contains("\"values\"") || h.contains("\"value\"")) &&
        h.trimmed().startsWith('['))
        return 80;
    if (h.contains("\"status\"") && h.contains("\"errorType\"")) return 80;
    return 0;
}

ImportResult parsePrometheusJson(const QByteArray& input, const QString& fileName, const QString& queryHint)
{
    const QByteArray text = checkedText(input, fileName, QStringLiteral("a Prometheus API answer (JSON)"));
    qsizetype start = 0;
    const QJsonDocument doc = parseLastDocument(text, fileName, &start);
    const json::Path root(fileName);
    ImportResult r;
    r.format = QStringLiteral("prometheus-json");
    QString query = queryHint;
    std::vector<PrometheusSeries> raw;
    if (doc.isArray()) {
        raw = readResult(root, doc.array(), QStringLiteral("matrix"));
    } else {
        const QJsonObject top = doc.object();
        if (top.value(QStringLiteral("status")).toString() == QLatin1String("error")) {
            throw InputError(root.key(QStringLiteral("error")).where(),
                             QStringLiteral("Prometheus answered with an error (%1): %2")
                                 .arg(top.value(QStringLiteral("errorType")).toString(),
                                      top.value(QStringLiteral("error")).toString()));
        }
        if (query.isEmpty()) query = top.value(QStringLiteral("query")).toString();
        const json::Path dp = root.key(QStringLiteral("data"));
        if (!top.contains(QStringLiteral("data")))
            dp.fail(QStringLiteral("missing; expected a Prometheus answer {\"status\":…,\"data\":{\"resultType\":…,\"result\":[…]}}"));
        const QJsonObject data = dp.object(top.value(QStringLiteral("data")));
        const QString type = dp.key(QStringLiteral("resultType")).string(data.value(QStringLiteral("resultType")));
        if (type != QLatin1String("matrix") && type != QLatin1String("vector") && type != QLatin1String("scalar") &&
            type != QLatin1String("string"))
            dp.key(QStringLiteral("resultType")).fail(QStringLiteral("expected matrix, vector, scalar or string, got '%1'").arg(type));
        raw = readResult(dp.key(QStringLiteral("result")), data.value(QStringLiteral("result")), type);
        for (const QJsonValue& w : top.value(QStringLiteral("warnings")).toArray())
            r.warnings.push_back({0, 0, QStringLiteral("$.warnings"), QStringLiteral("Prometheus: ") + w.toString()});
        r.labels.insert(QStringLiteral("result_type"), type);
    }
    if (!query.isEmpty()) r.labels.insert(QStringLiteral("query"), query);
    convertPrometheusSeries(std::move(raw), query, r);
    return r;
}

ImportResult PrometheusJsonImporter::parse(QIODevice& in, const ImportContext& context) const
{
    return parsePrometheusJson(in.readAll(), context.fileName);
}

ImportResult PrometheusJsonImporter::parseStreaming(QIODevice& in, const ImportContext& context, StreamingSink& sink) const
{
    PrometheusAnswer answer = readPrometheusAnswer(in, context.fileName, context.cancel);
    ImportResult r;
    r.format = name();
    for (const QString& w : answer.warnings)
        r.warnings.push_back({0, 0, QStringLiteral("$.warnings"), QStringLiteral("Prometheus: ") + w});
    r.labels.insert(QStringLiteral("result_type"), answer.resultType);
    if (!answer.query.isEmpty()) r.labels.insert(QStringLiteral("query"), answer.query);
    convertPrometheusSeries(std::move(answer.series), answer.query, r);
    if (r.series.empty())
        throw InputError(context.fileName, QStringLiteral("the Prometheus answer holds no series with values to import"));
    // Hand each series to the sink and let its points go at once, so the points are in memory
    // once (as parsed), not twice.
    for (SeriesData& s : r.series) {
        const qint64 id = sink.openLabelledSeries(s.node, s.metric, s.unit, s.labels);
        for (size_t i = 0; i < s.t.size() && i < s.v.size(); ++i) sink.add(id, s.t[i], s.v[i]);
        std::vector<double>().swap(s.t);
        std::vector<double>().swap(s.v);
    }
    r.series.clear();
    return r;
}

}  // namespace headroom
