#pragma once
#include <QString>
#include <QStringView>
#include <optional>

namespace headroom::units {

// Numbers as benchmark tools print them. Each returns nothing when the text is not of that
// shape, so the caller can say at which line and column, and what was expected.

// A plain decimal number ("9605.69", "1.50068e+08"); no thousands separators.
std::optional<double> number(QStringView text);

// A duration with a unit suffix, in milliseconds: "218.37us" (also "µs"), "11.60ms", "29.27s",
// "0.90m", "1.5h". A bare number is taken in `bareUnitMs` milliseconds per unit (wrk2 prints
// spectrum values in ms with no unit).
std::optional<double> durationMs(QStringView text, std::optional<double> bareUnitMs = std::nullopt);

// A count with an optional decimal suffix: "4.83k" = 4830, "1.2M", "3G".
std::optional<double> count(QStringView text);

// A size in bytes with a 1024-based suffix as wrk prints it: "143.12MB", "2.38MB", "512.00B",
// "56.05GB", "1.2KB", "3TB".
std::optional<double> bytes1024(QStringView text);

// The suffix of a percentile metric: 50 -> "p50", 99.9 -> "p99_9", 99.99 -> "p99_99".
QString percentileName(double percent);

// A benchmark or endpoint name made safe for a metric name: lower case, runs of other
// characters as '_' ("[1,2]*1000" -> "1_2_1000").
QString metricSlug(const QString& name);

}  // namespace headroom::units
