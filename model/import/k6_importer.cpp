#include "k6_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "tool_text.h"
#include "units.h"

#include <QDateTime>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace headroom {

namespace {

// Trend statistic keys in k6 summaries -> canonical suffix.
QString statSuffix(const QString& stat)
{
    if (stat == QLatin1String("avg")) return QStringLiteral("mean");
    if (stat == QLatin1String("med")) return QStringLiteral("p50");
    if (stat == QLatin1String("min") || stat == QLatin1String("max")) return stat;
    if (stat.startsWith(QLatin1String("p(")) && stat.endsWith(QLatin1Char(')'))) {
        bool ok = false;
        const double p = stat.mid(2, stat.size() - 3).toDouble(&ok);
        if (ok) return units::percentileName(p);
    }
    return units::metricSlug(stat);
}

void add(ImportResult& r, const QString& metric, double value, const QString& unit, bool headline)
{
    r.addMeasurement(metric, value, unit);
    if (headline) r.metrics.insert(metric, value);
}

// One metric of a summary: `values` holds its statistics (flat in the legacy export).
void summaryMetric(ImportResult& r, const QString& name, const QJsonObject& values, const json::Path& p)
{
    const bool isDuration = name == QLatin1String("http_req_duration");
    const bool isTime = isDuration || (name.startsWith(QLatin1String("http_req_")) && values.contains(QStringLiteral("avg"))) ||
                        name.endsWith(QLatin1String("_duration"));
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!it.value().isDouble() && !it.value().isString()) continue;
        const double v = p.key(it.key()).number(it.value());
        const QString stat = it.key();
        // A trend's "count" (summaryTrendStats may ask for it) is a number of samples, not a time.
        const bool timeStat = isTime && stat != QLatin1String("count") && stat != QLatin1String("rate") &&
                              stat != QLatin1String("passes") && stat != QLatin1String("fails");
        if (isDuration && timeStat) {
            add(r, QStringLiteral("http.latency_%1_ms").arg(statSuffix(stat)), v, QStringLiteral("ms"), true);
        } else if (name == QLatin1String("http_reqs") && stat == QLatin1String("rate")) {
            add(r, QStringLiteral("http.requests_per_s"), v, QStringLiteral("1/s"), true);
        } else if (name == QLatin1String("http_reqs") && stat == QLatin1String("count")) {
            add(r, QStringLiteral("http.requests"), v, QString(), true);
        } else if (name == QLatin1String("http_req_failed") && (stat == QLatin1String("passes"))) {
            // A rate metric counts true values as passes: here, failed requests.
            add(r, QStringLiteral("http.errors"), v, QString(), true);
        } else if (name == QLatin1String("http_req_failed") && (stat == QLatin1String("rate") || stat == QLatin1String("value"))) {
            add(r, QStringLiteral("http.error_rate"), v, QString(), true);
        } else {
            const QString metric = QStringLiteral("k6.%1_%2").arg(units::metricSlug(name), statSuffix(stat));
            add(r, timeStat ? metric + QStringLiteral("_ms") : metric, v, timeStat ? QStringLiteral("ms") : QString(), false);
        }
    }
}

