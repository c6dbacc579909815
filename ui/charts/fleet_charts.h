#pragma once
#include "analysis/fleet_analysis.h"

#include <QChart>

namespace headroom::charts {

// The Fleet page's and the report's charts of one metric's node groups, drawn by the same code
// so both show the same picture. Each fills an existing chart (the page keeps its views) or
// makes a new one (the report).

// Share of each group's nodes per bin of their mean, groups side by side on the shared bins:
// readable for ten thousand nodes, where one box per node is not.
void fillNodeMeanHistogram(QChart* chart, const analysis::FleetAnalysis& fleet);
// The same distributions as empirical CDFs (share of nodes at or below each mean).
void fillNodeMeanEcdf(QChart* chart, const analysis::FleetAnalysis& fleet);
// Each long-lived node's runs over time, as % from its own mean, so drift of different types
// and levels reads on one axis. Shows a message when no node ran often enough.
void fillNodeDrift(QChart* chart, const analysis::FleetAnalysis& fleet);

QChart* nodeMeanHistogram(const analysis::FleetAnalysis& fleet);
QChart* nodeDrift(const analysis::FleetAnalysis& fleet);

}  // namespace headroom::charts
