#pragma once
#include "resolved_scenario.h"

#include <QString>

namespace headroom {

// What a simulation of a scenario will ask of the machine, worked out before it starts, so a
// scenario that cannot fit (an arrival rate of 1e12, a billion nodes, a year at one-second
// intervals) is refused with the estimate instead of running out of memory hours later.
struct ResourceEstimate {
    double requests = 0;       // requests to simulate, all replications together
    double memoryBytes = 0;    // peak, all replications running at once on `threads` threads
    double cpuSeconds = 0;     // at kRequestsPerCpuSecond
    static constexpr double kRequestsPerCpuSecond = 200000;  // measured, with I/O and retries
};

ResourceEstimate estimateResources(const ResolvedScenario& scenario, int replications, int threads, bool keepTimeseries);

// Throws InputError(`where`, …) naming the estimate and the limit when the work does not fit:
// more memory than half of this machine's, or more than a day of computing on all its cores.
void refuseUnlessFits(const ResolvedScenario& scenario, int replications, bool keepTimeseries, const QString& where);

}  // namespace headroom