ImportResult parseSummary(const QJsonObject& root, const json::Path& rootPath, const QString& format)
{
    ImportResult r;
    r.format = format;
    const json::Path mp = rootPath.key(QStringLiteral("metrics"));
    const QJsonObject metrics = mp.object(root.value(QStringLiteral("metrics")));
    bool handleSummary = false;
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        const json::Path p = mp.key(it.key());
        const QJsonObject m = p.object(it.value());
        // Sub-metrics such as "http_req_duration{expected_response:true}" are kept under k6.*.
        if (m.contains(QStringLiteral("values"))) {
            handleSummary = true;
            if (it.key().contains(QLatin1Char('{'))) {
                const json::Path vp = p.key(QStringLiteral("values"));
                const QJsonObject vals = vp.object(m.value(QStringLiteral("values")));
                for (auto v = vals.begin(); v != vals.end(); ++v) {
                    Measurement x;
                    x.metric = QStringLiteral("k6.%1_%2").arg(units::metricSlug(it.key()), statSuffix(v.key()));
                    x.value = vp.key(v.key()).number(v.value());
                    x.labels = QJsonObject{{QStringLiteral("k6_metric"), it.key()}};
                    r.measurements << x;
                }
                continue;
            }
            summaryMetric(r, it.key(), p.key(QStringLiteral("values")).object(m.value(QStringLiteral("values"))), p.key(QStringLiteral("values")));
        } else {
            summaryMetric(r, it.key(), m, p);
        }
    }
    r.labels.insert(QStringLiteral("shape"), handleSummary ? QStringLiteral("handleSummary") : QStringLiteral("summary-export"));
    const QJsonObject state = root.value(QStringLiteral("state")).toObject();
    if (state.contains(QStringLiteral("testRunDurationMs")))
        r.labels.insert(QStringLiteral("test_run_duration_ms"), state.value(QStringLiteral("testRunDurationMs")));
    return r;
}

double parseTime(const QString& text, const ImportContext& ctx, int line)
{
    // RFC 3339 with any number of fraction digits; Qt reads at most milliseconds, so the
    // fraction is cut to three digits first.
    static const QRegularExpression frac(QStringLiteral("\\.(\\d{1,3})\\d*"));
    QString t = text;
    t.replace(frac, QStringLiteral(".\\1"));
    const QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) tooltext::failAt(ctx, line, 1, QStringLiteral("expected an RFC 3339 time in data.time, found '%1'").arg(text));
    return double(dt.toMSecsSinceEpoch()) / 1000.0;
}

ImportResult parseNdjson(const QByteArray& bytes, const ImportContext& ctx, const QString& format)
{
    std::map<QString, Series> series;
    std::map<QString, QString> contains;  // metric -> "time" | "data" | "default"
    std::vector<double> durations;
    double requests = 0, failed = 0;
    bool sawFailed = false;
    for (const auto& line : tooltext::lines(bytes)) {
        if (ctx.cancelled()) throw Cancelled();
        if (line.text.trimmed().isEmpty()) continue;
        const QByteArray raw = line.text.toUtf8();
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            tooltext::failAt(ctx, line.number, int(err.offset) + 1,
                             QStringLiteral("invalid JSON line (%1); expected one k6 Metric or Point object per line").arg(err.errorString()));
        const QJsonObject o = doc.object();
        const QString type = o.value(QStringLiteral("type")).toString();
        const QString metric = o.value(QStringLiteral("metric")).toString();
        const QJsonObject data = o.value(QStringLiteral("data")).toObject();
        if (type == QLatin1String("Metric")) {
            contains[metric] = data.value(QStringLiteral("contains")).toString();
            continue;
        }
        if (type != QLatin1String("Point")) continue;
        const QJsonValue value = data.value(QStringLiteral("value"));
        if (!value.isDouble())
            tooltext::failAt(ctx, line.number, 1, QStringLiteral("expected a number in data.value of a k6 Point"));
        const double t = parseTime(data.value(QStringLiteral("time")).toString(), ctx, line.number);
        const double v = value.toDouble();
        Series& s = series[metric];
        if (s.metric.isEmpty()) {
            s.metric = metric == QLatin1String("http_req_duration") ? QStringLiteral("http.latency_ms") : QStringLiteral("k6.") + metric;
            s.labels = QJsonObject{{QStringLiteral("k6_metric"), metric}};
        }
        s.t.push_back(t);
        s.v.push_back(v);
        if (metric == QLatin1String("http_req_duration")) durations.push_back(v);
        if (metric == QLatin1String("http_reqs")) requests += v;
        if (metric == QLatin1String("http_req_failed")) {
            failed += v;
            sawFailed = true;
        }
    }
    ImportResult r;
    r.format = format;
    r.labels.insert(QStringLiteral("shape"), QStringLiteral("ndjson"));
    for (auto& [metric, s] : series) {
        const QString c = contains[metric];
        s.unit = c == QLatin1String("time") ? QStringLiteral("ms") : c == QLatin1String("data") ? QStringLiteral("bytes") : QString();
        r.series.push_back(std::move(s));
    }
    if (r.series.empty()) tooltext::failAt(ctx, 1, 1, QStringLiteral("no k6 Point lines; expected the NDJSON written by k6 run --out json"));
    if (requests > 0) add(r, QStringLiteral("http.requests"), requests, QString(), true);
    if (sawFailed) add(r, QStringLiteral("http.errors"), failed, QString(), true);
    if (!durations.empty()) {
        std::sort(durations.begin(), durations.end());
        double sum = 0;
        for (const double d : durations) sum += d;
        add(r, QStringLiteral("http.latency_mean_ms"), sum / double(durations.size()), QStringLiteral("ms"), true);
        add(r, QStringLiteral("http.latency_min_ms"), durations.front(), QStringLiteral("ms"), true);
        add(r, QStringLiteral("http.latency_max_ms"), durations.back(), QStringLiteral("ms"), true);
        for (const double p : {50.0, 90.0, 95.0, 99.0})
            add(r, QStringLiteral("http.latency_%1_ms").arg(units::percentileName(p)), k6Percentile(durations, p), QStringLiteral("ms"), true);
    }
    ImportWarning w;
    w.message = QStringLiteral("the NDJSON stream does not hold the test duration, so http.requests_per_s is not computed "
                               "(the k6.http_reqs series has one point per request)");
    r.warnings << w;
    return r;
}

}  // namespace

