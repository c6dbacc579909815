#include "generic_csv_importer.h"

#include "chunked_lines.h"
#include "core/csv_record.h"
#include "core/errors.h"
#include "csv_columns.h"
#include "fast_parse.h"
#include "text_input.h"

#include <cmath>
#include <string>
#include <unordered_map>

namespace headroom {

namespace {

bool isMissing(std::string_view v)
{
    if (!v.empty() && ((v[0] >= '0' && v[0] <= '9') || v[0] == '.')) return false;  // the common case, decided at once
    return v.empty() || v == "NA" || v == "N/A" || v == "null" || v == "NULL" || v == "-" || v == "nan" || v == "NaN";
}

struct Reader {
    Reader(const ImportContext& c, const CsvColumns& columns, ImportResult& r, StreamingSink* s)
        : context(c), cols(columns), result(r), sink(s) {}

    const ImportContext& context;
    const CsvColumns& cols;
    ImportResult& result;      // series (names only when streaming), warnings
    StreamingSink* sink;          // null: samples go into result.series
    std::vector<qint64> sinkIds;  // per series when streaming; -1 until its first value
    std::unordered_map<std::string, size_t> index;
    std::string key;
    std::string lastTime;
    double lastTimeValue = 0;
    qint64 missing = 0;
    bool warnedNoZone = false;

    double timeOf(std::string_view cell, int line, int column)
    {
        if (cell == lastTime) return lastTimeValue;
        bool zone = true;
        const auto t = fastparse::timestamp(cell, &zone);
        if (!t)
            throw InputError(formatWhere(context.fileName, line, column),
                             QStringLiteral("expected a time (ISO 8601 like 2024-03-01T12:00:00Z, or epoch seconds), got '%1'")
                                 .arg(toQString(cell.substr(0, 64))));
        if (!zone && !warnedNoZone) {
            warnedNoZone = true;
            result.warnings.push_back({line, column, QString(), QStringLiteral("times without a zone were read as UTC")});
        }
        lastTime.assign(cell);
        lastTimeValue = *t;
        return *t;
    }

    static constexpr size_t kNone = size_t(-1);
    std::vector<std::string> keys;  // "node\x1fmetric" of each series, by index
    std::vector<size_t> successor;  // the series that followed each one the last time
    size_t previous = kNone;

    static bool sameKey(const std::string& k, std::string_view node, std::string_view metric)
    {
        // string_view comparisons, not memcmp: an absent node column is an empty view with a null data().
        const std::string_view key(k);
        return key.size() == node.size() + 1 + metric.size() && key.substr(0, node.size()) == node &&
               key.substr(node.size() + 1) == metric;
    }

    size_t remember(size_t series)
    {
        if (previous != kNone) successor[previous] = series;
        previous = series;
        return series;
    }

    size_t seriesFor(std::string_view node, std::string_view metric, std::string_view unit)
    {
        // Files repeat the same order of nodes and metrics at every time step (or of times for
        // each node), so the series that followed the previous row's series last time is almost
        // always this row's: one comparison instead of building and hashing a key.
        if (previous != kNone) {
            const size_t guess = successor[previous];
            if (guess != kNone && sameKey(keys[guess], node, metric)) return remember(guess);
        }
        key.assign(node);
        key += '\x1f';
        key.append(metric);
        const auto it = index.find(key);
        if (it != index.end()) return remember(it->second);
        Series s;
        s.node = toQString(node);
        s.metric = toQString(metric);
        s.unit = toQString(unit);
        result.series.push_back(std::move(s));
        keys.push_back(key);
        successor.push_back(kNone);
        if (sink) sinkIds.push_back(-1);
        index.emplace(key, result.series.size() - 1);
        return remember(result.series.size() - 1);
    }

    void add(size_t series, double t, std::string_view cell, int line, int column)
    {
        if (isMissing(cell)) {
            ++missing;
            return;
        }
        const auto v = fastparse::number(cell);
        if (!v || !std::isfinite(*v))
            throw InputError(formatWhere(context.fileName, line, column),
                             QStringLiteral("expected a finite number, got '%1'").arg(toQString(cell.substr(0, 64))));
        if (sink) {
            // A series opens at its first value, so one of only empty cells leaves no row behind
            // (as the in-memory path drops it).
            qint64& id = sinkIds[series];
            if (id < 0) {
                const Series& s = result.series[series];
                id = sink->openSeries(s.node, s.metric, s.unit);
            }
            sink->add(id, t, *v);
            return;
        }
        Series& s = result.series[series];
        s.t.push_back(t);
        s.v.push_back(*v);
    }
};

}  // namespace

int GenericCsvImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    const qsizetype nl = h.indexOf('\n');
    if (nl < 0) return 0;
    const QByteArray header = h.left(nl).trimmed();
    if (header.startsWith('#') || header.startsWith('{') || header.startsWith('[')) return 0;
    const CsvColumns c = recogniseCsvHeader(header);
    if (c.time < 0 || c.names.size() < 2) return 0;
    if (c.isLong()) return 60;
    return 25;  // wide: a time column and anything else; specific CSV importers should win
}

