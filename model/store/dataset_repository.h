#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVector>
#include <optional>
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
// The dataset's labels (the JSON object importers and --label give it); empty when it has none.
QJsonObject datasetLabels(const Workspace& ws, qint64 id);
// What identifies the workspace's datasets as imported (id, content hash, import time), by id:
// a stored run is valid for the datasets it was computed from and no other.
struct DatasetStamp {
    qint64 id = 0;
    QString sha256;
    QString importedAt;
};
std::vector<DatasetStamp> datasetStamps(const Workspace& ws);
// The dataset holding a file with this SHA-256 (hex), if one does.
std::optional<qint64> datasetWithHash(const Workspace& ws, const QString& sha256);
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

}  // namespace headroom
