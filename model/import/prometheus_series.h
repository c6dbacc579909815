#pragma once
#include "import_result.h"

#include <QMap>
#include <QString>
#include <vector>

namespace headroom {

// One series as Prometheus returns it: its labels (with __name__ when the query kept it) and
// points in Unix seconds.
struct PrometheusSeries {
    QMap<QString, QString> labels;
    std::vector<double> t;
    std::vector<double> v;
};

// Turns Prometheus series into Headroom series (DESIGN §4):
// - known node_exporter and application metrics get canonical names (mem.available_bytes, …);
//   counters among them (http_requests_total, node_network_receive_bytes_total, …) become
//   per-second rates between neighbouring points, counter resets skipped;
// - CPU time by mode (node_cpu_seconds_total, raw or already rate()d) becomes per-mode
//   percentages of all CPU time of the same label set (cpu.user_pct, cpu.steal_pct, …) plus
//   cpu.util_pct = 100 − idle − iowait. Without __name__ (rate() drops it), series with a CPU
//   `mode` label are taken as CPU-seconds per second when `query` names node_cpu_seconds_total
//   or is unknown; that assumption is written to the warnings;
// - everything else keeps its own name (or the query text) and all its labels.
// NaN and ±Inf points are dropped and counted in one warning. `query` may be empty.
void convertPrometheusSeries(std::vector<PrometheusSeries> raw, const QString& query, ImportResult& out);

// The node a series belongs to: its node, nodename or hostname label, else its instance
// label without the port.
QString nodeOfLabels(const QMap<QString, QString>& labels);

}  // namespace headroom
