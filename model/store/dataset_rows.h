#pragma once
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <optional>

namespace headroom {

// Writing one dataset's rows, inside the transaction the importer holds
// (import/dataset_writer.cpp): the dataset row, its measurements, series and lead-time events,
// each kind through one statement prepared once. Samples go through sample_rows.h. Labels,
// headline metrics and warnings arrive as JSON text.

struct DatasetRow {
    QString name;           // the title the Data page shows
    QString format;
    QString source;
    QString sha256;
    QDateTime importedAt;
    QString node;           // "" = none
    QString instanceType;   // "provider/name", "" = none; linked to the catalog's row when it has one
    QString toolVersion;
    QString labelsJson = QStringLiteral("{}");
    QString metricsJson = QStringLiteral("{}");
    QString warningsJson = QStringLiteral("[]");
};
// Inserts the row and returns its id. The catalog row of its instance type is one the user
// imported when there is one, else the shipped one.
qint64 insertDatasetRow(const QSqlDatabase& db, const DatasetRow& row);
// Fills in what a streamed import learns only at its end (node "" = none).
void completeDatasetRow(const QSqlDatabase& db, qint64 id, const QString& sha256, const QString& node,
                        const QString& toolVersion, const QString& labelsJson, const QString& metricsJson,
                        const QString& warningsJson);
void setDatasetSha256(const QSqlDatabase& db, qint64 id, const QString& sha256);
// The dataset holding a file with this SHA-256, seen from inside the caller's transaction.
std::optional<qint64> datasetWithHash(const QSqlDatabase& db, const QString& sha256);

class MeasurementRows {
public:
    explicit MeasurementRows(const QSqlDatabase& db);
    void insert(qint64 datasetId, const QString& node, const QString& metric, double value, const QString& unit,
                const QString& labelsJson);

private:
    QSqlQuery q_;
};

class SeriesRows {
public:
    explicit SeriesRows(const QSqlDatabase& db);
    // Returns the new series' id.
    qint64 insert(qint64 datasetId, const QString& node, const QString& metric, const QString& unit, const QString& labelsJson);

private:
    QSqlQuery q_;
};

class LeadTimeEventRows {
public:
    explicit LeadTimeEventRows(const QSqlDatabase& db);
    // startedAt 0 = unknown.
    void insert(qint64 datasetId, const QString& node, const QString& phase, double startedAt, double durationS,
                std::optional<qint64> imageBytes, std::optional<bool> imageCached, const QString& labelsJson);

private:
    QSqlQuery q_;
};

}  // namespace headroom
