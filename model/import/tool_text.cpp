#include "tool_text.h"

#include "core/errors.h"

namespace headroom::tooltext {

bool looksWide(const QByteArray& head)
{
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) return true;
    if (head.startsWith(QByteArray("\x00\x00\xFE\xFF", 4))) return true;
    // Mostly-ASCII UTF-16: nearly every other byte is zero, always at the same parity.
    const qsizetype n = std::min(head.size(), qsizetype(4096));
    qsizetype even = 0, odd = 0;
    for (qsizetype i = 0; i < n; ++i)
        if (head[i] == '\0') (i % 2 == 0 ? even : odd) += 1;
    return n >= 4 && (even + odd) * 3 >= n && (even == 0 || odd == 0);
}

QByteArray withoutBom(const QByteArray& head)
{
    return head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
}

QByteArray read(QIODevice& in, const ImportContext& context, const QString& expected)
{
    const QByteArray bytes = in.readAll();
    if (withoutBom(bytes).trimmed().isEmpty())
        throw InputError(context.fileName, QStringLiteral("the file is empty; expected %1").arg(expected));
    if (looksWide(bytes.left(4096)))
        throw InputError(context.fileName, QStringLiteral("the file is UTF-16 or UTF-32 text; expected %1 in UTF-8 "
                                                          "(convert it, e.g. with iconv -t UTF-8)")
                                               .arg(expected));
    const qsizetype zero = bytes.indexOf('\0');
    if (zero >= 0) {
        const TextPosition pos = positionOfOffset(bytes, zero);
        throw InputError(formatWhere(context.fileName, pos.line, pos.column),
                         QStringLiteral("binary data (a NUL byte); expected %1 as text").arg(expected));
    }
    return bytes;
}

std::vector<Line> lines(const QByteArray& text)
{
    std::vector<Line> out;
    qsizetype start = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    int number = 1;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0) end = text.size();
        qsizetype stop = end;
        if (stop > start && text[stop - 1] == '\r') --stop;
        out.push_back({number, QString::fromUtf8(text.constData() + start, stop - start)});
        ++number;
        start = end + 1;
    }
    return out;
}

QByteArray withoutCutLastLine(const QByteArray& text, QVector<ImportWarning>& warnings, bool alwaysEndsWithLineFeed)
{
    if (text.isEmpty() || text.endsWith('\n')) return text;
    const qsizetype start = text.lastIndexOf('\n') + 1;
    const QString last = QString::fromUtf8(text.mid(start)).trimmed();
    if (last.isEmpty()) return text;
    const QChar c = last.back();
    if (!alwaysEndsWithLineFeed) {
        if (!c.isDigit() && !QStringLiteral(".,:;+-=/").contains(c)) return text;
        if (c == QLatin1Char('.') && last.size() > 1 && last.at(last.size() - 2).isLetter()) return text;  // a sentence
    }
    ImportWarning w;
    w.line = int(text.left(start).count('\n')) + 1;
    w.column = 1;
    w.message = QStringLiteral("the %1: the last line has no line end and may be cut short, so it is "
                               "not read ('%2')")
                    .arg(QLatin1String(kEndedEarly), last.left(60));
    warnings << w;
    return text.left(start);
}

std::vector<Line> completeLines(const QByteArray& text, QVector<ImportWarning>& warnings)
{
    return lines(withoutCutLastLine(text, warnings));
}

QByteArray unixLineEnds(const QByteArray& text)
{
    if (!text.contains('\r')) return text;
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            qsizetype j = i;
            while (j < text.size() && text[j] == '\r') ++j;
            if (j < text.size() && text[j] == '\n') {
                i = j - 1;  // drop the run of CRs, keep the LF
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

void failAt(const ImportContext& context, int line, int column, const QString& what)
{
    throw InputError(formatWhere(context.fileName, line, column), what);
}

QByteArray isolateJsonObject(const QByteArray& text, qsizetype from)
{
    const qsizetype start = text.indexOf('{', from);
    if (start < 0) return text;
    int depth = 0;
    bool inString = false;
    qsizetype end = -1;
    for (qsizetype i = start; i < text.size() && end < 0; ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) end = i + 1;
    }
    // Unbalanced (truncated) JSON is kept from `start` on, so the JSON parser reports where it ends.
    QByteArray out = text;
    const auto blank = [&out](qsizetype a, qsizetype b) {
        for (qsizetype i = a; i < b; ++i)
            if (out[i] != '\n') out[i] = ' ';
    };
    blank(0, start);
    if (end > 0) blank(end, out.size());
    return out;
}

}  // namespace headroom::tooltext
