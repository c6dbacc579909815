#pragma once
#include "scenario/cpu_capacity.h"

#include <QString>
#include <optional>

namespace headroom {

struct ResolvedScenario;

// The analytic screen of one instance type, before any simulation. Each node is taken as an
// M/M/c queue (c = its workers, service time = CPU time ÷ node speed + I/O + disk) fed by an
// equal share of the traffic; with random routing, Poisson arrivals, exponential CPU time and
// nothing else switched on this is exact (`exact`), otherwise it is a first guess that the
// simulator corrects.
struct Screening {
    enum class Outcome { Finalist, Hopeless, TooExpensive };
    Outcome outcome = Outcome::Finalist;
    QString reason;                 // for Hopeless and TooExpensive, in plain words

    double serviceMeanS = 0;        // one request's time holding a worker on this node
    int workers = 1;                // per node
    double nodeCapacityRps = 0;     // what one node sustains (workers and vCPUs at full speed)
    double peakRateRps = 0;
    double meanRateRps = 0;         // over the measured part of the run
    double lowRateRps = 0;          // lowest rate of the run
    int nodesLowerBound = 1;        // fewer would be overloaded (at the peak for a fixed fleet)
    std::optional<int> nodesAtPeak; // Erlang C: fewest nodes whose p95 meets the SLO at the peak
    std::optional<int> nodesAtLow;  // the same at the lowest rate (autoscaling minimum)
    double analyticP95Ms = 0;       // at nodesAtPeak
    bool exact = false;
    double lowerBoundCostUsd = 0;   // per month, the cheapest fleet that could possibly work
    double lowerBoundNodes = 1;     // its size (time-averaged when the fleet autoscales)
    double estimateCostUsd = 0;     // per month, at the analytic node count (infinite when none)
    CpuCapacity cpu;                // the CPU scores this type was judged with, or that it has none
};

// Screens the resolved scenario's instance type against its SLO, searching up to `maxNodes`.
Screening screenCandidate(const ResolvedScenario& scenario, int maxNodes);

// The per-node M/M/c p95 response time in ms with `nodes` nodes at `rateRps` (infinite when
// overloaded): the figure the screen works with.
double analyticP95Ms(const Screening& screening, double rateRps, int nodes);

// Fewest nodes (up to maxNodes) whose analytic p95 at `rateRps` is within `sloMs`.
std::optional<int> analyticNodes(const Screening& screening, double rateRps, double sloMs, int maxNodes);

}  // namespace headroom
