#pragma once
#include "scenario/resolved_scenario.h"

#include <functional>

namespace headroom {

// Screening runs simulate a window of the scenario around its traffic peak instead of all of it:
// the peak decides whether a configuration holds, and a half-hour window costs a fraction of a
// day. The window keeps the scenario's warm-up in front of it.
struct ShortWindow {
    ResolvedScenario scenario;   // the cut scenario, its clock starting at 0
    double offsetS = 0;          // scenario time of the cut scenario's t = 0
    bool cut = false;            // false: the scenario was short enough already
};

// `spanS` is the measured length to keep (after warm-up). When the scenario autoscales, the cut
// run starts with initialNodesForRate(rate at the cut) ready (clamped to min…max; no function =
// the minimum), standing in for the fleet the autoscaler would have built up before the window.
using InitialNodesForRate = std::function<int(double rateRps)>;
ShortWindow shortWindow(const ResolvedScenario& scenario, double spanS, const InitialNodesForRate& initialNodesForRate = {});

// The rate curve's value at `t` (linear between points; the ends hold beyond them).
double rateAtTime(const std::vector<std::pair<double, double>>& points, double t);
// The time of the highest rate (the first, when it is a plateau).
double peakTime(const std::vector<std::pair<double, double>>& points);

}  // namespace headroom
