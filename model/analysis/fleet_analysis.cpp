#include "fleet_analysis.h"

#include "core/errors.h"
#include "store/workspace_metrics.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace headroom::analysis {

FleetAnalysis analyzeFleet(const Workspace& ws, const Selection& selection, const QString& groupBy, const homogeneity::Options& options,
                           int bins)
{
    FleetAnalysis out;
    out.metric = selection.metric;
    out.groupBy = groupBy;
    out.unit = usualUnitOf(ws, selection.metric);
    double lo = INFINITY, hi = -INFINITY;
    for (NodeGroup& g : loadNodeGroups(ws, selection, groupBy)) {
        FleetGroupAnalysis a;
        a.result = homogeneity::analyze(g.nodes, options);
        a.result.metric = selection.metric;
        a.result.group = g.group;
        for (const homogeneity::NodeSummary& s : a.result.perNode) a.sortedMeans.push_back(s.mean);
        std::sort(a.sortedMeans.begin(), a.sortedMeans.end());
        a.populations = populations::detect(a.sortedMeans, out.unit);
        a.drift = drift::analyze(g.nodes);
        a.group = std::move(g);
        out.groups.push_back(std::move(a));
    }
    // Largest groups first; a lone node (nothing to compare it with) does not stretch the shared bins.
    std::stable_sort(out.groups.begin(), out.groups.end(),
                     [](const FleetGroupAnalysis& a, const FleetGroupAnalysis& b) { return a.result.nodes > b.result.nodes; });
    for (const FleetGroupAnalysis& a : out.groups)
        if (!a.sortedMeans.empty() && (a.result.nodes >= 2 || out.groups.front().result.nodes < 2)) {
            lo = std::min(lo, a.sortedMeans.front());
            hi = std::max(hi, a.sortedMeans.back());
        }
    if (std::isfinite(lo) && bins > 0) {
        out.bins = bins;
        out.binLow = lo;
        out.binWidth = hi > lo ? (hi - lo) / bins : std::max(std::abs(lo) * 1e-3, 1e-9);
        for (FleetGroupAnalysis& a : out.groups) {
            a.histogram.assign(size_t(bins), 0);
            for (double m : a.sortedMeans)
                if (m >= lo && m <= hi) ++a.histogram[size_t(std::clamp(int((m - lo) / out.binWidth), 0, bins - 1))];
        }
    }
    return out;
}

std::vector<FleetAnalysis> analyzeFleetMetrics(const Workspace& ws, const std::atomic<bool>* cancel)
{
    std::vector<FleetAnalysis> out;
    for (const QString& metric : measuredMetrics(ws)) {
        if (cancel && cancel->load()) throw Cancelled();
        Selection f;
        f.metric = metric;
        FleetAnalysis a = analyzeFleet(ws, f);
        std::erase_if(a.groups, [](const FleetGroupAnalysis& g) { return g.result.nodes < 2; });
        if (!a.groups.empty()) out.push_back(std::move(a));
    }
    auto largest = [](const FleetAnalysis& a) {
        int n = 0;
        for (const auto& g : a.groups) n = std::max(n, g.result.nodes);
        return n;
    };
    std::stable_sort(out.begin(), out.end(), [&](const FleetAnalysis& a, const FleetAnalysis& b) { return largest(a) > largest(b); });
    return out;
}

QJsonObject FleetAnalysis::toJson(bool perNode) const
{
    QJsonArray groupsJson;
    for (const FleetGroupAnalysis& g : groups) {
        QJsonObject o = g.result.toJson();
        if (!perNode) o.remove(QStringLiteral("per_node"));
        o.insert(QStringLiteral("instance_type"), g.group.instanceType);
        o.insert(QStringLiteral("label"), g.group.label);
        o.insert(QStringLiteral("populations"), g.populations.toJson());
        QJsonArray drift;
        for (const auto& d : g.drift) drift.append(d.toJson());
        o.insert(QStringLiteral("drift"), drift);
        QJsonArray hist;
        for (int c : g.histogram) hist.append(c);
        o.insert(QStringLiteral("histogram"), hist);
        groupsJson.append(o);
    }
    return QJsonObject{{QStringLiteral("metric"), metric},
                       {QStringLiteral("unit"), unit},
                       {QStringLiteral("group_by"), groupBy.isEmpty() ? QStringLiteral("instance_type") : groupBy},
                       {QStringLiteral("bins"), QJsonObject{{QStringLiteral("low"), binLow},
                                                            {QStringLiteral("width"), binWidth},
                                                            {QStringLiteral("count"), bins}}},
                       {QStringLiteral("groups"), groupsJson}};
}

}  // namespace headroom::analysis
