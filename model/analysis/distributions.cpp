#include "distributions.h"

#include "descriptive_stats.h"

#include <cmath>
#include <limits>

namespace headroom::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction for the incomplete beta function (modified Lentz evaluation).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    constexpr double eps = 1e-15;
    const double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::abs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 1000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::abs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::abs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < eps) break;
    }
    return h;
}
}  // namespace

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1)) return p == 0 ? -INFINITY : p == 1 ? INFINITY : kNaN;
    // Rational approximation (Acklam), then Newton steps on the exact CDF for full precision.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double plow = 0.02425;
    double x;
    if (p < plow) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - plow) {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    for (int i = 0; i < 2; ++i) {
        const double e = normalCdf(x) - p;
        const double density = std::exp(-x * x / 2) / std::sqrt(2 * M_PI);
        x -= e / density;
    }
    return x;
}

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const double lnFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                           b * std::log1p(-x);
    const double front = std::exp(lnFront);
    // The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise.
    if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

double studentTCdf(double t, double df)
{
    if (!(df > 0)) return kNaN;
    const double tail = 0.5 * regularizedIncompleteBeta(df / 2, 0.5, df / (df + t * t));
    return t >= 0 ? 1 - tail : tail;
}

double studentTQuantile(double p, double df)
{
    if (!(df > 0) || !(p > 0 && p < 1)) return kNaN;
    if (p == 0.5) return 0;
    // Bisection on the CDF: monotone, and 200 halvings reach double precision from any bracket.
    double lo = -1, hi = 1;
    while (studentTCdf(lo, df) > p) lo *= 2;
    while (studentTCdf(hi, df) < p) hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * std::max(1.0, std::abs(hi)); ++i) {
        const double mid = 0.5 * (lo + hi);
        (studentTCdf(mid, df) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double Lognormal::mean() const { return std::exp(mu + sigma * sigma / 2); }
double Lognormal::cv() const { return std::sqrt(std::expm1(sigma * sigma)); }
double Lognormal::quantile(double p) const { return std::exp(mu + sigma * normalQuantile(p)); }

Lognormal Lognormal::fromMeanCv(double mean, double cv)
{
    Lognormal l;
    l.sigma = std::sqrt(std::log1p(cv * cv));
    l.mu = std::log(mean) - l.sigma * l.sigma / 2;
    return l;
}

Lognormal Lognormal::fit(const std::vector<double>& values)
{
    std::vector<double> logs;
    logs.reserve(values.size());
    for (double v : values) {
        if (!(v > 0)) return {kNaN, kNaN};
        logs.push_back(std::log(v));
    }
    Lognormal l;
    l.mu = stats::mean(logs);
    // Maximum likelihood divides by n, not n − 1.
    double squares = 0;
    for (double x : logs) squares += (x - l.mu) * (x - l.mu);
    l.sigma = logs.empty() ? kNaN : std::sqrt(squares / double(logs.size()));
    return l;
}

QJsonObject Lognormal::toJson() const
{
    return QJsonObject{{QStringLiteral("dist"), QStringLiteral("lognormal")},
                       {QStringLiteral("mean"), mean()},
                       {QStringLiteral("cv"), cv()},
                       {QStringLiteral("mu"), mu},
                       {QStringLiteral("sigma"), sigma}};
}

}  // namespace headroom::stats
