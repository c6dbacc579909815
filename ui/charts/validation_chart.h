#pragma once
class QChart;

namespace headroom::validation {
struct ValidationResult;
}

namespace headroom::charts {

// Latency against request rate with both curves: measured (solid) and predicted (dashed), for
// the mean and p95, one colour per statistic. Used by the Validation page and the report.
void showValidation(QChart* chart, const validation::ValidationResult& result);
QChart* makeValidationChart(const validation::ValidationResult& result);

}  // namespace headroom::charts
