#include "report_generator.h"

#include "report_content.h"

namespace headroom::report {

std::unique_ptr<ReportDocument> layoutReport(const ReportData& data)
{
    return std::make_unique<ReportDocument>(buildContent(data));
}

}  // namespace headroom::report
