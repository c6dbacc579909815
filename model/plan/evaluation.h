#pragma once
#include "policy_floor.h"
#include "scenario/resolved_scenario.h"
#include "short_window.h"
#include "sim/simulator.h"
#include "slo_verdict.h"

#include <QElapsedTimer>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace headroom {

// One simulated configuration (an instance type at a node count) judged against the SLO.
struct Evaluation {
    int nodes = 0;                 // fixed fleet size, or the autoscaling minimum
    int nodesMax = 0;              // autoscaling maximum (= nodes for a fixed fleet)
    int replications = 0;
    bool fullLength = true;        // false: a screening run over a window around the peak
    double p95Ms = 0, p95LowMs = 0, p95HighMs = 0;  // mean of the replications and its 95 % CI
    double errorRate = 0;
    // Share of replications that met the SLO; the 95 % confidence interval of the probability
    // that a replication meets it (slo_verdict.h); the share of measured intervals whose p95 and
    // error rate were within it.
    double attainment = 0, attainmentLow = 0, attainmentHigh = 0;
    double intervalAttainment = 0;
    double costPerMonthUsd = 0;
    double peakNodes = 0;          // the most nodes in service at once, mean of the replications
    // Full runs: from the attainment interval against the required confidence (Inconclusive when
    // the replication bound was reached first). Screening runs: Meets when the mean is within
    // the SLO and the share of replications that met it reaches the confidence, else Fails.
    SloVerdict verdict = SloVerdict::Fails;
    bool meetsSlo = false;         // verdict == Meets

    // The first interval over the SLO, in the scenario's clock, and what it looked like.
    std::optional<double> breachAtS;
    double breachP95Ms = 0;
    double breachErrorRate = 0;
    bool breachAtPeak = false;     // the traffic was within 10 % of its peak then
    bool creditsExhausted = false; // a burstable node's credit bank was empty then

    // How busy each request kept the nodes (policy_floor.h): what a scaling policy sizes the
    // fleet by over a whole day.
    BusyPerRequest busy;
};

struct SimulationResult;
using FullRunObserver = std::function<void(const ResolvedScenario& scenario, quint64 seed, const SimulationResult& result)>;

struct EvaluationSettings {
    int replications = 1;          // run first (screening runs: all)
    // > replications: a full-length run adds replications one at a time, up to this many, until
    // its verdict is Meets or Fails.
    int maxReplications = 0;
    double spanS = 0;              // > 0: a screening run over this much measured time
    InitialNodesForRate initialNodes;  // autoscaled screening runs start with this many nodes
    double confidence = 0.9;
    const std::atomic<bool>* cancel = nullptr;
    // Called (on the evaluating thread) with every full-length run as simulated: the scenario,
    // the seed and the whole result, so a caller can keep it (runs::recommendStored hands the
    // winner's to the store, where a report then finds it instead of simulating it again).
    FullRunObserver fullRunDone;
    // Optional work for the cores this run's replications leave idle (core/parallel_jobs.h): a
    // full run's last replication often runs alone.
    std::function<bool()> whileIdle;
};

// Simulates `configured` (the scenario already set to its instance type and node count) on the
// calling thread, with the scenario's seed, so every candidate meets the same random traffic.
Evaluation evaluateConfiguration(const ResolvedScenario& configured, const EvaluationSettings& settings);

// Several configurations with a fixed number of replications each (settings.replications), judged
// on their mean. Replications may be run ahead one at a time by threads that would otherwise be
// idle (runOne, from any thread), and the rest run side by side on the pool when the results are
// wanted (finish, once). Each replication is on its own random stream, so who ran it and when
// changes nothing.
class SideBySideBatch {
public:
    SideBySideBatch(std::vector<ResolvedScenario> configured, const EvaluationSettings& settings);
    // Runs the next replication nobody has started; false when there is none (or on cancel). A
    // failure is kept for finish() to rethrow.
    bool runOne();
    std::vector<Evaluation> finish(const std::function<void(double fraction)>& progress = {});
    int started() const { return std::min(next_.load(), total_); }
    int total() const { return total_; }

private:
    std::vector<ResolvedScenario> configured_;
    EvaluationSettings settings_;
    int perConfiguration_ = 1, total_ = 0;
    std::vector<ShortWindow> windows_;
    std::vector<std::vector<ReplicationResult>> reps_;
    std::atomic<int> next_{0};
    std::mutex lock_;
    std::condition_variable allDone_;
    int done_ = 0;
    std::exception_ptr failure_;
    QElapsedTimer clock_;
};

// Several configurations with a fixed number of replications each (settings.replications; no
// sequential verdict: each is judged on its mean, as a screening run is), every replication of
// every configuration side by side in one batch on the program's pool: no configuration waits
// for another's last replication, and at most one replication of the whole batch runs alone at
// its end. `progress` hears the fraction of replications done.
std::vector<Evaluation> evaluateSideBySide(const std::vector<ResolvedScenario>& configured, const EvaluationSettings& settings,
                                           const std::function<void(double fraction)>& progress = {});

// The settings of a full-length run that settles its verdict: `minReplications` first (never
// fewer than three), then one more at a time up to `maxReplications`.
EvaluationSettings confirmationSettings(int minReplications, int maxReplications, double confidence);

}  // namespace headroom
