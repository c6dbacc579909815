#pragma once
#include <QString>
#include <QStringList>

namespace headroom {

class Workspace;

// Which metrics a workspace holds, and in what unit.

// Distinct metric names that have measurements or series, sorted, for messages and pickers.
QStringList metricsInWorkspace(const Workspace& ws);

// Distinct metric names that have benchmark measurements, sorted.
QStringList measuredMetrics(const Workspace& ws);

// The unit most runs of the metric were reported in (tools spell the same unit differently),
// else the unit of one of its series; "" when none says.
QString usualUnitOf(const Workspace& ws, const QString& metric);

}  // namespace headroom
