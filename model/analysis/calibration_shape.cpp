#include "calibration_shape.h"

#include "core/errors.h"
#include "descriptive_stats.h"
#include "distributions.h"

#include <algorithm>
#include <cmath>

namespace headroom::calibration {

double regularizedLowerGamma(double a, double x)
{
    if (!(a > 0) || !(x > 0)) return 0;
    const double logPrefix = a * std::log(x) - x - std::lgamma(a);
    if (x < a + 1) {
        // Σ x^n / (a (a+1) … (a+n)), converges quickly below a + 1.
        double term = 1 / a, sum = term;
        for (int n = 1; n < 1000 && std::abs(term) > std::abs(sum) * 1e-16; ++n) {
            term *= x / (a + n);
            sum += term;
        }
        return std::min(1.0, sum * std::exp(logPrefix));
    }
    // Q(a, x) by its continued fraction (modified Lentz), P = 1 − Q.
    constexpr double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < tiny) d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < 1e-16) break;
    }
    return std::max(0.0, 1 - std::exp(logPrefix) * h);
}

double gammaCdf(double x, double mean, double cv)
{
    const double shape = 1 / (cv * cv);
    return regularizedLowerGamma(shape, x * shape / mean);
}

double lognormalCdf(double x, double mean, double cv)
{
    if (!(x > 0)) return 0;
    const stats::Lognormal l = stats::Lognormal::fromMeanCv(mean, cv);
    return stats::normalCdf((std::log(x) - l.mu) / l.sigma);
}

namespace {

// sup |F(x) − empirical CDF| over the sorted samples.
template <typename Cdf>
double ksDistance(const std::vector<double>& sorted, Cdf cdf)
{
    const double n = double(sorted.size());
    double worst = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        const double f = cdf(sorted[i]);
        worst = std::max({worst, std::abs(f - double(i) / n), std::abs(double(i + 1) / n - f)});
    }
    return worst;
}

QString describeFit(const ShapeFit& s)
{
    const double d = s.ks();
    if (s.samples == 0) return s.goodness;
    const QString verdict = d <= s.ksCritical ? QStringLiteral("not rejected at the 5 % level")
                            : d <= 2 * s.ksCritical ? QStringLiteral("close, though the sample is large enough to tell the difference")
                                                    : QStringLiteral("a rough fit; the times have a shape neither family follows");
    return QStringLiteral("%1 fits %2 times with Kolmogorov–Smirnov distance %3 (5 % critical value %4): %5.")
        .arg(s.family).arg(s.samples).arg(d, 0, 'f', 3).arg(s.ksCritical, 0, 'f', 3).arg(verdict);
}

}  // namespace

ShapeFit fitShape(const std::vector<double>& samplesMs, const QString& source, const QString& where)
{
    std::vector<double> v;
    v.reserve(samplesMs.size());
    for (double x : samplesMs)
        if (std::isfinite(x) && x > 0) v.push_back(x);
    if (v.size() < 20)
        throw InputError(where, QStringLiteral("expected at least 20 positive per-request times to fit a shape, found %1").arg(v.size()));
    std::sort(v.begin(), v.end());
    ShapeFit s;
    s.samples = int(v.size());
    s.mean = stats::mean(v);
    s.cv = stats::coefficientOfVariation(v);
    s.source = source;
    s.ksCritical = 1.358 / std::sqrt(double(v.size()));
    if (s.cv < 1e-6) {
        // Constant times: both families collapse onto the mean; nothing to choose.
        s.family = QStringLiteral("lognormal");
        s.cv = 0;
        s.goodness = QStringLiteral("The %1 times are constant (%2 ms).").arg(s.samples).arg(s.mean, 0, 'g', 4);
        return s;
    }
    s.ksLognormal = ksDistance(v, [&](double x) { return lognormalCdf(x, s.mean, s.cv); });
    s.ksGamma = ksDistance(v, [&](double x) { return gammaCdf(x, s.mean, s.cv); });
    s.family = s.ksGamma < s.ksLognormal ? QStringLiteral("gamma") : QStringLiteral("lognormal");
    s.goodness = describeFit(s);
    return s;
}

