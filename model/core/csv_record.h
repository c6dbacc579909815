#pragma once
#include <QString>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::csv {

// The one CSV field splitter of the program, for whole files (csv::parse) and for the streaming
// importer alike, so a file means the same thing whichever path reads it. RFC 4180 with the
// tolerances real tools need:
// - a field that starts with '"' (after optional spaces) is quoted: separators, doubled quotes
//   and line breaks inside it are text; spaces after the closing quote are skipped, anything
//   else there is an error (it would otherwise silently join or drop text);
// - unquoted fields are trimmed of spaces and tabs; a '"' inside one is an ordinary character;
// - a '\r' ending a line (CRLF, and the CR CR LF some Windows tools write) is not data.
// Fed one physical line at a time, without its '\n'; views stay valid until the next feed().
class RecordSplitter {
public:
    RecordSplitter(char separator, QString fileName);

    // True when the record is complete; false when a quoted field is still open at the end of
    // the line: feed the next line (the line break becomes part of the field). Throws
    // InputError "FILE:LINE:COL" for text after a closing quote.
    bool feed(std::string_view line, int lineNumber);
    // At the end of the input with a quoted field open: the error naming where the quote began.
    [[noreturn]] void throwUnterminated() const;

    size_t size() const { return fields_.size(); }
    std::string_view field(size_t i) const { return fields_[i]; }
    QString text(size_t i) const { return QString::fromUtf8(fields_[i].data(), qsizetype(fields_[i].size())); }
    int column(size_t i) const { return columns_[i]; }   // 1-based, on the line where the field starts
    int firstLine() const { return firstLine_; }          // where the record starts
    bool isBlank() const { return fields_.size() == 1 && fields_[0].empty(); }

private:
    void startField(int column);
    void keepFieldsPastThisLine();

    char sep_;
    QString file_;
    std::vector<std::string_view> fields_;
    std::vector<int> columns_;
    std::deque<std::string> owned_;  // unquoted text and copies; a deque keeps earlier strings in place
    size_t ownedUsed_ = 0;
    size_t quotedIndex_ = 0;  // the owned string of the quoted field being read
    bool inQuote_ = false;
    int firstLine_ = 0;
    int quoteLine_ = 0;
};

}  // namespace headroom::csv
