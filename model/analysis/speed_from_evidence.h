#pragma once
#include <QString>
#include <vector>

namespace headroom {
class Workspace;
}

namespace headroom::analysis {

// Node speed factors measured on real nodes, for the simulator (scenario cluster.speed
// {"from_dataset","metric"}): each node's mean of the metric over the mean of all node means,
// so the factors average exactly 1 and keep the fleet's shape (a bimodal burstable fleet stays
// bimodal). For a metric where lower is faster (a latency or a duration: "latency" in the name,
// or ending in _ms or _s but not a rate "_per_s") each factor is the inverse, normalised the same way.
struct SpeedEvidence {
    QString source;               // what was asked for: a dataset name or id, or "provider/type"
    QString metric;
    QString group;                // the node group the factors come from
    std::vector<double> factors;  // one per node, ascending
};

// `source` is a dataset (name or id) or an instance type ("azure/B8ms"). Returns no factors
// when nothing of `metric` was measured there; throws InputError when the source is neither a
// dataset nor an instance type with measurements, or holds fewer than two nodes, or several
// instance types (naming `where` and what was expected).
SpeedEvidence nodeSpeedFactors(const Workspace& ws, const QString& source, const QString& metric, const QString& where);

}  // namespace headroom::analysis
