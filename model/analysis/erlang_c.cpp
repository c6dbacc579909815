#include "erlang_c.h"

#include <cmath>
#include <limits>

namespace headroom::queueing {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// P(X + S > t) for independent X ~ Exp(theta), S ~ Exp(mu). When theta = mu the sum is
// Erlang-2 and the general formula divides by zero; at and near that point the series in
// (theta − mu) is used, which is (1 + μt)e^{−μt} at equality and keeps all digits nearby.
double hypoexponentialTail(double theta, double mu, double t)
{
    const double diff = theta - mu;
    if (std::abs(diff) * t < 1e-4) {
        // e^{−μt}·[θ − μ e^{−(θ−μ)t}]/(θ − μ) expanded to second order in d = θ − μ.
        const double d = diff;
        return std::exp(-mu * t) * (1 + mu * t - mu * d * t * t / 2 + mu * d * d * t * t * t / 6);
    }
    return (theta * std::exp(-mu * t) - mu * std::exp(-theta * t)) / diff;
}

// Inverts a decreasing tail function by bisection: the smallest t with tail(t) ≤ 1 − p.
template <typename Tail>
double invertTail(Tail tail, double p, double scale)
{
    const double target = 1 - p;
    double lo = 0, hi = scale;
    while (tail(hi) > target) {
        hi *= 2;
        if (hi > 1e300) return kInf;
    }
    for (int i = 0; i < 300 && hi - lo > 1e-14 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (tail(mid) > target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}
}  // namespace

double erlangB(int servers, double offeredLoad)
{
    double b = 1;
    for (int k = 1; k <= servers; ++k) b = offeredLoad * b / (k + offeredLoad * b);
    return b;
}

double erlangC(int servers, double offeredLoad)
{
    if (servers < 1 || offeredLoad >= servers) return 1;
    if (offeredLoad <= 0) return 0;
    const double b = erlangB(servers, offeredLoad);
    return servers * b / (servers - offeredLoad * (1 - b));
}

double MMc::probabilityOfWait() const { return stable() ? erlangC(servers, offeredLoad()) : 1; }

double MMc::meanWait() const
{
    if (!stable()) return kInf;
    return probabilityOfWait() / (servers * mu - lambda);
}

double MMc::meanResponse() const { return meanWait() + 1 / mu; }
double MMc::meanQueueLength() const { return stable() ? lambda * meanWait() : kInf; }

double MMc::waitTail(double t) const
{
    if (!stable()) return 1;
    if (t < 0) return 1;
    return probabilityOfWait() * std::exp(-(servers * mu - lambda) * t);
}

double MMc::responseTail(double t) const
{
    if (!stable()) return 1;
    if (t <= 0) return 1;
    const double c = probabilityOfWait();
    const double theta = servers * mu - lambda;
    return (1 - c) * std::exp(-mu * t) + c * hypoexponentialTail(theta, mu, t);
}

double MMc::responsePercentile(double p) const
{
    if (!stable()) return kInf;
    if (!(p > 0 && p < 1)) return std::numeric_limits<double>::quiet_NaN();
    return invertTail([this](double t) { return responseTail(t); }, p, 1 / mu);
}

double MMc::waitPercentile(double p) const
{
    if (!stable()) return kInf;
    if (!(p > 0 && p < 1)) return std::numeric_limits<double>::quiet_NaN();
    const double c = probabilityOfWait();
    if (1 - p >= c) return 0;  // at least a fraction p of arrivals do not wait at all
    return std::log(c / (1 - p)) / (servers * mu - lambda);
}

QJsonObject MMc::toJson() const
{
    return QJsonObject{{QStringLiteral("lambda"), lambda},
                       {QStringLiteral("mu"), mu},
                       {QStringLiteral("servers"), servers},
                       {QStringLiteral("offered_load"), offeredLoad()},
                       {QStringLiteral("utilization"), utilization()},
                       {QStringLiteral("stable"), stable()},
                       {QStringLiteral("p_wait"), probabilityOfWait()},
                       {QStringLiteral("mean_wait"), meanWait()},
                       {QStringLiteral("mean_response"), meanResponse()},
                       {QStringLiteral("p50_response"), responsePercentile(0.50)},
                       {QStringLiteral("p95_response"), responsePercentile(0.95)},
                       {QStringLiteral("p99_response"), responsePercentile(0.99)}};
}

std::optional<int> smallestServersForPercentile(double lambda, double mu, double p, double target,
                                                int maxServers)
{
    if (!(mu > 0) || lambda < 0 || !(p > 0 && p < 1)) return std::nullopt;
    // With infinitely many servers nobody waits and T = S; if that misses, no count helps.
    const double serviceQuantile = -std::log(1 - p) / mu;
    if (serviceQuantile > target) return std::nullopt;
    int c = std::max(1, int(std::floor(lambda / mu)) + 1);
    for (; c <= maxServers; ++c) {
        const MMc q{lambda, mu, c};
        if (q.responsePercentile(p) <= target) return c;
    }
    return std::nullopt;
}

double md1MeanWait(double lambda, double mu)
{
    const double rho = lambda / mu;
    if (!(rho < 1) || !(mu > 0)) return kInf;
    return rho / (2 * mu * (1 - rho));
}

double md1MeanResponse(double lambda, double mu) { return md1MeanWait(lambda, mu) + 1 / mu; }

}  // namespace headroom::queueing
