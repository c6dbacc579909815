#pragma once
#include "selection.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace headroom {

class Workspace;

// What the workspace holds about load tests of one throughput metric (analysis/analysis_inputs.h
// loadUslPoints turns it into concurrency/throughput points).

struct LoadTestDataset {
    qint64 id = 0;
    QString title;          // the dataset's name, as the Data page shows it
    QJsonObject labels;     // the dataset's labels
    QJsonObject headline;   // the dataset's headline values (dataset.metrics)
};
// Datasets of the selection's provider, instance type and dataset that measured `metric`
// (a measurement of it, or a headline value), by id.
std::vector<LoadTestDataset> datasetsMeasuring(const Workspace& ws, const Selection& selection, const QString& metric);

struct MeasuredValue {
    double value = 0;
    QJsonObject labels;
};
// The dataset's measurements of `metric`, in the order they were stored.
std::vector<MeasuredValue> measurementsOf(const Workspace& ws, qint64 datasetId, const QString& metric);

// The largest number of virtual users or concurrent users the dataset's load tool reported
// (k6 vus_max, Locust users); absent when it reported none.
std::optional<double> largestUserCount(const Workspace& ws, qint64 datasetId);

}  // namespace headroom
