#pragma once
#include "distributions.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom::homogeneity {

// Repeated values of one metric on one node (benchmark runs, or the samples of a series).
struct NodeRuns {
    QString node;
    std::vector<double> values;
    std::vector<double> t;  // start time of each run (Unix s, NaN unknown); empty when none is known
};

struct NodeSummary {
    QString node;
    int count = 0;
    double mean = 0;
    double stdDev = 0;   // sample standard deviation of the node's runs (0 for one run)
    double cv = 0;       // stdDev / mean
    double min = 0;
    double max = 0;
    double robustZ = 0;  // 0.6745 (mean − median of means) / MAD of means
    bool outlier = false;
};

struct Options {
    // Iglewicz & Hoaglin's cut-off for the modified z-score: |z| > 3.5 is an outlier.
    double outlierThreshold = 3.5;
};

// How alike the nodes of one instance type are.
struct Result {
    QString metric;
    QString group;        // instance type, zone, … as the caller grouped the nodes
    int nodes = 0;
    int runs = 0;
    std::vector<NodeSummary> perNode;
    double grandMean = 0;       // mean of the node means
    // Sample standard deviation of the node means over their mean. With one run per node it
    // also holds run-to-run noise, since the two cannot be told apart.
    double betweenNodeCv = 0;
    // Pooled within-node standard deviation over the grand mean; NaN when no node ran twice.
    double withinNodeCv = 0;
    double p10 = 0, p50 = 0, p90 = 0;  // of the node means
    double p90OverP10 = 0;
    double medianOfMeans = 0;
    double madOfMeans = 0;
    double outlierThreshold = 3.5;
    int outliers = 0;
    // Node speed factor for the simulator: lognormal with mean 1 and the between-node CV.
    stats::Lognormal speedFactor;

    // {"metric","group","nodes","runs","grand_mean","between_node_cv","within_node_cv","p10",
    //  "p50","p90","p90_over_p10","median_of_means","mad_of_means",
    //  "outlier_rule":{"statistic":"modified z = 0.6745 (x - median)/MAD","threshold"},
    //  "outliers","speed_factor":{"dist":"lognormal","mean":1,"cv","mu","sigma"},
    //  "per_node":[{"node","count","mean","std_dev","cv","min","max","robust_z","outlier"}]}
    QJsonObject toJson() const;
};

// Nodes with no values are ignored. Throws nothing; an empty input gives nodes = 0 and NaNs.
Result analyze(const std::vector<NodeRuns>& nodes, const Options& options = {});

}  // namespace headroom::homogeneity
