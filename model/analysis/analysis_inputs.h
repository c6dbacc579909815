#pragma once
#include "calibration.h"
#include "data_quality.h"
#include "homogeneity.h"
#include "lead_time.h"
#include "noisy_neighbour.h"
#include "usl_fit.h"
#include "store/selection.h"
#include "store/series.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace headroom {
class Workspace;
}

// The models' inputs, made from what the queries in model/store answer. The models themselves
// never touch the database, so they can be tested on in-memory data.
namespace headroom::analysis {

// Nodes grouped for a homogeneity comparison. Nodes of different instance types are never
// pooled: the group is the instance type (the dataset's, else the one the evidence's own labels
// name: PerfKit's machine_type/sending_machine_type with its cloud), and with `groupByLabel`
// also that label's value ("gcp/n1-standard-2 · us-central1-a"). "zone" and "region" look
// under their usual spellings (sending_zone, vm_zone; vm_region, or the region of the zone).
// Runs on the loopback interface (remote_host 127.0.0.1) are a group of their own, never
// pooled with runs between machines. Node = the measurement's node, else the dataset's, else
// "dataset N". Benchmark measurements are used when the metric has any; otherwise the samples
// of its series. A measurement's label "t" (Unix s) is its run's start time.
struct NodeGroup {
    QString group;         // display name, unique
    QString instanceType;  // "" when unknown; "loopback" for loopback runs
    QString label;         // the value of groupByLabel, "" when not grouped by a label
    std::vector<homogeneity::NodeRuns> nodes;
};
std::vector<NodeGroup> loadNodeGroups(const Workspace& ws, const Selection& selection, const QString& groupByLabel = QString());

// cpu.steal_pct series as recorded (seriesAsRecorded), one per stored series; v is the steal in
// percent of CPU time (selection.metric is ignored).
std::vector<Series> loadStealSeries(const Workspace& ws, const Selection& selection);

// lead_time_event rows (selection.metric is ignored; selection.node matches the event's node).
// Provider and instance type are the event's own labels, else its dataset's.
std::vector<leadtime::Observation> loadLeadTimeObservations(const Workspace& ws, const Selection& selection);

// Load-test datasets as (concurrency, throughput) points. Throughput is the dataset's headline
// value of selection.metric (default http.requests_per_s). Concurrency comes from `explicitN`
// (dataset id → N) when given, else from the dataset's labels ("connections", "concurrency",
// "vus", "users", "clients", "threads") or a k6 vus_max / Locust users measurement.
struct UslInputs {
    std::vector<usl::Point> points;
    std::vector<qint64> datasetIds;  // parallel to points
    QStringList skipped;             // "dataset 4 (file.txt): no concurrency label"
};
UslInputs loadUslPoints(const Workspace& ws, const Selection& selection, const QMap<qint64, double>& explicitN = {});

}  // namespace headroom::analysis
