#pragma once
#include "scenario/resolved_scenario.h"

#include <optional>

namespace headroom {

struct SimulationResult;

// How busy a request keeps a node, measured in a simulated window: vCPU-seconds of CPU and
// worker-seconds held per request that arrived. 0 when nothing was measured.
struct BusyPerRequest {
    double vcpuS = 0;
    double workerS = 0;
};

// From the per-interval series of `result` (the mean of its replications), after the warm-up.
BusyPerRequest busyPerRequest(const SimulationResult& result, const ResolvedScenario& simulated);

// The monthly cost of the fewest nodes an autoscaling policy lets serve the scenario's traffic,
// moment by moment, with each request keeping the nodes as busy as `busy` says:
//   target tracking scales out whenever its metric stays above the target, so in steady traffic
//   it runs at least ceil(load ÷ target) nodes; the Kubernetes HPA at least ceil(load ÷ (target
//   × (1 + tolerance))); both within the scenario's minimum and maximum.
// A policy only falls below this while it reacts to a rise (a few minutes of a spike), and
// runs above it whenever it waits to scale in, so a full run costs about this much or more.
// Nothing for a fixed fleet, step scaling, a schedule, or when `busy` has no measure of the
// policy's metric.
std::optional<double> policyFloorCostUsd(const ResolvedScenario& configured, const BusyPerRequest& busy);

}  // namespace headroom
