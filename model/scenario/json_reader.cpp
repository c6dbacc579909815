#include "json_reader.h"

#include <cmath>

namespace headroom::scenario_json {

namespace {

QString num(double v) { return QString::number(v, 'g', 10); }

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("nothing");
    }
}

}  // namespace

bool Range::contains(double v) const
{
    if (std::isnan(v)) return false;
    if (loOpen ? !(v > lo) : !(v >= lo)) return false;
    if (hiOpen ? !(v < hi) : !(v <= hi)) return false;
    return true;
}

QString Range::describe() const
{
    const bool hasLo = std::isfinite(lo);
    const bool hasHi = std::isfinite(hi);
    if (hasLo && hasHi && !loOpen && !hiOpen) return QStringLiteral("between %1 and %2").arg(num(lo), num(hi));
    QStringList parts;
    if (hasLo) parts << (loOpen ? QStringLiteral("> ") : QStringLiteral("≥ ")) + num(lo);
    if (hasHi) parts << (hiOpen ? QStringLiteral("< ") : QStringLiteral("≤ ")) + num(hi);
    return parts.join(QStringLiteral(" and "));
}

Range atLeast(double lo) { Range r; r.lo = lo; return r; }
Range above(double lo) { Range r; r.lo = lo; r.loOpen = true; return r; }
Range between(double lo, double hi) { Range r; r.lo = lo; r.hi = hi; return r; }

double numberAt(const json::Path& path, const QJsonValue& v, const Range& range)
{
    const QString expected = QStringLiteral("expected a number %1").arg(range.describe()).trimmed();
    if (!v.isDouble()) path.fail(QStringLiteral("%1, found %2").arg(expected, typeName(v)));
    const double d = v.toDouble();
    if (!range.contains(d)) path.fail(QStringLiteral("%1, found %2").arg(expected, num(d)));
    return d;
}

int integerAt(const json::Path& path, const QJsonValue& v, const Range& range)
{
    const QString expected = QStringLiteral("expected an integer %1").arg(range.describe()).trimmed();
    if (!v.isDouble()) path.fail(QStringLiteral("%1, found %2").arg(expected, typeName(v)));
    const double d = v.toDouble();
    if (d != std::floor(d) || std::fabs(d) > 2e9) path.fail(QStringLiteral("%1, found %2").arg(expected, num(d)));
    if (!range.contains(d)) path.fail(QStringLiteral("%1, found %2").arg(expected, num(d)));
    return int(d);
}

ObjectReader::ObjectReader(const json::Path& path, const QJsonValue& value, const QStringList& allowedKeys)
    : path_(path)
{
    if (!value.isObject()) path_.fail(QStringLiteral("expected an object, found %1").arg(typeName(value)));
    object_ = value.toObject();
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        if (!allowedKeys.contains(it.key()))
            path_.key(it.key()).fail(
                QStringLiteral("unknown key; expected one of: %1").arg(allowedKeys.join(QStringLiteral(", "))));
    }
}

void ObjectReader::missing(const QString& key, const QString& expected) const
{
    path_.key(key).fail(QStringLiteral("missing; %1").arg(expected));
}

double ObjectReader::number(const QString& key, const Range& range) const
{
    if (!has(key)) missing(key, QStringLiteral("expected a number %1").arg(range.describe()).trimmed());
    return numberAt(at(key), value(key), range);
}

std::optional<double> ObjectReader::optionalNumber(const QString& key, const Range& range) const
{
    if (!has(key)) return std::nullopt;
    return numberAt(at(key), value(key), range);
}

double ObjectReader::number(const QString& key, const Range& range, double fallback) const
{
    return has(key) ? numberAt(at(key), value(key), range) : fallback;
}

int ObjectReader::integer(const QString& key, const Range& range) const
{
    if (!has(key)) missing(key, QStringLiteral("expected an integer %1").arg(range.describe()).trimmed());
    return integerAt(at(key), value(key), range);
}

int ObjectReader::integer(const QString& key, const Range& range, int fallback) const
{
    return has(key) ? integerAt(at(key), value(key), range) : fallback;
}

bool ObjectReader::boolean(const QString& key, bool fallback) const
{
    if (!has(key)) return fallback;
    const QJsonValue v = value(key);
    if (!v.isBool()) at(key).fail(QStringLiteral("expected true or false, found %1").arg(typeName(v)));
    return v.toBool();
}

QString ObjectReader::string(const QString& key) const
{
    if (!has(key)) missing(key, QStringLiteral("expected a string"));
    return string(key, QString());
}

QString ObjectReader::string(const QString& key, const QString& fallback) const
{
    if (!has(key)) return fallback;
    const QJsonValue v = value(key);
    if (!v.isString()) at(key).fail(QStringLiteral("expected a string, found %1").arg(typeName(v)));
    return v.toString();
}

int ObjectReader::choice(const QString& key, const QStringList& choices) const
{
    const QString expected = QStringLiteral("expected one of: %1").arg(choices.join(QStringLiteral(", ")));
    if (!has(key)) missing(key, expected);
    const QJsonValue v = value(key);
    const int i = v.isString() ? int(choices.indexOf(v.toString())) : -1;
    if (i < 0)
        at(key).fail(QStringLiteral("%1; found %2").arg(expected,
                                                        v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"')
                                                                     : typeName(v)));
    return i;
}

int ObjectReader::choice(const QString& key, const QStringList& choices, int fallback) const
{
    return has(key) ? choice(key, choices) : fallback;
}

QStringList keys(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* k : list) out << QString::fromLatin1(k);
    return out;
}

}  // namespace headroom::scenario_json
