#pragma once
#include "importer.h"

#include <QByteArray>
#include <QString>
#include <string_view>

namespace headroom {

// Reads a whole text input for the line- and JSON-based importers and refuses what no text
// importer can read, so every importer gives the same clear message: UTF-16/UTF-32 (with or
// without a byte order mark) and binary data (NUL bytes). A UTF-8 byte order mark is dropped.
// `expected` names the format in the message ("sysstat sadf -d output").
QByteArray readTextInput(QIODevice& in, const ImportContext& context, const QString& expected);

// The same checks on bytes already in memory.
QByteArray checkedText(QByteArray bytes, const QString& fileName, const QString& expected);

// The first bytes without a UTF-8 byte order mark, for sniffing.
QByteArray sniffText(const QByteArray& head);

// Walks a text line by line (LF or CRLF), counting 1-based line numbers for error messages.
class LineCursor {
public:
    explicit LineCursor(const QByteArray& text) : text_(text) {}
    bool next();  // false at the end
    std::string_view line() const { return line_; }
    QString lineString() const { return QString::fromUtf8(line_.data(), qsizetype(line_.size())); }
    int number() const { return number_; }

private:
    const QByteArray& text_;
    qsizetype pos_ = 0;
    int number_ = 0;
    std::string_view line_;
};

std::string_view trimmed(std::string_view s);
inline QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

}  // namespace headroom
