#include "csv_record.h"

#include "errors.h"

namespace headroom::csv {

namespace {
bool isBlankChar(char c) { return c == ' ' || c == '\t'; }
}  // namespace

RecordSplitter::RecordSplitter(char separator, QString fileName) : sep_(separator), file_(std::move(fileName)) {}

void RecordSplitter::startField(int column)
{
    columns_.push_back(column);
    fields_.emplace_back();
}

// A quoted field (or an earlier unquoted one) that continues onto the next line must not point
// into this line's bytes, which the reader may reuse.
void RecordSplitter::keepFieldsPastThisLine()
{
    for (std::string_view& f : fields_) {
        bool isOwned = false;
        for (size_t k = 0; k < ownedUsed_ && !isOwned; ++k) isOwned = f.data() == owned_[k].data();
        if (isOwned) continue;
        if (ownedUsed_ == owned_.size()) owned_.emplace_back();
        owned_[ownedUsed_].assign(f);
        f = owned_[ownedUsed_++];
    }
}

bool RecordSplitter::feed(std::string_view line, int lineNumber)
{
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t i = 0;
    std::string* quoted = nullptr;
    if (inQuote_) {
        // Continuing the last field, a quoted one, after a line break inside it.
        quoted = &owned_[quotedIndex_];
        quoted->push_back('\n');
    } else {
        fields_.clear();
        columns_.clear();
        ownedUsed_ = 0;
        firstLine_ = lineNumber;
    }
    for (;;) {
        if (!quoted) {
            size_t start = i;
            while (start < line.size() && isBlankChar(line[start])) ++start;
            if (start < line.size() && line[start] == '"') {
                startField(int(start) + 1);
                if (ownedUsed_ == owned_.size()) owned_.emplace_back();
                quotedIndex_ = ownedUsed_++;
                quoted = &owned_[quotedIndex_];
                quoted->clear();
                quoteLine_ = lineNumber;
                i = start + 1;
            } else {
                startField(int(i) + 1);
                size_t end = line.find(sep_, i);
                if (end == std::string_view::npos) end = line.size();
                size_t last = end;
                while (last > start && isBlankChar(line[last - 1])) --last;
                fields_.back() = line.substr(start, last - start);
                i = end;
            }
        }
        if (quoted) {
            // Inside quotes: up to the closing quote, doubled quotes being one.
            bool closed = false;
            while (i < line.size()) {
                const char c = line[i++];
                if (c != '"') {
                    quoted->push_back(c);
                } else if (i < line.size() && line[i] == '"') {
                    quoted->push_back('"');
                    ++i;
                } else {
                    closed = true;
                    break;
                }
            }
            fields_.back() = *quoted;
            if (!closed) {
                inQuote_ = true;
                keepFieldsPastThisLine();
                return false;
            }
            inQuote_ = false;
            quoted = nullptr;
            while (i < line.size() && isBlankChar(line[i])) ++i;
            if (i < line.size() && line[i] != sep_)
                throw InputError(formatWhere(file_, lineNumber, int(i) + 1),
                                 QStringLiteral("text after a closing quote; expected '%1' or the end of the line")
                                     .arg(sep_ == '\t' ? QStringLiteral("TAB") : QString(QLatin1Char(sep_))));
        }
        if (i >= line.size()) return true;
        ++i;  // the separator
        if (i == line.size()) {  // a trailing separator ends with an empty field
            startField(int(i) + 1);
            return true;
        }
    }
}

void RecordSplitter::throwUnterminated() const
{
    throw InputError(formatWhere(file_, quoteLine_, columns_.empty() ? 1 : columns_.back()),
                     QStringLiteral("quoted field is never closed; expected a closing '\"'"));
}

}  // namespace headroom::csv
