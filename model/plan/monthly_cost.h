#pragma once

namespace headroom {

struct ResolvedScenario;
struct SimulationResult;
class Catalog;

// A month is 730 hours, the figure providers use for monthly prices.
inline constexpr double kHoursPerMonth = 730.0;

// Monthly cost in USD of running the simulated fleet for a whole month: the node hours the run
// used, scaled from its length to 730 h and priced per node with the provider's monthly cap,
// plus the CPU-credit surcharges scaled the same way. The price is already in USD (the catalog
// converted it when the scenario was resolved).
double monthlyCostUsd(const ResolvedScenario& scenario, const SimulationResult& result);

// The same for a fixed fleet of `nodes` with no surcharge: what the analytic screen uses.
double monthlyCostOfNodesUsd(const ResolvedScenario& scenario, double nodes);

}  // namespace headroom
