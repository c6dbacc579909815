#pragma once
#include "import_service.h"
#include "prometheus_live.h"

#include <QDateTime>
#include <vector>

namespace headroom {

// A range query cut into consecutive pieces. Each piece evaluates at the same instants the
// whole query would (start, start + step, …), none twice, so the stored series are the ones
// a single answer would have given.
struct PrometheusPiece {
    QDateTime start, end;
};
std::vector<PrometheusPiece> prometheusPieces(const PrometheusQuery& query);

// The PromQL actually sent: the query itself, or wrapped in avg_over_time / max_over_time /
// min_over_time over one step (a plain selector directly, any other expression as a subquery).
// Throws InputError for an unknown aggregation.
QString aggregatedPromql(const PrometheusQuery& query);

// Fetches the pieces one after another and streams each into one dataset (one transaction),
// hashing the answers as they come, so importing the same history again is a duplicate.
// `pieces` (optional) receives how many requests were made.
ImportOutcome importPrometheusRange(Workspace& ws, const PrometheusQuery& query, const std::atomic<bool>* cancel,
                                    int* pieces = nullptr);

}  // namespace headroom
