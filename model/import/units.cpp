#include "units.h"

#include <cmath>

namespace headroom::units {

namespace {

// Splits "218.37us" into the number and its suffix.
bool splitNumber(QStringView text, double& value, QStringView& suffix)
{
    text = text.trimmed();
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (i < n && (text[i] == u'+' || text[i] == u'-')) ++i;
    bool digits = false;
    while (i < n && (text[i].isDigit() || text[i] == u'.')) {
        digits = digits || text[i].isDigit();
        ++i;
    }
    if (!digits) return false;
    // Exponent only when followed by digits ("1.5e+08"), so "5em" is not misread.
    if (i + 1 < n && (text[i] == u'e' || text[i] == u'E')) {
        qsizetype j = i + 1;
        if (j < n && (text[j] == u'+' || text[j] == u'-')) ++j;
        if (j < n && text[j].isDigit()) {
            while (j < n && text[j].isDigit()) ++j;
            i = j;
        }
    }
    bool ok = false;
    value = text.left(i).toDouble(&ok);
    if (!ok || !std::isfinite(value)) return false;
    suffix = text.mid(i);
    return true;
}

}  // namespace

std::optional<double> number(QStringView text)
{
    double v = 0;
    QStringView suffix;
    if (!splitNumber(text, v, suffix) || !suffix.isEmpty()) return std::nullopt;
    return v;
}

std::optional<double> durationMs(QStringView text, std::optional<double> bareUnitMs)
{
    double v = 0;
    QStringView s;
    if (!splitNumber(text, v, s)) return std::nullopt;
    if (s.isEmpty()) {
        if (!bareUnitMs) return std::nullopt;
        return v * *bareUnitMs;
    }
    if (s == u"ns") return v / 1e6;
    if (s == u"us" || s == u"\u00B5s" || s == u"\u03BCs") return v / 1e3;
    if (s == u"ms") return v;
    if (s == u"s") return v * 1e3;
    if (s == u"m") return v * 60e3;
    if (s == u"h") return v * 3600e3;
    return std::nullopt;
}

std::optional<double> count(QStringView text)
{
    double v = 0;
    QStringView s;
    if (!splitNumber(text, v, s)) return std::nullopt;
    if (s.isEmpty()) return v;
    if (s == u"k" || s == u"K") return v * 1e3;
    if (s == u"M") return v * 1e6;
    if (s == u"G") return v * 1e9;
    return std::nullopt;
}

std::optional<double> bytes1024(QStringView text)
{
    double v = 0;
    QStringView s;
    if (!splitNumber(text, v, s)) return std::nullopt;
    if (s == u"B" || s.isEmpty()) return v;
    if (s == u"KB") return v * 1024.0;
    if (s == u"MB") return v * 1024.0 * 1024.0;
    if (s == u"GB") return v * 1024.0 * 1024.0 * 1024.0;
    if (s == u"TB") return v * 1024.0 * 1024.0 * 1024.0 * 1024.0;
    return std::nullopt;
}

QString percentileName(double percent)
{
    QString digits = QString::number(percent, 'f', 6);
    while (digits.endsWith(QLatin1Char('0'))) digits.chop(1);
    if (digits.endsWith(QLatin1Char('.'))) digits.chop(1);
    digits.replace(QLatin1Char('.'), QLatin1Char('_'));
    return QStringLiteral("p") + digits;
}

QString metricSlug(const QString& name)
{
    QString out;
    bool pendingSeparator = false;
    for (const QChar c : name.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            if (pendingSeparator && !out.isEmpty()) out += QLatin1Char('_');
            pendingSeparator = false;
            out += c;
        } else {
            pendingSeparator = true;
        }
    }
    return out.isEmpty() ? QStringLiteral("unnamed") : out;
}

}  // namespace headroom::units
