#include "csv_columns.h"

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

QList<QByteArray> splitOutsideQuotes(const QByteArray& line, char sep)
{
    QList<QByteArray> out{QByteArray()};
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"') quoted = !quoted;
        if (ch == sep && !quoted) out.push_back(QByteArray());
        else out.back().append(ch);
    }
    return out;
}

}  // namespace

CsvColumns recogniseCsvHeader(const QByteArray& headerLine)
{
    CsvColumns c;
    const qsizetype commas = countOutsideQuotes(headerLine, ','), semis = countOutsideQuotes(headerLine, ';'),
                    tabs = countOutsideQuotes(headerLine, '\t');
    c.separator = tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    QStringList lower;
    for (const QByteArray& raw : splitOutsideQuotes(headerLine, c.separator)) {
        QString name = QString::fromUtf8(raw).trimmed();
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        c.names.push_back(name);
        lower.push_back(name.toLower());
    }
    c.time = roleIndex(lower, {"time", "timestamp", "ts", "datetime", "date", "time_s", "epoch", "t"});
    c.node = roleIndex(lower, {"node", "host", "hostname", "instance", "server", "nodename"});
    c.metric = roleIndex(lower, {"metric", "metric_name", "name", "series"});
    c.value = roleIndex(lower, {"value", "val"});
    c.unit = roleIndex(lower, {"unit", "units"});
    return c;
}

}  // namespace headroom
