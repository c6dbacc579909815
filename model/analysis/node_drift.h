#pragma once
#include "homogeneity.h"

#include <QJsonObject>
#include <vector>

namespace headroom::drift {

// How one long-lived node's runs moved over time: the runs themselves (for a chart), the
// least-squares trend and how far apart its 30-day means lie, both relative to its own mean.
struct NodeDrift {
    QString node;
    int runs = 0;
    double mean = 0;
    double firstT = 0, lastT = 0;    // Unix s
    double trendPctPer30Days = 0;    // slope of value / mean over time
    double monthlyMeanRangePct = 0;  // (max − min) of the means of 30-day windows with ≥ 3 runs
    std::vector<double> t, v;        // the runs in time order

    // {"node","runs","mean","first_t","last_t","days","trend_pct_per_30_days",
    //  "monthly_mean_range_pct"}
    QJsonObject toJson() const;
};

// Nodes with at least `minRuns` runs that all have start times, most runs first.
std::vector<NodeDrift> analyze(const std::vector<homogeneity::NodeRuns>& nodes, int minRuns = 10);

}  // namespace headroom::drift
