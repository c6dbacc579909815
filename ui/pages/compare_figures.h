#pragma once
#include "compare_page.h"

#include <atomic>

namespace headroom {

class Catalog;
class Workspace;

// The figures of one Compare card under a what-if, two ways.
//
// estimateFigures: at once, from the analytic screen (each node an M/M/c queue at the traffic
// peak, service time from the scenario's CPU and I/O), with the fleet the scenario fixes or, when
// it autoscales, the analytic fleet at the peak within its min…max. No attainment (NaN): only a
// simulation knows the minutes over the SLO. Shown while the simulation runs, and marked so.
//
// simulatedFigures: one replication over half an hour around the peak; replaces the estimate.
CompareFigures estimateFigures(const CompareCandidate& candidate, const WhatIf& whatIf, const Catalog& catalog);
// With a workspace, the candidates as they are (no what-if) are kept in it and taken from it.
CompareFigures simulatedFigures(const CompareCandidate& candidate, const WhatIf& whatIf, const Catalog& catalog,
                                const Workspace* ws, const std::atomic<bool>* cancel);

}  // namespace headroom
