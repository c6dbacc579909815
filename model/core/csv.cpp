#include "csv.h"

#include "errors.h"

namespace headroom::csv {

std::vector<Record> parse(const QByteArray& text, const QString& fileName, char separator)
{
    std::vector<Record> records;
    qsizetype i = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype n = text.size();
    int line = 1;
    while (i < n) {
        Record rec;
        rec.line = line;
        QByteArray field;
        bool inQuotes = false;
        int quoteLine = line;
        int quoteColumn = 0;
        qsizetype lineStart = i;
        bool endOfRecord = false;
        while (i < n && !endOfRecord) {
            const char c = text[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    if (c == '\n') {
                        ++line;
                        lineStart = i + 1;
                    }
                    field += c;
                }
                ++i;
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                inQuotes = true;
                quoteLine = line;
                quoteColumn = int(i - lineStart) + 1;
            } else if (c == separator) {
                rec.fields << QString::fromUtf8(field);
                field.clear();
            } else if (c == '\n' || c == '\r') {
                // "\r\n", and the "\r\r\n" some Windows tools write, end one line.
                if (c == '\r') {
                    while (i + 1 < n && text[i + 1] == '\r') ++i;
                    if (i + 1 < n && text[i + 1] == '\n') ++i;
                }
                ++line;
                endOfRecord = true;
            } else {
                field += c;
            }
            ++i;
        }
        if (inQuotes)
            throw InputError(formatWhere(fileName, quoteLine, quoteColumn),
                             QStringLiteral("quoted field is never closed; expected a closing '\"'"));
        rec.fields << QString::fromUtf8(field);
        const bool blank = rec.fields.size() == 1 && rec.fields.first().isEmpty();
        if (!blank) records.push_back(std::move(rec));
    }
    return records;
}

int column(const QStringList& header, const QString& name)
{
    for (int i = 0; i < header.size(); ++i)
        if (header[i].trimmed().compare(name, Qt::CaseInsensitive) == 0) return i;
    return -1;
}

}  // namespace headroom::csv
