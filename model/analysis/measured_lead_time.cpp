#include "measured_lead_time.h"

#include "analysis_inputs.h"

namespace headroom::analysis {

MeasuredLeadTime measuredLeadTime(const Workspace& ws, const Selection& selection, const std::optional<ProviderBootTimes>& defaults)
{
    MeasuredLeadTime out;
    out.observations = loadLeadTimeObservations(ws, selection);
    out.report = leadtime::analyze(out.observations, defaults);
    return out;
}

}  // namespace headroom::analysis
