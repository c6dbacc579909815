#include "json_input.h"

#include "errors.h"
#include "json_duplicate_keys.h"

#include <cmath>
#include <limits>

namespace headroom::json {

QJsonDocument parseDocument(const QByteArray& bytes, const QString& fileName, bool skipPreamble, DuplicateKeys duplicates)
{
    qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (skipPreamble) {
        const qsizetype brace = bytes.indexOf('{', start);
        const qsizetype bracket = bytes.indexOf('[', start);
        qsizetype first = -1;
        if (brace >= 0 && bracket >= 0) first = std::min(brace, bracket);
        else first = std::max(brace, bracket);
        if (first < 0) throw InputError(fileName, QStringLiteral("no JSON document found; expected '{' or '['"));
        start = first;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(start), &error);
    if (error.error != QJsonParseError::NoError) {
        const TextPosition pos = positionOfOffset(bytes, start + error.offset);
        throw InputError(formatWhere(fileName, pos.line, pos.column),
                         QStringLiteral("invalid JSON: %1").arg(error.errorString()));
    }
    if (duplicates == DuplicateKeys::Refuse) rejectDuplicateKeys(bytes, start, fileName);
    return doc;
}

void Path::fail(const QString& expected) const { throw InputError(where(), expected); }

QJsonObject Path::object(const QJsonValue& v) const
{
    if (!v.isObject()) fail(QStringLiteral("expected an object"));
    return v.toObject();
}

QJsonArray Path::array(const QJsonValue& v) const
{
    if (!v.isArray()) fail(QStringLiteral("expected an array"));
    return v.toArray();
}

double Path::number(const QJsonValue& v) const
{
    if (v.isDouble()) return v.toDouble();
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (s.compare(QLatin1String("NaN"), Qt::CaseInsensitive) == 0) return std::numeric_limits<double>::quiet_NaN();
        if (s == QLatin1String("+Inf") || s == QLatin1String("Inf")) return std::numeric_limits<double>::infinity();
        if (s == QLatin1String("-Inf")) return -std::numeric_limits<double>::infinity();
        bool ok = false;
        const double d = s.toDouble(&ok);
        if (ok) return d;
    }
    fail(QStringLiteral("expected a number"));
}

QString Path::string(const QJsonValue& v) const
{
    if (!v.isString()) fail(QStringLiteral("expected a string"));
    return v.toString();
}

}  // namespace headroom::json
