#pragma once
#include "report_data.h"
#include "report_document.h"

#include <memory>

namespace headroom::report {

// Lays out the report of gathered data: the one document both the preview and the PDF paint.
std::unique_ptr<ReportDocument> layoutReport(const ReportData& data);

}  // namespace headroom::report
