#include "locust_importer.h"

#include "core/csv.h"
#include "core/errors.h"
#include "tool_text.h"
#include "units.h"

#include <map>

namespace headroom {

namespace {

// Column header -> canonical metric; percentile columns ("95%") are added by name.
const std::map<QString, std::pair<QString, QString>>& statColumns()
{
    static const std::map<QString, std::pair<QString, QString>> columns = {
        {QStringLiteral("Request Count"), {QStringLiteral("http.requests"), QString()}},
        {QStringLiteral("Failure Count"), {QStringLiteral("http.errors"), QString()}},
        {QStringLiteral("Average Response Time"), {QStringLiteral("http.latency_mean_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Min Response Time"), {QStringLiteral("http.latency_min_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Max Response Time"), {QStringLiteral("http.latency_max_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Average Content Size"), {QStringLiteral("http.content_bytes_mean"), QStringLiteral("bytes")}},
        {QStringLiteral("Requests/s"), {QStringLiteral("http.requests_per_s"), QStringLiteral("1/s")}},
        {QStringLiteral("Failures/s"), {QStringLiteral("http.errors_per_s"), QStringLiteral("1/s")}},
        {QStringLiteral("User Count"), {QStringLiteral("http.users"), QString()}},
        {QStringLiteral("Total Request Count"), {QStringLiteral("http.requests"), QString()}},
        {QStringLiteral("Total Failure Count"), {QStringLiteral("http.errors"), QString()}},
        {QStringLiteral("Total Average Response Time"), {QStringLiteral("http.latency_mean_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Total Min Response Time"), {QStringLiteral("http.latency_min_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Total Max Response Time"), {QStringLiteral("http.latency_max_ms"), QStringLiteral("ms")}},
        // Locust 0.x *_requests.csv and *_distribution.csv
        {QStringLiteral("# requests"), {QStringLiteral("http.requests"), QString()}},
        {QStringLiteral("# failures"), {QStringLiteral("http.errors"), QString()}},
        {QStringLiteral("Average response time"), {QStringLiteral("http.latency_mean_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Min response time"), {QStringLiteral("http.latency_min_ms"), QStringLiteral("ms")}},
        {QStringLiteral("Max response time"), {QStringLiteral("http.latency_max_ms"), QStringLiteral("ms")}},
    };
    return columns;
}

struct Column {
    int index = 0;
    QString metric;
    QString unit;
};

// The metric columns of a header; "50%" style columns become http.latency_p50_ms.
std::vector<Column> metricColumns(const QStringList& header)
{
    std::vector<Column> out;
    for (int i = 0; i < header.size(); ++i) {
        const QString h = header.at(i).trimmed();
        if (const auto it = statColumns().find(h); it != statColumns().end()) {
            out.push_back({i, it->second.first, it->second.second});
        } else if (h.endsWith(QLatin1Char('%'))) {
            bool ok = false;
            const double p = h.chopped(1).toDouble(&ok);
            if (ok) out.push_back({i, QStringLiteral("http.latency_%1_ms").arg(units::percentileName(p)), QStringLiteral("ms")});
        }
    }
    return out;
}

// A cell's number; "N/A" (no response yet) and empty cells give nothing.
std::optional<double> cellValue(const csv::Record& rec, int index, const ImportContext& ctx)
{
    const QString cell = rec.fields.value(index).trimmed();
    if (cell.isEmpty() || cell == QLatin1String("N/A")) return std::nullopt;
    const auto v = units::number(cell);
    if (!v) {
        int col = 1;
        for (int i = 0; i < index; ++i) col += int(rec.fields.at(i).size()) + 1;
        tooltext::failAt(ctx, rec.line, col, QStringLiteral("expected a number or N/A, found '%1'").arg(cell));
    }
    return v;
}

QJsonObject endpointLabels(const csv::Record& rec, int typeCol, int nameCol)
{
    QJsonObject labels{{QStringLiteral("endpoint"), rec.fields.value(nameCol)}};
    const QString method = typeCol >= 0 ? rec.fields.value(typeCol) : QString();
    if (!method.isEmpty()) labels.insert(QStringLiteral("method"), method);
    return labels;
}

// Locust 1.x names the all-endpoints row "Aggregated"; 0.x "Total" ("None Total" in the distribution file).
bool isAggregated(const csv::Record& rec, int nameCol)
{
    const QString name = rec.fields.value(nameCol);
    return name == QLatin1String("Aggregated") || name == QLatin1String("Total") || name == QLatin1String("None Total");
}

// The row's request count (running total in the history file); latencies of a row that counted
// no request are placeholders (0 or N/A), never measurements.
bool hasRequests(const csv::Record& rec, const QStringList& header, const ImportContext& ctx)
{
    for (const char* name : {"Total Request Count", "Request Count", "# requests"}) {
        const int col = csv::column(header, QLatin1String(name));
        if (col < 0) continue;
        const auto n = cellValue(rec, col, ctx);
        return n && *n > 0;
    }
    return true;
}

void checkWidth(const csv::Record& rec, const QStringList& header, const ImportContext& ctx)
{
    if (rec.fields.size() != header.size())
        tooltext::failAt(ctx, rec.line, 1, QStringLiteral("expected %1 fields like the header, found %2").arg(header.size()).arg(rec.fields.size()));
}

void parseStats(ImportResult& r, const std::vector<csv::Record>& recs, const ImportContext& ctx)
{
    const QStringList& header = recs.front().fields;
    const int typeCol = csv::column(header, QStringLiteral("Type"));
    const int nameCol = csv::column(header, QStringLiteral("Name"));
    const auto columns = metricColumns(header);
    for (size_t i = 1; i < recs.size(); ++i) {
        const auto& rec = recs[i];
        if (rec.fields.size() == 1 && rec.fields.front().isEmpty()) continue;
        checkWidth(rec, header, ctx);
        const bool aggregated = isAggregated(rec, nameCol);
        const bool answered = hasRequests(rec, header, ctx);
        const QJsonObject labels = aggregated ? QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("Aggregated")}} : endpointLabels(rec, typeCol, nameCol);
        for (const auto& c : columns) {
            const auto v = cellValue(rec, c.index, ctx);
            if (!v || (!answered && c.unit == QLatin1String("ms"))) continue;
            r.measurements << Measurement{QString(), c.metric, *v, c.unit, labels};
            if (aggregated) r.metrics.insert(c.metric, *v);
        }
    }
    if (r.metrics.isEmpty()) {
        ImportWarning w;
        w.message = QStringLiteral("no 'Aggregated' row; headline values are missing (only per-endpoint rows kept)");
        r.warnings << w;
    }
}

void parseHistory(ImportResult& r, const std::vector<csv::Record>& recs, const ImportContext& ctx)
{
    const QStringList& header = recs.front().fields;
    const int timeCol = csv::column(header, QStringLiteral("Timestamp"));
    const int typeCol = csv::column(header, QStringLiteral("Type"));
    const int nameCol = csv::column(header, QStringLiteral("Name"));
    const auto columns = metricColumns(header);
    // The "Total …" columns are running totals since the start; the others are current values.
    std::map<std::pair<QString, QString>, Series> series;  // (endpoint, metric) -> series
    const csv::Record* lastAggregated = nullptr;
    for (size_t i = 1; i < recs.size(); ++i) {
        if (ctx.cancelled()) throw Cancelled();
        const auto& rec = recs[i];
        if (rec.fields.size() == 1 && rec.fields.front().isEmpty()) continue;
        checkWidth(rec, header, ctx);
        const auto t = cellValue(rec, timeCol, ctx);
        if (!t) tooltext::failAt(ctx, rec.line, 1, QStringLiteral("expected a Unix time in the Timestamp column"));
        const QString endpoint = rec.fields.value(nameCol);
        if (isAggregated(rec, nameCol)) lastAggregated = &rec;
        const bool answered = hasRequests(rec, header, ctx);
        for (const auto& c : columns) {
            const QString col = header.at(c.index);
            if (col.startsWith(QLatin1String("Total "))) continue;
            const auto v = cellValue(rec, c.index, ctx);
            if (!v || (!answered && c.unit == QLatin1String("ms"))) continue;
            Series& s = series[{endpoint, c.metric}];
            if (s.metric.isEmpty()) {
                s.metric = c.metric;
                s.unit = c.unit;
                s.labels = endpointLabels(rec, typeCol, nameCol);
            }
            s.t.push_back(*t);
            s.v.push_back(*v);
        }
    }
    for (auto& [key, s] : series) r.series.push_back(std::move(s));
    // Headline: the running totals of the last Aggregated row are the whole run's values.
    if (lastAggregated) {
        const bool answered = hasRequests(*lastAggregated, header, ctx);
        for (const auto& c : columns) {
            if (!header.at(c.index).startsWith(QLatin1String("Total "))) continue;
            if (!answered && c.unit == QLatin1String("ms")) continue;
            if (const auto v = cellValue(*lastAggregated, c.index, ctx)) {
                r.metrics.insert(c.metric, *v);
                r.measurements << Measurement{QString(), c.metric, *v, c.unit, QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("Aggregated")}}};
            }
        }
    }
}

void parseFailures(ImportResult& r, const std::vector<csv::Record>& recs, const ImportContext& ctx)
{
    const QStringList& header = recs.front().fields;
    const int methodCol = csv::column(header, QStringLiteral("Method"));
    const int nameCol = csv::column(header, QStringLiteral("Name"));
    const int errorCol = csv::column(header, QStringLiteral("Error"));
    const int countCol = csv::column(header, QStringLiteral("Occurrences"));
    double total = 0;
    for (size_t i = 1; i < recs.size(); ++i) {
        const auto& rec = recs[i];
        if (rec.fields.size() == 1 && rec.fields.front().isEmpty()) continue;
        checkWidth(rec, header, ctx);
        const auto n = cellValue(rec, countCol, ctx);
        if (!n) continue;
        QJsonObject labels = endpointLabels(rec, methodCol, nameCol);
        labels.insert(QStringLiteral("error"), rec.fields.value(errorCol));
        r.measurements << Measurement{QString(), QStringLiteral("http.errors"), *n, QString(), labels};
        total += *n;
    }
    r.metrics.insert(QStringLiteral("http.errors"), total);
}

enum class Kind { None, Stats, History, Failures };

Kind kindOf(const QStringList& header)
{
    const auto has = [&header](const char* name) { return csv::column(header, QLatin1String(name)) >= 0; };
    if (has("Timestamp") && has("User Count") && has("Name")) return Kind::History;
    if (has("Request Count") && has("Name") && has("Failure Count")) return Kind::Stats;
    if (has("# requests") && has("Name")) return Kind::Stats;  // Locust 0.x _requests.csv / _distribution.csv
    if (has("Method") && has("Name") && has("Error") && has("Occurrences")) return Kind::Failures;
    return Kind::None;
}

}  // namespace

int LocustImporter::sniff(const QByteArray& head, const QString&) const
{
    const QByteArray h = tooltext::withoutBom(head);
    const qsizetype eol = h.indexOf('\n');
    const QString firstLine = QString::fromUtf8(eol < 0 ? h : h.left(eol)).trimmed();
    // Locust 1.x quotes every header ("Timestamp","User Count",…).
    QStringList header = firstLine.split(QLatin1Char(','));
    for (QString& h : header) {
        h = h.trimmed();
        if (h.size() >= 2 && h.startsWith(QLatin1Char('"')) && h.endsWith(QLatin1Char('"'))) h = h.mid(1, h.size() - 2);
    }
    const Kind kind = kindOf(header);
    return kind == Kind::None ? 0 : 95;
}

ImportResult LocustImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray bytes = tooltext::read(in, context, QStringLiteral("Locust CSV"));
    ImportResult r;
    r.format = name();
    const auto recs = csv::parse(tooltext::withoutCutLastLine(tooltext::unixLineEnds(bytes), r.warnings, true), context.fileName);
    if (recs.empty()) throw InputError(context.fileName, QStringLiteral("the file is empty; expected Locust CSV"));
    switch (kindOf(recs.front().fields)) {
    case Kind::Stats: parseStats(r, recs, context); r.labels.insert(QStringLiteral("file"), QStringLiteral("stats")); break;
    case Kind::History: parseHistory(r, recs, context); r.labels.insert(QStringLiteral("file"), QStringLiteral("stats_history")); break;
    case Kind::Failures: parseFailures(r, recs, context); r.labels.insert(QStringLiteral("file"), QStringLiteral("failures")); break;
    case Kind::None:
        tooltext::failAt(context, recs.front().line, 1,
                         QStringLiteral("expected a Locust header (Type,Name,Request Count,… or Timestamp,User Count,…)"));
    }
    return r;
}

}  // namespace headroom
