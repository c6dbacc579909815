#include "monthly_cost.h"

#include "sim/simulator.h"

#include <algorithm>

namespace headroom {

namespace {

// One node for a month at the resolved USD price, with the monthly cap converted by the same
// ratio as the hourly price.
double nodeMonthUsd(const ResolvedScenario& s)
{
    const InstanceType& t = s.instanceType;
    const double raw = s.pricePerHourUsd * kHoursPerMonth;
    if (t.monthlyCap <= 0 || t.pricePerHour <= 0) return raw;
    const double capUsd = t.monthlyCap * (s.pricePerHourUsd / t.pricePerHour);
    return std::min(raw, capUsd);
}

}  // namespace

double monthlyCostOfNodesUsd(const ResolvedScenario& scenario, double nodes)
{
    return nodes * nodeMonthUsd(scenario);
}

double monthlyCostUsd(const ResolvedScenario& scenario, const SimulationResult& result)
{
    const double hours = std::max(result.durationS, 1.0) / 3600.0;
    // A fixed fleet runs all its nodes all month; an autoscaled one as many as the run used on
    // average (failed nodes that restart are still billed, so node hours would only add noise).
    const double averageNodes = scenario.doc.autoscaling && scenario.doc.autoscaling->policy != Autoscaling::Policy::None
                                    ? result.summary.nodeHours.mean / hours
                                    : double(scenario.doc.cluster.nodes);
    double surcharge = 0;
    for (const ReplicationResult& r : result.perReplication) surcharge += r.creditSurchargeUsd;
    if (!result.perReplication.empty()) surcharge /= double(result.perReplication.size());
    return monthlyCostOfNodesUsd(scenario, averageNodes) + surcharge * (kHoursPerMonth / hours);
}

}  // namespace headroom
