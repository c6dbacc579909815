#pragma once
#include "scenario/resolved_scenario.h"

#include <QJsonObject>
#include <atomic>
#include <functional>
#include <vector>

namespace headroom {

// Runs a scenario: replications of the discrete-event cluster model of DESIGN §6 on a pool of
// threads, and their mean with a 95 % confidence interval. Results depend only on the scenario
// and the seed, never on the number of threads.

struct SimulationOptions {
    std::optional<quint64> seed;             // absent = the scenario's seed
    int replications = 0;                    // 0 = the scenario's count
    int threads = 0;                         // 0 = all cores
    const std::atomic<bool>* cancel = nullptr;  // checked often; set it to stop with Cancelled
    // Called on the calling thread with the fraction done (0…1), a few times per second.
    std::function<void(double fraction)> progress;
    bool keepTimeseries = true;              // false: skip the per-interval series (screening)
};

struct LatencyStats {
    double mean = 0, p50 = 0, p95 = 0, p99 = 0;  // milliseconds, completed requests after warm-up
};

// One interval of the time series (DESIGN §8 keys).
struct IntervalPoint {
    double tS = 0;                 // start of the interval
    double arrivals = 0;           // new requests (retries not counted)
    double completed = 0;
    double p50Ms = 0, p95Ms = 0, p99Ms = 0;  // of requests completed in the interval; 0 when none
    double errors = 0;             // requests that failed for good in the interval
    double nodesDesired = 0, nodesReady = 0, nodesHealthy = 0;  // at the end of the interval
    double utilization = 0;        // vCPU busy share of ready nodes
    double workerUtilization = 0;  // busy share of their workers
    double creditBalanceMin = 0;   // lowest credit balance of any node (0 when not burstable)
    double costUsd = 0;            // cost so far
};

struct ReplicationResult {
    quint64 seed = 0;              // the replication's own stream seed
    qint64 requests = 0;           // arrived after warm-up
    qint64 completed = 0;
    qint64 errors = 0;             // timed out after all retries, or rejected
    qint64 timeouts = 0;           // client timeouts (every attempt that timed out)
    qint64 rejected = 0;           // attempts refused by a full queue
    qint64 attempts = 0;
    double errorRate = 0;
    double attemptsPerRequest = 0;
    LatencyStats latencyMs;
    LatencyStats queueWaitMs;      // waiting for a worker (first attempt)
    double nodeHours = 0;
    double costUsd = 0;            // node time rounded to the billing granularity, plus credit surcharge
    double creditSurchargeUsd = 0;
    double minutesOverSlo = 0;     // intervals whose p95 exceeded the SLO, in minutes
    double peakNodes = 0;
    bool sloMet = true;
    // Burstable credits: the balances of the nodes in service at the end (oldest first), which
    // the next day starts from, and how many days were run to reach the credit steady state
    // (the figures above are the last day's).
    std::vector<double> endCredits;
    int creditDays = 1;
    std::vector<IntervalPoint> timeseries;
    std::vector<double> nodeSpeedFactors;  // the speed factor each launched node drew, in launch order
};

// Mean across replications with the 95 % confidence interval (Student t, n−1 degrees of freedom).
// With one replication low == high == mean.
struct Estimate {
    double mean = 0, low = 0, high = 0;
    double halfWidth() const { return (high - low) / 2; }
};

struct SimulationSummary {
    double requests = 0, completed = 0, errors = 0;
    Estimate errorRate, attemptsPerRequest;
    Estimate latencyMean, latencyP50, latencyP95, latencyP99;
    Estimate queueWaitP95;
    Estimate nodeHours, costUsd, minutesOverSlo;
    double sloAttainment = 0;      // share of replications that met the SLO
    bool sloMet = true;            // mean p95 and error rate within the SLO (true without an SLO)
};

struct SimulationResult {
    QString scenarioName;
    quint64 seed = 0;
    int replications = 0;
    double durationS = 0;
    SimulationSummary summary;
    std::vector<ReplicationResult> perReplication;
    std::vector<IntervalPoint> timeseries;  // mean of the replications, interval by interval
};

SimulationResult simulate(const ResolvedScenario& scenario, const SimulationOptions& options = {});

// The result of replications run one by one with simulateReplication (indices 0…n−1, in order):
// their summary and mean series, as simulate() would have returned them.
SimulationResult combineReplications(const ResolvedScenario& scenario, quint64 seed, std::vector<ReplicationResult> reps);

// One replication, on the calling thread (`index` selects the random stream of the seed).
ReplicationResult simulateReplication(const ResolvedScenario& scenario, quint64 seed, int index,
                                      const std::atomic<bool>* cancel = nullptr,
                                      std::atomic<double>* progress = nullptr, bool keepTimeseries = true);

// DESIGN §8: {"summary":{…,"ci95":{"mean":[lo,hi],…}},"timeseries":[…],"replications":[…]}.
QJsonObject toJson(const SimulationResult& result);

}  // namespace headroom
