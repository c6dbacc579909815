#include "errors.h"

namespace headroom {

TextPosition positionOfOffset(const QByteArray& text, qsizetype offset)
{
    TextPosition pos;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

QString formatWhere(const QString& file, int line, int column)
{
    QString where = file;
    if (line > 0) where += QStringLiteral(":%1").arg(line);
    if (column > 0) where += QStringLiteral(":%1").arg(column);
    return where;
}

}  // namespace headroom
