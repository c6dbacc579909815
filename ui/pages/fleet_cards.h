#pragma once
#include "analysis/fleet_analysis.h"
#include "analysis/noisy_neighbour.h"

#include <QString>

namespace headroom {

// The Fleet page's summary of one metric: a line per group (nodes, runs, between- and
// within-node CV, p10/p90, outliers, the population verdict, drift of long-lived nodes), then
// the steal-time episodes. Rich text for a QLabel.
QString fleetCardsHtml(const analysis::FleetAnalysis& fleet, const noisy::Result& episodes, int maxGroups = 8);

}  // namespace headroom