double k6Percentile(std::vector<double> sorted, double percent)
{
    if (sorted.empty()) return 0;
    std::sort(sorted.begin(), sorted.end());
    const double rank = percent / 100.0 * double(sorted.size() - 1);
    const auto lower = size_t(std::floor(rank));
    const double frac = rank - double(lower);
    if (lower + 1 >= sorted.size()) return sorted.back();
    return sorted[lower] + frac * (sorted[lower + 1] - sorted[lower]);
}

int K6Importer::sniff(const QByteArray& head, const QString&) const
{
    const QByteArray h = tooltext::withoutBom(head).trimmed();
    if (h.startsWith("{\"type\":\"Metric\"") || h.startsWith("{\"type\":\"Point\"") ||
        (h.startsWith("{\"metric\":") && h.contains("\"type\":\"Point\"")))
        return 95;
    if (!h.startsWith('{') || !h.contains("\"metrics\"")) return 0;
    // Both summary shapes name k6's built-in metrics.
    if (h.contains("\"http_reqs\"") || h.contains("\"iteration_duration\"") || h.contains("\"vus_max\"") || h.contains("\"root_group\""))
        return 90;
    return 0;
}

ImportResult K6Importer::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray bytes = tooltext::read(in, context, QStringLiteral("k6 JSON output"));
    const QByteArray start = tooltext::withoutBom(bytes).trimmed().left(200);
    if (start.startsWith("{\"type\":") || start.startsWith("{\"metric\":")) return parseNdjson(bytes, context, name());
    const QJsonDocument doc = json::parseDocument(bytes, context.fileName, false);
    const json::Path rootPath(context.fileName);
    if (!doc.isObject()) rootPath.fail(QStringLiteral("expected a k6 summary object with \"metrics\""));
    const QJsonObject root = doc.object();
    if (!root.contains(QStringLiteral("metrics")))
        rootPath.key(QStringLiteral("metrics")).fail(QStringLiteral("missing; expected a k6 summary (--summary-export or handleSummary data)"));
    ImportResult r = parseSummary(root, rootPath, name());
    if (r.measurements.isEmpty()) rootPath.key(QStringLiteral("metrics")).fail(QStringLiteral("no metrics; expected k6 metric statistics"));
    return r;
}

}  // namespace headroom
