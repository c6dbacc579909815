#include "dataset_repository.h"

#include "dataset_rows.h"
#include "sql.h"
#include "transaction.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace headroom {

QVector<DatasetSummary> listDatasets(const Workspace& ws)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT d.id, d.name, d.source, d.format, d.node, d.instance_type_key, d.imported_at, d.sha256, d.tool_version, "
        " (SELECT count(*) FROM measurement m WHERE m.dataset_id = d.id), "
        " (SELECT count(*) FROM series s WHERE s.dataset_id = d.id), "
        " (SELECT count(*) FROM sample x JOIN series s ON s.id = x.series_id WHERE s.dataset_id = d.id), "
        " (SELECT count(*) FROM lead_time_event e WHERE e.dataset_id = d.id), d.metrics, d.warnings "
        "FROM dataset d ORDER BY d.id"));
    QVector<DatasetSummary> out;
    while (q.next()) {
        DatasetSummary d;
        d.id = q.value(0).toLongLong();
        d.name = q.value(1).toString();
        d.source = q.value(2).toString();
        d.format = q.value(3).toString();
        d.node = q.value(4).toString();
        d.instanceType = q.value(5).toString();
        d.importedAt = q.value(6).toString();
        d.sha256 = q.value(7).toString();
        d.toolVersion = q.value(8).toString();
        d.measurements = q.value(9).toLongLong();
        d.series = q.value(10).toLongLong();
        d.samples = q.value(11).toLongLong();
        d.leadTimeEvents = q.value(12).toLongLong();
        d.metrics = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
        d.warnings = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).array();
        out << d;
    }
    return out;
}

QJsonObject datasetLabels(const Workspace& ws, qint64 id)
{
    const QVariant text = sql::scalar(ws.database(), QStringLiteral("SELECT labels FROM dataset WHERE id = ?"), {id});
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

std::vector<DatasetStamp> datasetStamps(const Workspace& ws)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral("SELECT id, sha256, imported_at FROM dataset ORDER BY id"));
    std::vector<DatasetStamp> out;
    while (q.next()) out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

std::optional<qint64> datasetWithHash(const Workspace& ws, const QString& sha256)
{
    return datasetWithHash(ws.database(), sha256);
}

void deleteDataset(Workspace& ws, qint64 id)
{
    QSqlDatabase db = ws.database();
    Transaction tx(db);
    sql::exec(db, QStringLiteral("DELETE FROM dataset WHERE id = ?"), {id});
    tx.commit();
}

QVector<StoredMeasurement> listMeasurements(const Workspace& ws, qint64 datasetId)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT node, metric, value, unit, labels FROM measurement WHERE dataset_id = ? ORDER BY id"), {datasetId});
    QVector<StoredMeasurement> out;
    while (q.next())
        out.append(StoredMeasurement{q.value(0).toString(), q.value(1).toString(), q.value(2).toDouble(),
                                     q.value(3).toString(),
                                     QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()});
    return out;
}

}  // namespace headroom
