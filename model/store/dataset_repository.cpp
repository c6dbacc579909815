#include "dataset_repository.h"

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

std::vector<StoredSeries> loadSeries(const Workspace& ws, const SeriesFilter& filter)
{
    QSqlDatabase db = ws.database();
    QString where = QStringLiteral(" WHERE 1=1");
    QVariantList binds;
    if (!filter.metric.isEmpty()) {
        where += QStringLiteral(" AND s.metric = ?");
        binds << filter.metric;
    }
    if (filter.datasetId > 0) {
        where += QStringLiteral(" AND s.dataset_id = ?");
        binds << filter.datasetId;
    }
    if (!filter.instanceType.isEmpty()) {
        where += QStringLiteral(" AND lower(d.instance_type_key) = lower(?)");
        binds << filter.instanceType;
    }
    QSqlQuery q = sql::prepare(db, QStringLiteral(
        "SELECT s.id, s.dataset_id, s.node, s.metric, s.unit, s.labels FROM series s "
        "JOIN dataset d ON d.id = s.dataset_id") + where + QStringLiteral(" ORDER BY s.id"));
    for (const QVariant& b : binds) q.addBindValue(b);
    sql::execPrepared(q);
    std::vector<StoredSeries> out;
    while (q.next()) {
        StoredSeries s;
        s.id = q.value(0).toLongLong();
        s.datasetId = q.value(1).toLongLong();
        s.node = q.value(2).toString();
        s.metric = q.value(3).toString();
        s.unit = q.value(4).toString();
        s.labels = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        out.push_back(std::move(s));
    }
    QSqlQuery samples = sql::prepare(db, QStringLiteral("SELECT t, value FROM sample WHERE series_id = ? ORDER BY t"));
    for (StoredSeries& s : out) {
        samples.bindValue(0, s.id);
        sql::execPrepared(samples);
        while (samples.next()) {
            s.t.push_back(samples.value(0).toDouble());
            s.v.push_back(samples.value(1).toDouble());
        }
    }
    return out;
}

}  // namespace headroom