namespace {

const QString kExpected = QStringLiteral("a CSV with a time column");

// The row loop over either a whole text in memory (LineCursor) or a device read in chunks
// (ChunkedLines); with a sink, samples go there instead of into the result.
template <class Lines>
ImportResult readCsv(Lines& lines, const ImportContext& context, const QString& format, StreamingSink* sink)
{
    if (!lines.next()) throw InputError(context.fileName, QStringLiteral("the file is empty; expected a CSV header"));
    const QByteArray headerLine(lines.line().data(), qsizetype(lines.line().size()));
    const CsvColumns cols = recogniseCsvHeader(headerLine);
    if (cols.time < 0)
        throw InputError(formatWhere(context.fileName, 1, 1),
                         QStringLiteral("expected a header with a time column (time, timestamp, ts, date), got '%1'")
                             .arg(QString::fromUtf8(headerLine.left(200))));
    ImportResult r;
    r.format = format;
    r.labels.insert(QStringLiteral("layout"), cols.isLong() ? QStringLiteral("long") : QStringLiteral("wide"));
    Reader reader{context, cols, r, sink};
    std::vector<QByteArray> wideNames;
    for (const QString& n : cols.names) wideNames.push_back(n.toUtf8());
    if (!cols.isLong() && cols.names.size() < 2)
        throw InputError(formatWhere(context.fileName, 1, 1), QStringLiteral("expected at least one metric column besides the time"));
    const size_t needed = size_t(cols.names.size());
    csv::RecordSplitter split(cols.separator, context.fileName);
    qint64 rows = 0;
    while (lines.next()) {
        if ((++rows & 0xFFFF) == 0 && context.cancelled()) throw Cancelled();
        if (lines.line().empty()) continue;
        // A quoted field may hold line breaks: the record goes on over the next lines.
        bool complete = split.feed(lines.line(), lines.number());
        while (!complete && lines.next()) complete = split.feed(lines.line(), lines.number());
        if (!complete) split.throwUnterminated();
        const int line = split.firstLine();
        const size_t n = split.size();
        if (n != needed)
            throw InputError(formatWhere(context.fileName, line, 1),
                             QStringLiteral("expected %1 fields as in the header, got %2").arg(needed).arg(n));
        const double t = reader.timeOf(split.field(size_t(cols.time)), line, split.column(size_t(cols.time)));
        const std::string_view node = cols.node >= 0 ? split.field(size_t(cols.node)) : std::string_view();
        if (cols.isLong()) {
            const std::string_view metric = split.field(size_t(cols.metric));
            if (metric.empty())
                throw InputError(formatWhere(context.fileName, line, split.column(size_t(cols.metric))),
                                 QStringLiteral("expected a metric name"));
            const std::string_view unit = cols.unit >= 0 ? split.field(size_t(cols.unit)) : std::string_view();
            const size_t s = reader.seriesFor(node, metric, unit);
            reader.add(s, t, split.field(size_t(cols.value)), line, split.column(size_t(cols.value)));
        } else {
            for (size_t c = 0; c < n; ++c) {
                if (int(c) == cols.time || int(c) == cols.node || int(c) == cols.unit) continue;
                const QByteArray& metric = wideNames[c];
                const size_t s = reader.seriesFor(node, std::string_view(metric.constData(), size_t(metric.size())), {});
                reader.add(s, t, split.field(c), line, split.column(c));
            }
        }
    }
    if (reader.missing > 0)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("%1 empty or NA values were skipped").arg(reader.missing)});
    if (sink) {
        const bool any = std::any_of(reader.sinkIds.cbegin(), reader.sinkIds.cend(), [](qint64 id) { return id >= 0; });
        r.series.clear();  // the samples are in the sink
        if (!any) throw InputError(context.fileName, QStringLiteral("no data rows; expected rows below the header"));
        return r;
    }
    std::erase_if(r.series, [](const Series& s) { return s.t.empty(); });
    if (r.series.empty()) throw InputError(context.fileName, QStringLiteral("no data rows; expected rows below the header"));
    return r;
}

}  // namespace

ImportResult GenericCsvImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = readTextInput(in, context, kExpected);
    LineCursor lines(text);
    return readCsv(lines, context, name(), nullptr);
}

ImportResult GenericCsvImporter::parseStreaming(QIODevice& in, const ImportContext& context, StreamingSink& sink) const
{
    ChunkedLines lines(in, context, kExpected);
    return readCsv(lines, context, name(), &sink);
}

}  // namespace headroom
