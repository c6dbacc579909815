#include "text_input.h"

#include "core/errors.h"

#include <QBuffer>

#include <algorithm>
#include <cstring>

namespace headroom {

namespace {

// UTF-16/32 text is mostly NUL bytes between ASCII letters; name it so the user knows to
// re-save the file rather than see a parse error in the middle of nowhere.
QString encodingProblem(const QByteArray& bytes)
{
    // Byte order marks hold NUL bytes, so compare with explicit lengths.
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)) || bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return QStringLiteral("the file is UTF-32 encoded; expected UTF-8 text");
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return QStringLiteral("the file is UTF-16 encoded; expected UTF-8 text (re-save it as UTF-8)");
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096);
    qsizetype zeros = 0;
    for (qsizetype i = 0; i < n; ++i)
        if (bytes[i] == '\0') ++zeros;
    if (zeros > 0 && zeros * 3 >= n)
        return QStringLiteral("the file looks UTF-16 encoded (every other byte is zero); expected UTF-8 text");
    if (zeros > 0) return QStringLiteral("the file holds binary data (NUL bytes); expected text");
    return {};
}

}  // namespace

QByteArray checkedText(QByteArray bytes, const QString& fileName, const QString& expected)
{
    if (bytes.isEmpty()) throw InputError(fileName, QStringLiteral("the file is empty; expected %1").arg(expected));
    const QString problem = encodingProblem(bytes);
    if (!problem.isEmpty()) throw InputError(fileName, problem);
    if (bytes.startsWith("\xEF\xBB\xBF")) bytes.remove(0, 3);
    if (bytes.contains('\0')) throw InputError(fileName, QStringLiteral("the file holds binary data (NUL bytes); expected %1").arg(expected));
    const bool blank = std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    if (blank) throw InputError(fileName, QStringLiteral("the file holds only white space; expected %1").arg(expected));
    return bytes;
}

QByteArray readTextInput(QIODevice& in, const ImportContext& context, const QString& expected)
{
    // A buffer (how the import service hands over a file) shares its bytes instead of copying
    // them: for a large CSV that copy alone is a noticeable part of the import.
    if (auto* buffer = qobject_cast<QBuffer*>(&in); buffer && buffer->pos() == 0) {
        QByteArray bytes = buffer->data();
        buffer->seek(bytes.size());
        return checkedText(std::move(bytes), context.fileName, expected);
    }
    return checkedText(in.readAll(), context.fileName, expected);
}

QByteArray sniffText(const QByteArray& head)
{
    return head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
}

bool LineCursor::next()
{
    if (pos_ >= text_.size()) return false;
    const char* data = text_.constData();
    const void* nl = std::memchr(data + pos_, '\n', size_t(text_.size() - pos_));
    const qsizetype end = nl ? static_cast<const char*>(nl) - data : text_.size();
    qsizetype len = end - pos_;
    if (len > 0 && data[pos_ + len - 1] == '\r') --len;
    line_ = std::string_view(data + pos_, size_t(len));
    pos_ = end + 1;
    ++number_;
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace headroom
