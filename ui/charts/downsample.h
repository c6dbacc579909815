#pragma once
#include <QPointF>
#include <QVector>
#include <vector>

namespace headroom {

// Reduces a series to at most `buckets` × 2 points, keeping the minimum and the maximum of each
// bucket in time order, so spikes survive (a chart of 1 M points shows the same peaks as 1,000).
QVector<QPointF> downsampleMinMax(const std::vector<double>& t, const std::vector<double>& v, int buckets = 500);

}  // namespace headroom
