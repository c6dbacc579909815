#include "csv_columns.h"

#include "core/csv_record.h"
#include "core/errors.h"

namespace headroom {

namespace {

int roleIndex(const QStringList& lower, std::initializer_list<const char*> aliases)
{
    for (const char* alias : aliases) {
        const int i = int(lower.indexOf(QLatin1String(alias)));
        if (i >= 0) return i;
    }
    return -1;
}

// Separators inside quoted names do not count and do not split.
qsizetype countOutsideQuotes(const QByteArray& line, char c)
{
    qsizetype n = 0;
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"') quoted = !quoted;
        else if (ch == c && !quoted) ++n;
    }
    return n;
}

}  // namespace

CsvColumns recogniseCsvHeader(const QByteArray& headerLine)
{
    CsvColumns c;
    const qsizetype commas = countOutsideQuotes(headerLine, ','), semis = countOutsideQuotes(headerLine, ';'),
                    tabs = countOutsideQuotes(headerLine, '\t');
    c.separator = tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    QStringList lower;
    // Names are split by the same reader as the rows. A header it cannot read (a quote left
    // open, text after a closing quote) has no columns, so no time column, which is the error
    // the importer then names.
    csv::RecordSplitter split(c.separator, QString());
    try {
        if (split.feed(std::string_view(headerLine.constData(), size_t(headerLine.size())), 1)) {
            for (size_t i = 0; i < split.size(); ++i) {
                c.names.push_back(split.text(i));
                lower.push_back(c.names.back().toLower());
            }
        }
    } catch (const InputError&) {
        c.names.clear();
        lower.clear();
    }
    c.time = roleIndex(lower, {"time", "timestamp", "ts", "datetime", "date", "time_s", "epoch", "t"});
    c.node = roleIndex(lower, {"node", "host", "hostname", "instance", "server", "nodename"});
    c.metric = roleIndex(lower, {"metric", "metric_name", "name", "series"});
    c.value = roleIndex(lower, {"value", "val"});
    c.unit = roleIndex(lower, {"unit", "units"});
    return c;
}

}  // namespace headroom
