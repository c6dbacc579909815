#pragma once
#include "sim/simulator.h"

#include <QChart>
#include <QString>
#include <QVector>
#include <vector>

namespace headroom::charts {

// Charts of the capacity report, made from model results. Each returns a new chart the caller
// owns; the report paints it into its page as vectors. Times are in minutes from the start.

// p50/p95/p99 per interval with the SLO as a dashed line (sloMs ≤ 0: no line).
QChart* latencyVsSlo(const std::vector<IntervalPoint>& series, double sloMs, double warmupS);
// Desired, ready and healthy nodes per interval.
QChart* nodeCounts(const std::vector<IntervalPoint>& series);
// vCPU and worker utilisation of the ready nodes, in percent.
QChart* utilisation(const std::vector<IntervalPoint>& series);
// Lowest CPU credit balance of any node (burstable types).
QChart* creditBalance(const std::vector<IntervalPoint>& series);

// One box per node: whiskers min/max, box quartiles of the node's runs; outlier nodes in red.
struct NodeBox {
    QString node;
    std::vector<double> values;
    bool outlier = false;
};
QChart* nodeBoxPlot(const QString& title, const QVector<NodeBox>& boxes, const QString& yTitle);

// The phases of one scale-out as one stacked horizontal bar per row (e.g. "typical", "slow").
struct PhaseBar {
    QString label;                  // row label
    QVector<double> seconds;        // one value per phase, in phase order
};
QChart* leadTimePhases(const QStringList& phases, const QVector<PhaseBar>& bars);

}  // namespace headroom::charts
