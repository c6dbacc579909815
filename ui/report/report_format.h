#pragma once
#include <QString>
#include <cmath>

namespace headroom::report::fmt {

// Numbers as the report prints them, always with their unit. The same functions format the
// figures that tests compare against `headroom simulate/recommend --json`.

// Escapes user text (scenario, dataset and node names) for the paragraph HTML.
inline QString esc(const QString& text) { return text.toHtmlEscaped(); }

inline QString num(double v, int decimals) { return QString::number(v, 'f', decimals); }
// Digits grouped in threes with a thin space-free comma: 12,345.
QString grouped(double v, int decimals);

inline QString ms(double v) { return num(v, 1) + QStringLiteral(" ms"); }
inline QString seconds(double v) { return num(v, v < 10 ? 1 : 0) + QStringLiteral(" s"); }
inline QString percent(double fraction, int decimals = 1) { return num(fraction * 100, decimals) + QStringLiteral(" %"); }
// No figure (a candidate ruled out before any cost could be worked out) prints as a dash.
inline QString usd(double v) { return std::isfinite(v) ? QStringLiteral("$") + grouped(v, 2) : QStringLiteral("–"); }
inline QString usdPerMonth(double v) { return usd(v) + QStringLiteral(" per month"); }
inline QString rps(double v) { return grouped(v, v < 100 ? 1 : 0) + QStringLiteral(" req/s"); }
inline QString nodes(double v) { return num(v, v == double(qint64(v)) ? 0 : 1) + QStringLiteral(" nodes"); }
// "±3.2 ms" style half-width of a confidence interval.
inline QString plusMinus(double halfWidth, const QString& unit, int decimals = 1)
{
    return QStringLiteral("±") + num(halfWidth, decimals) + unit;
}

}  // namespace headroom::report::fmt
