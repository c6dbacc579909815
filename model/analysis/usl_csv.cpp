#include "usl_csv.h"

#include "core/csv.h"
#include "core/errors.h"

#include <QRegularExpression>

namespace headroom::usl {

namespace {

bool isNumber(const QString& s)
{
    bool ok = false;
    s.trimmed().toDouble(&ok);
    return ok;
}

int findColumn(const QStringList& header, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QString h = header[i].trimmed().toLower();
            // "X (req/s)" and "throughput_rps" count as their first word.
            const QString word = h.section(QRegularExpression(QStringLiteral("[^a-z0-9_]")), 0, 0, QString::SectionSkipEmpty);
            if (h == QLatin1String(name) || word == QLatin1String(name)) return int(i);
        }
    }
    return -1;
}

char guessSeparator(const QByteArray& bytes)
{
    const QByteArray first = bytes.left(bytes.indexOf('\n'));
    if (first.contains(',')) return ',';
    if (first.contains(';')) return ';';
    if (first.contains('\t')) return '\t';
    return ',';
}

// 1-based character column of field `index` in a record (quotes ignored; close enough to find it).
int columnOf(const QStringList& fields, int index)
{
    int col = 1;
    for (int i = 0; i < index && i < fields.size(); ++i) col += int(fields[i].size()) + 1;
    return col;
}

}  // namespace

std::vector<Point> readCsv(const QByteArray& bytes, const QString& fileName)
{
    const char sep = guessSeparator(bytes);
    std::vector<csv::Record> records = csv::parse(bytes, fileName, sep);
    // Blank lines and comment lines carry nothing.
    std::erase_if(records, [](const csv::Record& r) {
        return r.fields.isEmpty() || (r.fields.size() == 1 && r.fields[0].trimmed().isEmpty()) ||
               r.fields[0].trimmed().startsWith(QLatin1Char('#'));
    });
    if (records.empty()) throw InputError(fileName, QStringLiteral("empty file; expected a CSV with columns N and X"));

    int nCol = 0, xCol = 1;
    size_t first = 0;
    const QStringList& head = records.front().fields;
    if (!isNumber(head.value(0))) {
        first = 1;
        nCol = findColumn(head, {"n", "load", "concurrency", "processors", "users", "vus", "clients", "threads",
                                 "connections", "nodes", "workers"});
        xCol = findColumn(head, {"x", "throughput", "tput", "rps", "qps", "tps", "requests_per_s", "ops", "rate"});
        if ((nCol < 0 || xCol < 0) && head.size() == 2) {
            nCol = 0;
            xCol = 1;
        }
        if (nCol < 0 || xCol < 0)
            throw InputError(formatWhere(fileName, records.front().line, 1),
                             QStringLiteral("expected a header naming the load column (N, load, concurrency, users, …) "
                                            "and the throughput column (X, throughput, rps, …), got: %1")
                                 .arg(head.join(QLatin1Char(sep))));
    }
    std::vector<Point> points;
    for (size_t i = first; i < records.size(); ++i) {
        const csv::Record& r = records[i];
        auto cell = [&](int col, const char* what) {
            if (col >= r.fields.size())
                throw InputError(formatWhere(fileName, r.line, columnOf(r.fields, int(r.fields.size()))),
                                 QStringLiteral("expected %1 in column %2, the row has only %3 fields")
                                     .arg(QLatin1String(what)).arg(col + 1).arg(r.fields.size()));
            bool ok = false;
            const double v = r.fields[col].trimmed().toDouble(&ok);
            if (!ok)
                throw InputError(formatWhere(fileName, r.line, columnOf(r.fields, col)),
                                 QStringLiteral("expected %1 as a number, got \"%2\"").arg(QLatin1String(what), r.fields[col]));
            return v;
        };
        points.push_back({cell(nCol, "the load N"), cell(xCol, "the throughput X")});
    }
    return points;
}

}  // namespace headroom::usl
