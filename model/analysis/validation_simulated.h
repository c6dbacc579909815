#pragma once
// The simulator as the validation's predictor. Header-only on purpose: the analysis library
// sits below the simulator (sim links analysis), so the code that joins the two is compiled
// by its users (the CLI command and the GUI page), which link both.
#include "validation.h"

#include "catalog/catalog.h"
#include "scenario/resolved_scenario.h"
#include "sim/simulator.h"

namespace headroom::validation {

inline Predictor simulatedPredictor(const Catalog& catalog, const Workspace* ws, SimulationOptions options)
{
    options.keepTimeseries = true;
    return [&catalog, ws, options](const Scenario& s) {
        const ResolvedScenario resolved = resolveScenario(s, catalog, ws, QStringLiteral("calibrated scenario"));
        const SimulationResult r = simulate(resolved, options);
        Prediction p;
        p.mean = r.summary.latencyMean.mean;
        p.p50 = r.summary.latencyP50.mean;
        p.p95 = r.summary.latencyP95.mean;
        p.p99 = r.summary.latencyP99.mean;
        p.meanHalfWidthMs = r.summary.latencyMean.halfWidth();
        p.errorRate = r.summary.errorRate.mean;
        double cpu = 0, workers = 0, n = 0;
        for (const IntervalPoint& i : r.timeseries)
            if (i.tS >= s.warmupS) {
                cpu += i.utilization;
                workers += i.workerUtilization;
                n += 1;
            }
        p.cpuUtilization = n > 0 ? cpu / n : 0;
        p.workerUtilization = n > 0 ? workers / n : 0;
        return p;
    };
}

}  // namespace headroom::validation
