#pragma once
#include "recommendation.h"

namespace headroom {

// Plain-words reasons, computed from the figures: why a candidate wins, holds, fails or was
// ruled out ("p95 213 ms > 150 ms at the 15:00 peak with 6 nodes; 7 needed", "fails at 15:10
// when CPU credits run out", "holds the SLO; 18 % cheaper than the next").

// What went wrong in one evaluation that missed the SLO.
QString failureText(const Evaluation& e, const Recommendation& context, bool autoscaled);
// Fills `why` of every candidate; the candidates must be ranked already.
void explainCandidates(Recommendation& recommendation);
// "15:10": a scenario time (seconds from its start) on a clock that starts at 0:00.
QString clockText(double seconds);

}  // namespace headroom
