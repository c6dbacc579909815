#include "chunked_lines.h"

#include "core/errors.h"
#include "text_input.h"

#include <algorithm>
#include <cstring>

namespace headroom {

namespace {

// A line longer than this is not a CSV row but a file without line breaks; stop before the
// buffer grows without bound.
constexpr qsizetype kLongestLine = 64 * 1024 * 1024;

}  // namespace

ChunkedLines::ChunkedLines(QIODevice& in, const ImportContext& context, QString expected, qsizetype chunkBytes)
    : in_(in), context_(context), expected_(std::move(expected))
{
    buffer_.resize(chunkBytes);
}

bool ChunkedLines::next()
{
    for (;;) {
        const char* data = buffer_.constData();
        const void* nl = std::memchr(data + pos_, '\n', size_t(end_ - pos_));
        if (nl || (atEnd_ && pos_ < end_)) {
            const qsizetype stop = nl ? static_cast<const char*>(nl) - data : end_;
            qsizetype len = stop - pos_;
            if (len > 0 && data[pos_ + len - 1] == '\r') --len;
            line_ = std::string_view(data + pos_, size_t(len));
            pos_ = nl ? stop + 1 : end_;
            ++number_;
            return true;
        }
        if (atEnd_) return false;
        refill();
    }
}

void ChunkedLines::refill()
{
    // Keep the unfinished line, move it to the front, and read behind it.
    const qsizetype kept = end_ - pos_;
    if (kept > 0 && pos_ > 0) std::memmove(buffer_.data(), buffer_.constData() + pos_, size_t(kept));
    pos_ = 0;
    end_ = kept;
    if (end_ == buffer_.size()) {
        if (buffer_.size() >= kLongestLine)
            throw InputError(formatWhere(context_.fileName, number_ + 1, 1),
                             QStringLiteral("line longer than %1 MiB; expected %2").arg(kLongestLine >> 20).arg(expected_));
        buffer_.resize(buffer_.size() * 2);
    }
    const qint64 got = in_.read(buffer_.data() + end_, buffer_.size() - end_);
    if (got < 0) throw InputError(context_.fileName, QStringLiteral("cannot read: ") + in_.errorString());
    if (got == 0) {
        atEnd_ = true;
        return;
    }
    const char* fresh = buffer_.constData() + end_;
    if (first_) {
        // The encoding checks of whole-file readers, on the first bytes (they throw on a problem).
        checkedText(QByteArray(fresh, qsizetype(std::min<qint64>(got, 4096))), context_.fileName, expected_);
    }
    if (std::memchr(fresh, '\0', size_t(got)))
        throw InputError(context_.fileName, QStringLiteral("the file holds binary data (NUL bytes); expected %1").arg(expected_));
    qint64 skip = 0;
    if (first_ && got >= 3 && std::memcmp(fresh, "\xEF\xBB\xBF", 3) == 0) skip = 3;
    first_ = false;
    if (skip > 0) std::memmove(buffer_.data() + end_, fresh + skip, size_t(got - skip));
    end_ += got - skip;
}

}  // namespace headroom
