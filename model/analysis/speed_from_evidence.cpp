#include "speed_from_evidence.h"

#include "analysis_inputs.h"
#include "core/errors.h"
#include "descriptive_stats.h"
#include "store/dataset_titles.h"

#include <algorithm>
#include <cmath>

namespace headroom::analysis {

namespace {

bool lowerIsFaster(const QString& metric)
{
    // A rate ("_per_s") is higher-is-faster although it ends in "_s".
    if (metric.contains(QLatin1String("_per_"))) return false;
    return metric.contains(QLatin1String("latency")) || metric.endsWith(QLatin1String("_ms")) || metric.endsWith(QLatin1String("_s"));
}

}  // namespace

SpeedEvidence nodeSpeedFactors(const Workspace& ws, const QString& source, const QString& metric, const QString& where)
{
    SpeedEvidence e;
    e.source = source;
    e.metric = metric;
    Selection f;
    f.metric = metric;
    if (source.contains(QLatin1Char('/'))) {
        f.instanceType = source;
    } else {
        const std::optional<qint64> found = datasetNamed(ws, source);
        if (!found)
            throw InputError(where, QStringLiteral("\"%1\" is neither a dataset in the workspace (see headroom datasets) nor an "
                                                   "instance type \"provider/name\"").arg(source));
        f.datasetId = *found;
    }
    const std::vector<NodeGroup> groups = loadNodeGroups(ws, f);
    if (groups.empty()) return e;
    if (groups.size() > 1) {
        QStringList names;
        for (const NodeGroup& g : groups) names << g.group;
        throw InputError(where, QStringLiteral("\"%1\" holds %2 of several groups (%3); name one instance type")
                                    .arg(source, metric, names.join(QStringLiteral(", "))));
    }
    const NodeGroup& g = groups.front();
    e.group = g.group;
    std::vector<double> speeds;
    for (const auto& n : g.nodes) {
        const double m = stats::mean(n.values);
        if (!std::isfinite(m) || m <= 0) continue;
        speeds.push_back(lowerIsFaster(metric) ? 1.0 / m : m);
    }
    if (speeds.size() < 2)
        throw InputError(where, QStringLiteral("\"%1\" has %2 from %3 node(s); a speed distribution needs two or more nodes")
                                    .arg(source, metric).arg(speeds.size()));
    const double mean = stats::mean(speeds);
    for (double s : speeds) e.factors.push_back(s / mean);
    std::sort(e.factors.begin(), e.factors.end());
    return e;
}

}  // namespace headroom::analysis
