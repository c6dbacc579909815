#pragma once
#include "selection.h"

#include <QString>
#include <cmath>
#include <functional>

namespace headroom {

class Workspace;

// Every run of one metric with what the workspace says about where it ran: the rows the fleet
// models group into nodes (analysis/node_groups.cpp).
struct MetricRun {
    double value = 0;
    double t = NAN;                // Unix s: a benchmark run's label "t", a sample's time; NaN when unknown
    qint64 datasetId = 0;
    QString node;                  // nodeOrDataset (node_names.h)
    QString datasetInstanceType;   // "provider/name"; "" when the dataset names none
    QString datasetProvider;
    // The run's own labels that say where it ran (instance_type, machine_type,
    // sending_machine_type, cloud, zone, sending_zone, region, remote_host) and the value of the
    // group-by label under "by", as compact JSON; "" when the row has no valid labels. Most rows
    // of a dataset share one text, so callers can cache what they make of it.
    QString placementLabels;
};
using MetricRunVisitor = std::function<void(const MetricRun&)>;

// Benchmark measurements of selection.metric, in the order they were stored. The selection's
// dataset and node narrow the rows; its provider and instance type do not, because a run may
// name its instance type in its own labels: the caller matches those.
void forEachMeasuredRun(const Workspace& ws, const Selection& selection, const QString& groupByLabel,
                        const MetricRunVisitor& visit);

// The samples of the series of selection.metric, series by series and each in time order, with
// the same columns and the same narrowing.
void forEachSampledRun(const Workspace& ws, const Selection& selection, const QString& groupByLabel,
                       const MetricRunVisitor& visit);

}  // namespace headroom
