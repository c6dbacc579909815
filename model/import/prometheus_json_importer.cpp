#include "prometheus_json_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "prometheus_json_stream.h"
#include "prometheus_series.h"
#include "text_input.h"

#include <QBuffer>
#include <algorithm>
#include <cmath>

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

namespace {

// Collects what a streaming parse hands out, for a parse whose caller wants a whole result.
class CollectingSink : public StreamingSink {
public:
    explicit CollectingSink(std::vector<Series>& out) : out_(out) {}
    qint64 openSeries(const QString& node, const QString& metric, const QString& unit) override
    {
        return openLabelledSeries(node, metric, unit, {});
    }
    qint64 openLabelledSeries(const QString& node, const QString& metric, const QString& unit,
                              const QJsonObject& labels) override
    {
        out_.push_back(Series{0, 0, node, metric, unit, labels, {}, {}});
        return qint64(out_.size() - 1);
    }
    void add(qint64 series, double t, double value) override
    {
        out_[size_t(series)].t.push_back(t);
        out_[size_t(series)].v.push_back(value);
    }

private:
    std::vector<Series>& out_;
};

}  // namespace

ImportResult PrometheusJsonImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = in.readAll();
    // The usual answer (one document: the envelope or a bare result array) goes through the
    // event reader, which needs memory for the points only; a JSON tree of it would need about
    // fifteen times the file. Other shapes (header lines before the payload, the payload inside
    // another object) and every error are left to the document reader, which knows them all.
    try {
        QBuffer buffer;
        buffer.setData(text);
        buffer.open(QIODevice::ReadOnly);
        std::vector<Series> series;
        CollectingSink sink(series);
        ImportResult r = parseStreaming(buffer, context, sink);
        for (Series& s : series) {
            s.t.shrink_to_fit();
            s.v.shrink_to_fit();
        }
        r.series = std::move(series);
        return r;
    } catch (const InputError&) {
    }
    return parsePrometheusJson(text, context.fileName);
}

namespace {

// Drops NaN and ±Inf points (Prometheus writes them for gaps); returns how many.
qsizetype dropNonFinite(PrometheusSeries& s)
{
    const size_t n = std::min(s.t.size(), s.v.size());
    size_t kept = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.v[i])) continue;
        s.t[kept] = s.t[i];
        s.v[kept] = s.v[i];
        ++kept;
    }
    s.t.resize(kept);
    s.v.resize(kept);
    return qsizetype(n - kept);
}

// Converts `raw` and hands every resulting series to the sink, letting each one's points go
// once written.
void convertAndWrite(std::vector<PrometheusSeries> raw, const QString& query, ImportResult& r, StreamingSink& sink,
                     qsizetype& seriesWritten)
{
    ImportResult part;
    convertPrometheusSeries(std::move(raw), query, part);
    for (Series& s : part.series) {
        const qint64 id = sink.openLabelledSeries(s.node, s.metric, s.unit, s.labels);
        for (size_t i = 0; i < s.t.size() && i < s.v.size(); ++i) sink.add(id, s.t[i], s.v[i]);
        std::vector<double>().swap(s.t);
        std::vector<double>().swap(s.v);
        ++seriesWritten;
    }
    for (const ImportWarning& w : part.warnings) {
        const bool known = std::any_of(r.warnings.cbegin(), r.warnings.cend(),
                                       [&](const ImportWarning& k) { return k.message == w.message; });
        if (!known) r.warnings.push_back(w);  // the same remark about every series is made once
    }
}

}  // namespace

ImportResult PrometheusJsonImporter::parseStreaming(QIODevice& in, const ImportContext& context, StreamingSink& sink) const
{
    ImportResult r;
    r.format = name();
    qsizetype dropped = 0;
    qsizetype written = 0;
    // A named series that is not a CPU-time mode needs no other series to be converted: it is
    // written as soon as it has been read, so memory holds about one series, not the answer.
    // CPU modes are combined per CPU and wait for the end.
    const TakeSeries take = [&](PrometheusSeries& s) {
        if (s.labels.value(QStringLiteral("__name__")).isEmpty() || s.labels.contains(QStringLiteral("mode"))) return false;
        dropped += dropNonFinite(s);
        std::vector<PrometheusSeries> one;
        one.push_back(std::move(s));
        convertAndWrite(std::move(one), QString(), r, sink, written);
        return true;
    };
    PrometheusAnswer answer = readPrometheusAnswer(in, context.fileName, context.cancel, take);
    for (const QString& w : answer.warnings)
        r.warnings.push_back({0, 0, QStringLiteral("$.warnings"), QStringLiteral("Prometheus: ") + w});
    if (!answer.resultType.isEmpty()) r.labels.insert(QStringLiteral("result_type"), answer.resultType);
    if (!answer.query.isEmpty()) r.labels.insert(QStringLiteral("query"), answer.query);
    for (PrometheusSeries& s : answer.series) dropped += dropNonFinite(s);
    convertAndWrite(std::move(answer.series), answer.query, r, sink, written);
    if (dropped > 0)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("%1 points were NaN or infinite and were left out").arg(dropped)});
    if (written == 0)
        throw InputError(context.fileName, QStringLiteral("the Prometheus answer holds no series with values to import"));
    return r;
}

}  // namespace headroom
