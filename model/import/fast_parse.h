#pragma once
#include <optional>
#include <string_view>

namespace headroom::fastparse {

// Number and time parsing for the hot loops of the CSV and text importers: no allocation,
// no locale. Both return nullopt for anything that is not entirely a value of their kind.

// A decimal number as tools print it: "12", "-3.5", "+1e6", "1.412839e+06", "NaN", "+Inf",
// "-Inf". Out-of-range magnitudes (1e999) are nullopt, not infinity, so callers can say so.
std::optional<double> number(std::string_view s);

// ISO 8601 / RFC 3339 date-times in seconds since the Unix epoch: "2024-03-01T12:00:00Z",
// "2024-03-01 12:00:00.250+02:00", "2019-04-18 13:20:19 UTC", "2024-03-01T12:00" and a bare
// date. A time without a zone is read as UTC (`hadZone` tells the caller, to warn).
std::optional<double> isoDateTime(std::string_view s, bool* hadZone = nullptr);

// A time cell: ISO 8601, or epoch seconds as a number (fractions allowed). Numbers above 1e11
// are read as epoch milliseconds (1e11 s would be the year 5138).
std::optional<double> timestamp(std::string_view s, bool* hadZone = nullptr);

// Days since 1970-01-01 of a proleptic Gregorian date.
long long daysFromCivil(int year, unsigned month, unsigned day);

}  // namespace headroom::fastparse
