#pragma once
#include "selection.h"
#include "series.h"

#include <vector>

namespace headroom {

class Workspace;

// The stored series a selection matches, in the order they were stored, with their samples.

// Samples ordered by time, each series under its own node ("" when it names none): for charts,
// traces and the calibration models, which interpolate along t.
std::vector<Series> seriesByTime(const Workspace& ws, const Selection& selection);

// Samples in the order they arrived (not sorted), so that out-of-order timestamps stay visible,
// and every series under a node name (nodeOrDataset): for the data-quality checks and the
// steal-time episodes.
std::vector<Series> seriesAsRecorded(const Workspace& ws, const Selection& selection);

}  // namespace headroom
