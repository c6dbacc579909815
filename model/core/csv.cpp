#include "csv.h"

#include "csv_record.h"

namespace headroom::csv {

std::vector<Record> parse(const QByteArray& text, const QString& fileName, char separator)
{
    std::vector<Record> records;
    std::string_view rest(text.constData(), size_t(text.size()));
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    RecordSplitter splitter(separator, fileName);
    int line = 0;
    bool open = false;
    while (!rest.empty()) {
        const size_t end = rest.find('\n');
        const std::string_view physical = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        ++line;
        open = !splitter.feed(physical, line);
        if (open || splitter.isBlank()) continue;
        Record rec;
        rec.line = splitter.firstLine();
        for (size_t i = 0; i < splitter.size(); ++i) rec.fields << splitter.text(i);
        records.push_back(std::move(rec));
    }
    if (open) splitter.throwUnterminated();
    return records;
}

int column(const QStringList& header, const QString& name)
{
    for (int i = 0; i < header.size(); ++i)
        if (header[i].trimmed().compare(name, Qt::CaseInsensitive) == 0) return i;
    return -1;
}

}  // namespace headroom::csv
