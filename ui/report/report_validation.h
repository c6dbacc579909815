#pragma once
#include "report_blocks.h"

namespace headroom {
class Workspace;
}

namespace headroom::report {

struct ReportData;
struct ReportRequest;

// "Does the model predict what we measured?": the scenario's service calibrated from the
// workspace's load tests and every tested rate predicted, as `headroom validate` does. Gathered
// with the rest of the report's data (off the GUI thread); skipped, with the reason, when the
// workspace holds no load test or the load tests cannot be used.
void gatherValidation(const Workspace& ws, ReportData& data, const ReportRequest& request);
void addValidation(Content& c, const ReportData& d);

}  // namespace headroom::report
