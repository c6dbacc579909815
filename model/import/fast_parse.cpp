#include "fast_parse.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace headroom::fastparse {

namespace {

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

bool digits(std::string_view s, size_t pos, size_t count, int& out)
{
    if (pos + count > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

std::optional<double> number(std::string_view s)
{
    if (s.empty()) return std::nullopt;
    bool negative = false;
    if (s.front() == '+' || s.front() == '-') {
        negative = s.front() == '-';
        s.remove_prefix(1);
        if (s.empty() || s.front() == '+' || s.front() == '-') return std::nullopt;
    }
    if (s.size() == 3 && equalsNoCase(s, "nan")) return std::numeric_limits<double>::quiet_NaN();
    if ((s.size() == 3 && equalsNoCase(s, "inf")) || (s.size() == 8 && equalsNoCase(s, "infinity")))
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return negative ? -value : value;
}

long long daysFromCivil(int year, unsigned month, unsigned day)
{
    // Shift the year to start in March so the leap day is the last day of the year.
    year -= month <= 2;
    const long long era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = unsigned(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

namespace {
int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}
}  // namespace

std::optional<double> isoDateTime(std::string_view s, bool* hadZone)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
    size_t pos = 10;
    double fraction = 0;
    bool zone = false;
    double offset = 0;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
        ++pos;
        if (!digits(s, pos, 2, hour) || pos + 2 >= s.size() || s[pos + 2] != ':' || !digits(s, pos + 3, 2, minute))
            return std::nullopt;
        pos += 5;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, second)) return std::nullopt;
            pos += 3;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                double scale = 0.1;
                const size_t start = pos;
                while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                    fraction += (s[pos] - '0') * scale;
                    scale *= 0.1;
                    ++pos;
                }
                if (pos == start) return std::nullopt;
            }
        }
        // 24:00:00 is the end of a day (ISO 8601); 23:59:60 a leap second.
        if (hour > 24 || minute > 59 || second > 60) return std::nullopt;
        if (hour == 24 && (minute != 0 || second != 0 || fraction != 0)) return std::nullopt;
        if (pos < s.size() && s[pos] == ' ') ++pos;
        if (pos < s.size()) {
            const std::string_view rest = s.substr(pos);
            if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT") {
                zone = true;
            } else if (rest[0] == '+' || rest[0] == '-') {
                int oh = 0, om = 0;
                if (!digits(rest, 1, 2, oh)) return std::nullopt;
                size_t p = 3;
                if (p < rest.size() && rest[p] == ':') ++p;
                if (p < rest.size()) {
                    if (!digits(rest, p, 2, om) || p + 2 != rest.size()) return std::nullopt;
                } else if (p != rest.size()) {
                    return std::nullopt;
                }
                offset = (oh * 60 + om) * 60.0 * (rest[0] == '-' ? -1 : 1);
                zone = true;
            } else {
                return std::nullopt;
            }
        }
    }
    if (hadZone) *hadZone = zone;
    const double days = double(daysFromCivil(year, unsigned(month), unsigned(day)));
    return days * 86400.0 + hour * 3600.0 + minute * 60.0 + second + fraction - offset;
}

std::optional<double> timestamp(std::string_view s, bool* hadZone)
{
    if (s.size() >= 10 && s[4] == '-') return isoDateTime(s, hadZone);
    const auto n = number(s);
    if (!n || !std::isfinite(*n)) return std::nullopt;
    if (hadZone) *hadZone = true;
    return *n > 1e11 ? *n / 1000.0 : *n;
}

}  // namespace headroom::fastparse
