#include "distributions.h"

#include "descriptive_stats.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <cmath>
#include <limits>

namespace headroom::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Out-of-range arguments give NaN (or ±infinity at the ends of a quantile) instead of Boost's
// default exceptions: callers test for NaN, and a confidence interval is never worth a throw.
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;
}  // namespace

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1)) return p == 0 ? -INFINITY : p == 1 ? INFINITY : kNaN;
    return boost::math::quantile(boost::math::normal_distribution<double, Policy>(), p);
}

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (!(a > 0 && b > 0) || std::isnan(x)) return kNaN;
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    return boost::math::ibeta(a, b, x, Policy());
}

double studentTCdf(double t, double df)
{
    if (!(df > 0) || std::isnan(t)) return kNaN;
    return boost::math::cdf(boost::math::students_t_distribution<double, Policy>(df), t);
}

double studentTQuantile(double p, double df)
{
    if (!(df > 0) || !(p > 0 && p < 1)) return kNaN;
    return boost::math::quantile(boost::math::students_t_distribution<double, Policy>(df), p);
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
