#pragma once
#include "lead_time.h"
#include "store/selection.h"

#include <optional>
#include <vector>

namespace headroom {
class Workspace;
}

namespace headroom::analysis {

// The scale-out lead time the workspace's imported events show (Kubernetes events, kubectl
// describe, boot timings). The one call behind the Lead time page and the report's lead-time
// section, so both show the same phases with the same figures.
struct MeasuredLeadTime {
    std::vector<leadtime::Observation> observations;  // loadLeadTimeObservations, in stored order
    leadtime::Report report;                          // leadtime::analyze of them with `defaults`
};
MeasuredLeadTime measuredLeadTime(const Workspace& ws, const Selection& selection,
                                  const std::optional<ProviderBootTimes>& defaults = std::nullopt);

}  // namespace headroom::analysis
