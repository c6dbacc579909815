#pragma once
#include "analysis_inputs.h"
#include "homogeneity.h"
#include "node_drift.h"
#include "populations.h"

#include <QJsonObject>
#include <atomic>
#include <vector>

namespace headroom::analysis {

// Everything the Fleet page and the report's homogeneity section show for one metric, computed
// in one place so that both show the same figures from the same groups.
struct FleetGroupAnalysis {
    NodeGroup group;
    homogeneity::Result result;
    populations::Result populations;       // of the node means
    std::vector<drift::NodeDrift> drift;   // long-lived nodes (≥ 10 timed runs)
    std::vector<double> sortedMeans;       // node means, ascending (the ECDF)
    std::vector<int> histogram;            // node means per bin of FleetAnalysis's shared bins (a
                                           // lone node's mean may fall outside them and is not counted)
};

struct FleetAnalysis {
    QString metric;
    QString unit;
    QString groupBy;                       // "" = by instance type
    std::vector<FleetGroupAnalysis> groups;
    // Bins shared by every group's histogram, so instance types sit side by side on one axis.
    double binLow = 0, binWidth = 0;
    int bins = 0;

    // {"metric","unit","group_by","bins":{"low","width","count"},"groups":[{…homogeneity…,
    //  "instance_type","label","populations":{…},"drift":[…],"histogram":[…]}]}
    QJsonObject toJson(bool perNode = true) const;
};

// Loads the metric's node groups (loadNodeGroups) and runs the homogeneity, population and
// drift models on each, largest group first. Empty groups list when nothing matches.
FleetAnalysis analyzeFleet(const Workspace& ws, const Selection& selection, const QString& groupBy = QString(),
                           const homogeneity::Options& options = {}, int bins = 40);

// Every metric with benchmark runs from two or more nodes of one group, largest groups first,
// for the report. Stops with Cancelled when `cancel` is set.
std::vector<FleetAnalysis> analyzeFleetMetrics(const Workspace& ws, const std::atomic<bool>* cancel = nullptr);

}  // namespace headroom::analysis
