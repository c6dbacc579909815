#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>
#include <limits>
#include <optional>

// Exact JSON for the figures a stored run keeps: finite doubles as numbers (QJsonValue keeps all
// 64 bits), infinity and NaN as the strings "inf", "-inf" and "nan", which plain JSON cannot
// spell. Shared by the codecs of the stored results only.
namespace headroom::runs::codec {

inline QJsonValue num(double v)
{
    if (std::isnan(v)) return QStringLiteral("nan");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return v;
}

inline double toNum(const QJsonValue& v)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (s == QLatin1String("inf")) return std::numeric_limits<double>::infinity();
        if (s == QLatin1String("-inf")) return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return v.toDouble();
}

// 64-bit integers (seeds) as decimal strings: a double holds only 53 bits.
inline QJsonValue u64(quint64 v) { return QString::number(v); }
inline quint64 toU64(const QJsonValue& v) { return v.toString().toULongLong(); }

inline QJsonValue optionalNum(const std::optional<double>& v) { return v ? num(*v) : QJsonValue(); }
inline std::optional<double> toOptionalNum(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined()) return std::nullopt;
    return toNum(v);
}
inline QJsonValue optionalInt(const std::optional<int>& v) { return v ? QJsonValue(*v) : QJsonValue(); }
inline std::optional<int> toOptionalInt(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined()) return std::nullopt;
    return v.toInt();
}

inline QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray a;
    for (double v : values) a.append(num(v));
    return a;
}
inline std::vector<double> toNumbers(const QJsonValue& v)
{
    std::vector<double> out;
    for (const QJsonValue& x : v.toArray()) out.push_back(toNum(x));
    return out;
}

}  // namespace headroom::runs::codec
