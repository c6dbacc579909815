#pragma once
#include "importer.h"

#include <QByteArray>
#include <string_view>

namespace headroom {

// Walks a device line by line (LF or CRLF) while holding only one chunk of it in memory, for
// files too large to read whole. Same interface as LineCursor; a line() stays valid until the
// next call to next(). Refuses what text_input refuses (UTF-16/32, NUL bytes) and drops a
// UTF-8 byte order mark.
class ChunkedLines {
public:
    ChunkedLines(QIODevice& in, const ImportContext& context, QString expected, qsizetype chunkBytes = 4 * 1024 * 1024);
    bool next();  // false at the end
    std::string_view line() const { return line_; }
    int number() const { return number_; }

private:
    void refill();

    QIODevice& in_;
    const ImportContext& context_;
    QString expected_;
    QByteArray buffer_;
    qsizetype pos_ = 0;  // start of the unread bytes in buffer_
    qsizetype end_ = 0;  // end of the bytes read so far
    bool atEnd_ = false;
    bool first_ = true;
    int number_ = 0;
    std::string_view line_;
};

}  // namespace headroom
