#pragma once
#include <QJsonObject>
#include <optional>

namespace headroom::queueing {

// M/M/c: Poisson arrivals at rate lambda, exponential service at rate mu per server, c servers,
// first come first served, infinite queue. M/M/1 is c = 1. Times are in the units of 1/mu.
struct MMc {
    double lambda = 0;
    double mu = 1;
    int servers = 1;

    double offeredLoad() const { return lambda / mu; }             // a = λ/μ, in Erlangs
    double utilization() const { return lambda / (servers * mu); }  // ρ = a/c
    bool stable() const { return lambda >= 0 && mu > 0 && servers >= 1 && utilization() < 1; }

    // Erlang C: probability that an arrival has to wait. 1 when unstable.
    double probabilityOfWait() const;
    double meanWait() const;      // E[Wq]; infinity when unstable
    double meanResponse() const;  // E[T] = E[Wq] + 1/μ
    double meanQueueLength() const;  // Lq = λ E[Wq] (Little)
    // P(T > t) for the response (sojourn) time T = Wq + S. Wq is 0 with probability 1 − C and
    // otherwise exponential with rate cμ − λ, independent of the exponential service time S.
    double responseTail(double t) const;
    double waitTail(double t) const;  // P(Wq > t) = C e^{−(cμ−λ)t}
    // The p-quantile of the response time (p in (0,1)); infinity when unstable.
    double responsePercentile(double p) const;
    double waitPercentile(double p) const;

    // {"lambda","mu","servers","offered_load","utilization","stable","p_wait","mean_wait",
    //  "mean_response","p50_response","p95_response","p99_response"}
    QJsonObject toJson() const;
};

// Erlang B blocking probability for `servers` servers at offered load a (stable recursion).
double erlangB(int servers, double offeredLoad);
// Erlang C probability of wait for `servers` servers at offered load a; 1 when a ≥ servers.
double erlangC(int servers, double offeredLoad);

// The smallest number of servers for which the p-quantile of the response time is at most
// `target` (same time unit as 1/mu), searching up to `maxServers`. Empty when no number of
// servers can reach it (the target is below the service time's own quantile).
std::optional<int> smallestServersForPercentile(double lambda, double mu, double p, double target,
                                                int maxServers = 100000);

// M/D/1 (deterministic service time 1/mu): Pollaczek–Khinchine mean wait ρ/(2μ(1−ρ)).
double md1MeanWait(double lambda, double mu);
double md1MeanResponse(double lambda, double mu);

}  // namespace headroom::queueing
