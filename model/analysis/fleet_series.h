#pragma once
#include "analysis_inputs.h"
#include "calibration.h"

namespace headroom::analysis {

// The calibration input of a fleet from its monitoring in the workspace: cpu.util_pct series of
// its nodes averaged at the timestamps of the first one, and http.requests_per_s series summed
// (per-node rates add up to the fleet's; a single load-balancer series is the fleet's already).
// Node count = distinct nodes with a utilisation series. vCPUs and score are left for the
// caller (from the catalog). Throws InputError when either series is missing.
calibration::FleetSeries loadFleetSeries(const Workspace& ws, const Selection& filter);

}  // namespace headroom::analysis
