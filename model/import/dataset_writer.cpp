#include "dataset_writer.h"

#include "catalog/catalog.h"
#include "core/errors.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <sqlite3.h>

namespace headroom {

namespace {

QString compactJson(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QString warningsJson(const QVector<ImportWarning>& warnings)
{
    QJsonArray arr;
    for (const ImportWarning& w : warnings) {
        QJsonObject o{{QStringLiteral("message"), w.message}};
        if (w.line > 0) o.insert(QStringLiteral("line"), w.line);
        if (w.column > 0) o.insert(QStringLiteral("column"), w.column);
        if (!w.jsonPath.isEmpty()) o.insert(QStringLiteral("json_path"), w.jsonPath);
        arr.append(o);
    }
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

QString metricsJson(const QMap<QString, double>& metrics)
{
    QJsonObject o;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) o.insert(it.key(), it.value());
    return compactJson(o);
}

sqlite3* rawHandle(const QSqlDatabase& db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        throw RuntimeFailure(QStringLiteral("the SQLite driver does not expose its handle"));
    return *static_cast<sqlite3* const*>(v.data());
}

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

[[noreturn]] void failDatabase(sqlite3* handle)
{
    throw RuntimeFailure(QStringLiteral("database error: ") + QString::fromUtf8(sqlite3_errmsg(handle)));
}

Statement prepareSampleInsert(sqlite3* handle)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(handle, "INSERT INTO sample(series_id, t, value) VALUES(?1, ?2, ?3)", -1,
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        failDatabase(handle);
    return Statement(stmt, sqlite3_finalize);
}

// Bulk sample insert: one statement prepared once for the whole dataset, bound and stepped
// per row (sqlitebrowser's way), with the cancel flag polled every 64 Ki rows.
void insertSamples(sqlite3* handle, sqlite3_stmt* stmt, qint64 seriesId, const SeriesData& s, const std::atomic<bool>* cancel)
{
    sqlite3_bind_int64(stmt, 1, seriesId);
    const size_t n = std::min(s.t.size(), s.v.size());
    for (size_t i = 0; i < n; ++i) {
        if ((i & 0xFFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
        sqlite3_bind_double(stmt, 2, s.t[i]);
        sqlite3_bind_double(stmt, 3, s.v[i]);
        if (sqlite3_step(stmt) != SQLITE_DONE) failDatabase(handle);
        sqlite3_reset(stmt);
    }
}

// Settings for the duration of a large load (restored afterwards): a large page cache, so the
// growing table and index stay in memory until the commit instead of spilling to the WAL
// half-way, and no per-row foreign-key lookups, because every sample refers to a series row
// inserted moments before in the same transaction. Both must be set outside the transaction.
class BulkLoadSettings {
public:
    BulkLoadSettings(const QSqlDatabase& db, qsizetype samples) : db_(db)
    {
        if (samples < 100000) return;
        previousCache_ = sql::scalar(db_, QStringLiteral("PRAGMA cache_size"));
        foreignKeys_ = sql::scalar(db_, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1;
        sql::exec(db_, QStringLiteral("PRAGMA cache_size = -262144"));  // 256 MiB
        if (foreignKeys_) sql::exec(db_, QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~BulkLoadSettings()
    {
        if (!previousCache_.isValid()) return;
        QSqlQuery q(db_);
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(previousCache_.toLongLong()));
        if (foreignKeys_) q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }

private:
    QSqlDatabase db_;
    QVariant previousCache_;
    bool foreignKeys_ = false;
};

// Lists such as Spare Cores' carry shapes but no prices. A user row overrides the shipped one,
// so an unpriced row takes the price, billing and burst rules of the row it replaces instead of
// turning a priced type into a free one.
QVector<InstanceType> withKnownPrices(Workspace& ws, QVector<InstanceType> rows)
{
    const Catalog current = Catalog::load(ws);
    for (InstanceType& t : rows) {
        if (t.pricePerHour > 0) continue;
        const std::optional<InstanceType> known = current.find(t.key());
        if (!known) continue;
        t.name = known->name;  // same spelling, so the user row replaces exactly that type
        t.region = t.region.isEmpty() ? known->region : t.region;
        t.pricePerHour = known->pricePerHour;
        t.currency = known->currency;
        t.priceBasis = known->priceBasis;
        t.monthlyCap = known->monthlyCap;
        t.burstable = known->burstable;
        t.baselinePctPerVcpu = known->baselinePctPerVcpu;
        t.creditsPerHour = known->creditsPerHour;
        t.maxCredits = known->maxCredits;
        if (t.networkGbps <= 0) t.networkGbps = known->networkGbps;
        if (t.cpuScore <= 0) t.cpuScore = known->cpuScore;
        t.source += QStringLiteral("; price from ") + known->source;
    }
    return rows;
}

}  // namespace

qint64 writeDataset(Workspace& ws, const DatasetOrigin& origin, const ImportResult& result, const std::atomic<bool>* cancel)
{
    QSqlDatabase db = ws.database();
    const BulkLoadSettings bulk(db, result.sampleCount());
    Transaction tx(db);

    QVariant instanceTypeId;
    QString provider;
    if (!origin.instanceType.isEmpty()) {
        provider = origin.instanceType.section(QLatin1Char('/'), 0, 0).toLower();
        instanceTypeId = sql::scalar(db, QStringLiteral(
            "SELECT t.id FROM instance_type t JOIN provider p ON p.id = t.provider_id "
            "WHERE lower(p.key || '/' || t.name) = lower(?) ORDER BY t.origin = 'user' DESC LIMIT 1"),
            {origin.instanceType});
    }
    const QString node = origin.node.isEmpty() ? result.node : origin.node;
    QSqlQuery ds = sql::exec(db, QStringLiteral(
        "INSERT INTO dataset(name, format, source, sha256, imported_at, node, instance_type_id, provider, "
        "instance_type_key, tool_version, labels, metrics, warnings) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {origin.name, result.format, origin.source, origin.sha256, origin.importedAt.toString(Qt::ISODate),
         node.isEmpty() ? QVariant() : QVariant(node), instanceTypeId,
         provider.isEmpty() ? QVariant() : QVariant(provider),
         origin.instanceType.isEmpty() ? QVariant() : QVariant(origin.instanceType), result.toolVersion,
         compactJson(result.labels), metricsJson(result.metrics), warningsJson(result.warnings)});
    const qint64 datasetId = ds.lastInsertId().toLongLong();

    QSqlQuery m = sql::prepare(db, QStringLiteral(
        "INSERT INTO measurement(dataset_id, node, metric, value, unit, labels) VALUES(?,?,?,?,?,?)"));
    for (const Measurement& x : result.measurements) {
        m.bindValue(0, datasetId);
        m.bindValue(1, x.node.isEmpty() ? node : x.node);
        m.bindValue(2, x.metric);
        m.bindValue(3, x.value);
        m.bindValue(4, x.unit);
        m.bindValue(5, compactJson(x.labels));
        sql::execPrepared(m);
    }

    QSqlQuery s = sql::prepare(db, QStringLiteral(
        "INSERT INTO series(dataset_id, node, metric, unit, labels) VALUES(?,?,?,?,?)"));
    sqlite3* handle = result.series.empty() ? nullptr : rawHandle(db);
    const Statement sampleInsert = handle ? prepareSampleInsert(handle) : Statement(nullptr, sqlite3_finalize);
    for (const SeriesData& x : result.series) {
        s.bindValue(0, datasetId);
        s.bindValue(1, x.node.isEmpty() ? node : x.node);
        s.bindValue(2, x.metric);
        s.bindValue(3, x.unit);
        s.bindValue(4, compactJson(x.labels));
        sql::execPrepared(s);
        insertSamples(handle, sampleInsert.get(), s.lastInsertId().toLongLong(), x, cancel);
    }

    QSqlQuery e = sql::prepare(db, QStringLiteral(
        "INSERT INTO lead_time_event(dataset_id, node, phase, started_at, duration_s, image_bytes, image_cached, labels) "
        "VALUES(?,?,?,?,?,?,?,?)"));
    for (const LeadTimeEvent& x : result.leadTimeEvents) {
        e.bindValue(0, datasetId);
        e.bindValue(1, x.node.isEmpty() ? node : x.node);
        e.bindValue(2, x.phase);
        e.bindValue(3, x.startedAt > 0 ? QVariant(x.startedAt) : QVariant());
        e.bindValue(4, x.durationS);
        e.bindValue(5, x.imageBytes ? QVariant(*x.imageBytes) : QVariant());
        e.bindValue(6, x.imageCached ? QVariant(int(*x.imageCached)) : QVariant());
        e.bindValue(7, compactJson(x.labels));
        sql::execPrepared(e);
    }

    if (!result.instanceTypes.isEmpty()) Catalog::upsertRows(db, withKnownPrices(ws, result.instanceTypes), true);

    if (cancel && cancel->load()) throw Cancelled();
    tx.commit();
    return datasetId;
}

}  // namespace headroom
