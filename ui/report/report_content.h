#pragma once
#include "report_blocks.h"

namespace headroom::report {

struct ReportData;

// The whole report as blocks, from the gathered model results.
Content buildContent(const ReportData& data);

}  // namespace headroom::report