PercentileFit fitShiftedLognormal(double meanMs, double p50Ms, double pHighMs, double pHigh, double otherMs,
                                  double otherP, const QString& where)
{
    if (!(meanMs > p50Ms && pHighMs > meanMs))
        throw InputError(where, QStringLiteral("expected latency with mean above the median and p%1 above the mean "
                                               "(mean %2, p50 %3, p%1 %4 ms)")
                                    .arg(pHigh * 100).arg(meanMs).arg(p50Ms).arg(pHighMs));
    const double z = stats::normalQuantile(pHigh);
    // With X = shift + e^(mu + sigma Z): (pHigh − p50)/(mean − p50) = (e^(sigma z) − 1)/(e^(sigma²/2) − 1).
    // That ratio falls from infinity as sigma grows, but not monotonically over (0, 2z): walk up
    // in small steps to the first crossing (the lightest tail that fits) and bisect inside it.
    const double target = (pHighMs - p50Ms) / (meanMs - p50Ms);
    auto ratio = [&](double s) { return std::expm1(s * z) / std::expm1(s * s / 2); };
    PercentileFit f;
    double lo = 1e-4, hi = lo;
    while (hi < 2 * z && ratio(hi) > target) {
        lo = hi;
        hi += 0.01;
    }
    double sigma = std::min(hi, 2 * z);
    if (hi < 2 * z) {
        for (int i = 0; i < 100; ++i) {
            const double mid = (lo + hi) / 2;
            (ratio(mid) > target ? lo : hi) = mid;
        }
        sigma = (lo + hi) / 2;
    }
    double scale = (meanMs - p50Ms) / std::expm1(sigma * sigma / 2);  // e^mu
    f.shiftMs = p50Ms - scale;
    if (f.shiftMs < 0) {
        // A negative shift means no constant part: an unshifted lognormal through mean and median.
        f.shiftMs = 0;
        sigma = std::sqrt(2 * std::log(meanMs / p50Ms));
        scale = p50Ms;
    }
    ShapeFit& s = f.shape;
    s.family = QStringLiteral("lognormal");
    s.mean = scale * std::exp(sigma * sigma / 2);
    s.cv = std::sqrt(std::expm1(sigma * sigma));
    s.source = QStringLiteral("the load tester's mean, p50 and p%1 at low load").arg(pHigh * 100);
    s.ksLognormal = s.ksGamma = NAN;
    if (otherMs > 0 && otherP > 0 && otherP < 1) {
        const double predicted = f.shiftMs + scale * std::exp(sigma * stats::normalQuantile(otherP));
        s.goodness = QStringLiteral("Fitted to three summary values; it puts p%1 at %2 ms against %3 ms measured (%4 %).")
                         .arg(otherP * 100).arg(predicted, 0, 'f', 2).arg(otherMs, 0, 'f', 2)
                         .arg(100 * (predicted - otherMs) / otherMs, 0, 'f', 1);
    } else {
        s.goodness = QStringLiteral("Fitted to three summary values, so it matches them exactly; no fourth value to check it.");
    }
    return f;
}

QJsonObject ShapeFit::toJson() const
{
    auto num = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("family"), family},
                       {QStringLiteral("mean_ms"), mean},
                       {QStringLiteral("cv"), cv},
                       {QStringLiteral("samples"), samples},
                       {QStringLiteral("ks"), QJsonObject{{QStringLiteral("lognormal"), num(ksLognormal)},
                                                          {QStringLiteral("gamma"), num(ksGamma)},
                                                          {QStringLiteral("critical_5pct"), ksCritical}}},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("goodness"), goodness}};
}

}  // namespace headroom::calibration
