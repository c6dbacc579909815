#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVector>
#include <vector>

namespace headroom {

class Workspace;

// One row of the datasets table with the counts of what it holds.
struct DatasetSummary {
    qint64 id = 0;
    QString name;
    QString source;
    QString format;
    QString node;
    QString instanceType;  // "provider/name" or empty
    QString importedAt;    // ISO 8601, UTC
    QString sha256;
    QString toolVersion;
    qint64 measurements = 0;
    qint64 series = 0;
    qint64 samples = 0;
    qint64 leadTimeEvents = 0;
    QJsonObject metrics;   // headline values
    QJsonArray warnings;
};

QVector<DatasetSummary> listDatasets(const Workspace& ws);
// Removes a dataset and everything it holds (one transaction, cascading deletes).
void deleteDataset(Workspace& ws, qint64 id);

// A stored benchmark result of one dataset.
struct StoredMeasurement {
    QString node;
    QString metric;
    double value = 0;
    QString unit;
    QJsonObject labels;
};
QVector<StoredMeasurement> listMeasurements(const Workspace& ws, qint64 datasetId);

// A stored time series with its samples, for charts and the analysis models.
struct StoredSeries {
    qint64 id = 0;
    qint64 datasetId = 0;
    QString node;
    QString metric;
    QString unit;
    QJsonObject labels;
    std::vector<double> t;
    std::vector<double> v;
};
struct SeriesFilter {
    QString metric;          // exact name, empty = any
    qint64 datasetId = 0;    // 0 = any
    QString instanceType;    // "provider/name", empty = any
};
// Series matching the filter with their samples ordered by time.
std::vector<StoredSeries> loadSeries(const Workspace& ws, const SeriesFilter& filter);

}  // namespace headroom
