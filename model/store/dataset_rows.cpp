#include "dataset_rows.h"

#include "sql.h"

namespace headroom {

namespace {

QVariant orNull(const QString& v) { return v.isEmpty() ? QVariant() : QVariant(v); }

}  // namespace

qint64 insertDatasetRow(const QSqlDatabase& db, const DatasetRow& row)
{
    QVariant instanceTypeId;
    QString provider;
    if (!row.instanceType.isEmpty()) {
        provider = row.instanceType.section(QLatin1Char('/'), 0, 0).toLower();
        instanceTypeId = sql::scalar(db, QStringLiteral(
            "SELECT t.id FROM instance_type t JOIN provider p ON p.id = t.provider_id "
            "WHERE lower(p.key || '/' || t.name) = lower(?) ORDER BY t.origin = 'user' DESC LIMIT 1"),
            {row.instanceType});
    }
    QSqlQuery ds = sql::exec(db, QStringLiteral(
        "INSERT INTO dataset(name, format, source, sha256, imported_at, node, instance_type_id, provider, "
        "instance_type_key, tool_version, labels, metrics, warnings) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {row.name, row.format, row.source, row.sha256, row.importedAt.toString(Qt::ISODate), orNull(row.node),
         instanceTypeId, orNull(provider), orNull(row.instanceType), row.toolVersion, row.labelsJson, row.metricsJson,
         row.warningsJson});
    return ds.lastInsertId().toLongLong();
}

void completeDatasetRow(const QSqlDatabase& db, qint64 id, const QString& sha256, const QString& node,
                        const QString& toolVersion, const QString& labelsJson, const QString& metricsJson,
                        const QString& warningsJson)
{
    sql::exec(db, QStringLiteral(
        "UPDATE dataset SET sha256 = ?, node = ?, tool_version = ?, labels = ?, metrics = ?, warnings = ? WHERE id = ?"),
        {sha256, orNull(node), toolVersion, labelsJson, metricsJson, warningsJson, id});
}

void setDatasetSha256(const QSqlDatabase& db, qint64 id, const QString& sha256)
{
    sql::exec(db, QStringLiteral("UPDATE dataset SET sha256 = ? WHERE id = ?"), {sha256, id});
}

std::optional<qint64> datasetWithHash(const QSqlDatabase& db, const QString& sha256)
{
    const QVariant id = sql::scalar(db, QStringLiteral("SELECT id FROM dataset WHERE sha256 = ?"), {sha256});
    if (!id.isValid()) return std::nullopt;
    return id.toLongLong();
}

MeasurementRows::MeasurementRows(const QSqlDatabase& db)
    : q_(sql::prepare(db, QStringLiteral("INSERT INTO measurement(dataset_id, node, metric, value, unit, labels) VALUES(?,?,?,?,?,?)")))
{
}

void MeasurementRows::insert(qint64 datasetId, const QString& node, const QString& metric, double value, const QString& unit,
                             const QString& labelsJson)
{
    q_.bindValue(0, datasetId);
    q_.bindValue(1, node);
    q_.bindValue(2, metric);
    q_.bindValue(3, value);
    q_.bindValue(4, unit);
    q_.bindValue(5, labelsJson);
    sql::execPrepared(q_);
}

SeriesRows::SeriesRows(const QSqlDatabase& db)
    : q_(sql::prepare(db, QStringLiteral("INSERT INTO series(dataset_id, node, metric, unit, labels) VALUES(?,?,?,?,?)")))
{
}

qint64 SeriesRows::insert(qint64 datasetId, const QString& node, const QString& metric, const QString& unit,
                          const QString& labelsJson)
{
    q_.bindValue(0, datasetId);
    q_.bindValue(1, node);
    q_.bindValue(2, metric);
    q_.bindValue(3, unit);
    q_.bindValue(4, labelsJson);
    sql::execPrepared(q_);
    return q_.lastInsertId().toLongLong();
}

LeadTimeEventRows::LeadTimeEventRows(const QSqlDatabase& db)
    : q_(sql::prepare(db, QStringLiteral(
          "INSERT INTO lead_time_event(dataset_id, node, phase, started_at, duration_s, image_bytes, image_cached, labels) "
          "VALUES(?,?,?,?,?,?,?,?)")))
{
}

void LeadTimeEventRows::insert(qint64 datasetId, const QString& node, const QString& phase, double startedAt, double durationS,
                               std::optional<qint64> imageBytes, std::optional<bool> imageCached, const QString& labelsJson)
{
    q_.bindValue(0, datasetId);
    q_.bindValue(1, node);
    q_.bindValue(2, phase);
    q_.bindValue(3, startedAt > 0 ? QVariant(startedAt) : QVariant());
    q_.bindValue(4, durationS);
    q_.bindValue(5, imageBytes ? QVariant(*imageBytes) : QVariant());
    q_.bindValue(6, imageCached ? QVariant(int(*imageCached)) : QVariant());
    q_.bindValue(7, labelsJson);
    sql::execPrepared(q_);
}

}  // namespace headroom
