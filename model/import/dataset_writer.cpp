#include "dataset_writer.h"

#include "catalog/catalog.h"
#include "core/errors.h"
#include "store/database_error.h"
#include "store/sql.h"
#include "store/sqlite_handle.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <optional>
#include <sqlite3.h>
#include <string>

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

using sql::rawHandle;

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

[[noreturn]] void failDatabase(sqlite3* handle)
{
    throw DatabaseFailure(QString::fromUtf8(sqlite3_db_filename(handle, "main")),
                          sql::describeSqliteError(sqlite3_extended_errcode(handle), QString::fromUtf8(sqlite3_errmsg(handle))));
}

// Rows per multi-row INSERT: one statement step stores this many samples, which saves most of
// SQLite's per-statement work on the bulk path (3 × 128 parameters, far under SQLite's limit).
constexpr int kBatchRows = 128;

Statement prepareSampleInsert(sqlite3* handle, int rows)
{
    std::string text = "INSERT INTO sample(series_id, t, value) VALUES(?,?,?)";
    for (int i = 1; i < rows; ++i) text += ",(?,?,?)";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(handle, text.c_str(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        failDatabase(handle);
    return Statement(stmt, sqlite3_finalize);
}

// The prepared statements of the bulk sample insert, made once per dataset.
struct SampleInserts {
    explicit SampleInserts(sqlite3* h) : handle(h), single(prepareSampleInsert(h, 1)), batch(prepareSampleInsert(h, kBatchRows)) {}
    sqlite3* handle;
    Statement single;
    Statement batch;
};

void step(sqlite3* handle, sqlite3_stmt* stmt)
{
    if (sqlite3_step(stmt) != SQLITE_DONE) failDatabase(handle);
    sqlite3_reset(stmt);
}

// Bulk sample insert: statements prepared once, bound and stepped per batch of rows
// (sqlitebrowser's way, batched), with the cancel flag polled between batches.
void insertSamples(SampleInserts& ins, qint64 seriesId, const Series& s, const std::atomic<bool>* cancel)
{
    const size_t n = std::min(s.t.size(), s.v.size());
    size_t i = 0;
    sqlite3_stmt* batch = ins.batch.get();
    for (; i + kBatchRows <= n; i += kBatchRows) {
        if ((i & 0xFFFF) < kBatchRows && cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
        for (int r = 0; r < kBatchRows; ++r) {
            sqlite3_bind_int64(batch, 3 * r + 1, seriesId);
            sqlite3_bind_double(batch, 3 * r + 2, s.t[i + size_t(r)]);
            sqlite3_bind_double(batch, 3 * r + 3, s.v[i + size_t(r)]);
        }
        step(ins.handle, batch);
    }
    sqlite3_stmt* single = ins.single.get();
    sqlite3_bind_int64(single, 1, seriesId);
    for (; i < n; ++i) {
        sqlite3_bind_double(single, 2, s.t[i]);
        sqlite3_bind_double(single, 3, s.v[i]);
        step(ins.handle, single);
    }
}

// Settings for the duration of a large load (restored afterwards): a large page cache, so the
// growing table and index stay in memory until the commit instead of spilling to the WAL
// half-way, and no per-row foreign-key lookups, because every sample refers to a series row
// inserted moments before in the same transaction. Both must be set outside the transaction.
class BulkLoadSettings {
public:
    // `cacheKiB` is the page cache during the load: 256 MiB when everything is in memory anyway,
    // less when streaming, where the cache would otherwise be most of the resident memory.
    BulkLoadSettings(const QSqlDatabase& db, qsizetype samples, int cacheKiB = 262144) : db_(db)
    {
        if (samples < 100000) return;
        previousCache_ = sql::scalar(db_, QStringLiteral("PRAGMA cache_size"));
        foreignKeys_ = sql::scalar(db_, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1;
        sql::exec(db_, QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB));
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

void insertMeasurements(const QSqlDatabase& db, qint64 datasetId, const QString& node, const QVector<Measurement>& rows)
{
    QSqlQuery m = sql::prepare(db, QStringLiteral(
        "INSERT INTO measurement(dataset_id, node, metric, value, unit, labels) VALUES(?,?,?,?,?,?)"));
    for (const Measurement& x : rows) {
        m.bindValue(0, datasetId);
        m.bindValue(1, x.node.isEmpty() ? node : x.node);
        m.bindValue(2, x.metric);
        m.bindValue(3, x.value);
        m.bindValue(4, x.unit);
        m.bindValue(5, compactJson(x.labels));
        sql::execPrepared(m);
    }
}

// The schema's sample index, dropped for a load that brings more samples than the workspace
// holds and rebuilt in one sorted pass afterwards (inside the transaction, so a rollback
// restores it). Returns the SQL to rebuild it, empty when it was kept.
QString dropSampleIndexForLoad(const QSqlDatabase& db, qint64 newSamples)
{
    if (newSamples < 100000 ||
        newSamples <= sql::scalar(db, QStringLiteral("SELECT coalesce(max(rowid), 0) FROM sample")).toLongLong())
        return {};
    const QString indexSql = sql::scalar(db, QStringLiteral(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'sample_by_series'")).toString();
    if (!indexSql.isEmpty()) sql::exec(db, QStringLiteral("DROP INDEX sample_by_series"));
    return indexSql;
}

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
        // Only a score the user stated travels with the row; shipped and measured scores attach by key.
        if (t.cpuScore <= 0 && known->cpuScoreOrigin == InstanceType::CpuScoreOrigin::CatalogRow) t.cpuScore = known->cpuScore;
        t.source += QStringLiteral("; price from ") + known->source;
    }
    return rows;
}

// The dataset row, linked to the catalog's instance type when the origin names one (a type the
// user imported wins over the shipped one of the same name).
qint64 insertDatasetRow(const QSqlDatabase& db, const DatasetOrigin& origin, const QString& format, const QString& node,
                        const QString& toolVersion, const QString& labels, const QString& metrics, const QString& warnings)
{
    QVariant instanceTypeId;
    QString provider;
    if (!origin.instanceType.isEmpty()) {
        provider = origin.instanceType.section(QLatin1Char('/'), 0, 0).toLower();
        instanceTypeId = sql::scalar(db, QStringLiteral(
            "SELECT t.id FROM instance_type t JOIN provider p ON p.id = t.provider_id "
            "WHERE lower(p.key || '/' || t.name) = lower(?) ORDER BY t.origin = 'user' DESC LIMIT 1"),
            {origin.instanceType});
    }
    auto orNull = [](const QString& v) { return v.isEmpty() ? QVariant() : QVariant(v); };
    QSqlQuery ds = sql::exec(db, QStringLiteral(
        "INSERT INTO dataset(name, format, source, sha256, imported_at, node, instance_type_id, provider, "
        "instance_type_key, tool_version, labels, metrics, warnings) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {origin.name, format, origin.source, origin.sha256, origin.importedAt.toString(Qt::ISODate), orNull(node),
         instanceTypeId, orNull(provider), orNull(origin.instanceType), toolVersion, labels, metrics, warnings});
    return ds.lastInsertId().toLongLong();
}

}  // namespace

qint64 writeDataset(Workspace& ws, const DatasetOrigin& origin, const ImportResult& result, const std::atomic<bool>* cancel,
                    qint64* duplicateOf)
{
    QSqlDatabase db = ws.database();
    const BulkLoadSettings bulk(db, result.sampleCount());
    Transaction tx(db);
    // Checked again inside the write transaction: another process may have stored the same
    // file since the caller looked (four first starts at once import the same samples).
    if (!origin.pendingSha256) {
        const QVariant earlier = sql::scalar(db, QStringLiteral("SELECT id FROM dataset WHERE sha256 = ?"), {origin.sha256});
        if (earlier.isValid()) {
            if (duplicateOf) *duplicateOf = earlier.toLongLong();
            return 0;
        }
    }

    const QString node = origin.node.isEmpty() ? result.node : origin.node;
    DatasetOrigin typed = origin;  // --instance-type wins over the type the file names
    if (typed.instanceType.isEmpty()) typed.instanceType = result.instanceType;
    const qint64 datasetId = insertDatasetRow(db, typed, result.format, node, result.toolVersion, compactJson(result.labels),
                                              metricsJson(result.metrics), warningsJson(result.warnings));

    insertMeasurements(db, datasetId, node, result.measurements);

    // Indexes after the load (see dropSampleIndexForLoad).
    const QString sampleIndexSql = dropSampleIndexForLoad(db, result.sampleCount());

    QSqlQuery s = sql::prepare(db, QStringLiteral(
        "INSERT INTO series(dataset_id, node, metric, unit, labels) VALUES(?,?,?,?,?)"));
    sqlite3* handle = result.series.empty() ? nullptr : rawHandle(db);
    std::optional<SampleInserts> sampleInserts;
    if (handle) sampleInserts.emplace(handle);
    for (const Series& x : result.series) {
        s.bindValue(0, datasetId);
        s.bindValue(1, x.node.isEmpty() ? node : x.node);
        s.bindValue(2, x.metric);
        s.bindValue(3, x.unit);
        s.bindValue(4, compactJson(x.labels));
        sql::execPrepared(s);
        insertSamples(*sampleInserts, s.lastInsertId().toLongLong(), x, cancel);
    }
    if (!sampleIndexSql.isEmpty()) sql::exec(db, sampleIndexSql);

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
    if (origin.pendingSha256) {
        const QString sha = origin.pendingSha256();
        const QVariant earlier = sql::scalar(db, QStringLiteral("SELECT id FROM dataset WHERE sha256 = ?"), {sha});
        if (earlier.isValid()) {
            if (duplicateOf) *duplicateOf = earlier.toLongLong();
            return 0;  // the transaction rolls back as it goes out of scope
        }
        sql::exec(db, QStringLiteral("UPDATE dataset SET sha256 = ? WHERE id = ?"), {sha, datasetId});
    }
    tx.commit();
    return datasetId;
}

// Page cache while streaming: enough for the table's growing edge and the index rebuild's sort
// runs; more would only add to resident memory, since nothing is read back during the load.
constexpr int kStreamingCacheKiB = 32 * 1024;

struct StreamingDatasetWriter::State {
    State(Workspace& w, qint64 expectedSamples)
        : ws(w), db(w.database()), bulk(db, qsizetype(expectedSamples), kStreamingCacheKiB), tx(db) {}

    Workspace& ws;
    QSqlDatabase db;
    BulkLoadSettings bulk;  // before the transaction: pragmas cannot change inside one
    Transaction tx;
    const std::atomic<bool>* cancel = nullptr;
    qint64 datasetId = 0;
    QString node;
    QString sampleIndexSql;
    std::optional<QSqlQuery> seriesInsert;
    std::optional<SampleInserts> inserts;
    struct Row { qint64 series; double t; double v; };
    std::vector<Row> pending;  // at most one batch
    qint64 series = 0;
    qint64 samples = 0;

    void flushBatch()
    {
        sqlite3_stmt* batch = inserts->batch.get();
        for (int r = 0; r < kBatchRows; ++r) {
            sqlite3_bind_int64(batch, 3 * r + 1, pending[size_t(r)].series);
            sqlite3_bind_double(batch, 3 * r + 2, pending[size_t(r)].t);
            sqlite3_bind_double(batch, 3 * r + 3, pending[size_t(r)].v);
        }
        step(inserts->handle, batch);
        pending.clear();
    }

    void flushRest()
    {
        sqlite3_stmt* single = inserts->single.get();
        for (const Row& row : pending) {
            sqlite3_bind_int64(single, 1, row.series);
            sqlite3_bind_double(single, 2, row.t);
            sqlite3_bind_double(single, 3, row.v);
            step(inserts->handle, single);
        }
        pending.clear();
    }
};

StreamingDatasetWriter::StreamingDatasetWriter(Workspace& ws, const DatasetOrigin& origin, const QString& format,
                                               qint64 expectedSamples, const std::atomic<bool>* cancel)
    : d_(std::make_unique<State>(ws, expectedSamples))
{
    QSqlDatabase& db = d_->db;
    d_->cancel = cancel;
    d_->node = origin.node;
    // Labels, metrics and warnings are known only at the end; finish() fills them in.
    d_->datasetId = insertDatasetRow(db, origin, format, origin.node, QString(), QStringLiteral("{}"), QStringLiteral("{}"),
                                     QStringLiteral("[]"));
    d_->sampleIndexSql = dropSampleIndexForLoad(db, expectedSamples);
    d_->seriesInsert.emplace(sql::prepare(db, QStringLiteral(
        "INSERT INTO series(dataset_id, node, metric, unit, labels) VALUES(?,?,?,?,?)")));
    d_->inserts.emplace(rawHandle(db));
    d_->pending.reserve(kBatchRows);
}

StreamingDatasetWriter::~StreamingDatasetWriter() = default;

qint64 StreamingDatasetWriter::openSeries(const QString& node, const QString& metric, const QString& unit)
{
    return openLabelledSeries(node, metric, unit, QJsonObject());
}

qint64 StreamingDatasetWriter::openLabelledSeries(const QString& node, const QString& metric, const QString& unit,
                                                  const QJsonObject& labels)
{
    QSqlQuery& s = *d_->seriesInsert;
    s.bindValue(0, d_->datasetId);
    s.bindValue(1, node.isEmpty() ? d_->node : node);
    s.bindValue(2, metric);
    s.bindValue(3, unit);
    s.bindValue(4, compactJson(labels));
    sql::execPrepared(s);
    ++d_->series;
    return s.lastInsertId().toLongLong();
}

void StreamingDatasetWriter::add(qint64 series, double t, double value)
{
    d_->pending.push_back({series, t, value});
    ++d_->samples;
    if (d_->pending.size() < size_t(kBatchRows)) return;
    if ((d_->samples & 0xFFFF) < kBatchRows && d_->cancel && d_->cancel->load(std::memory_order_relaxed)) throw Cancelled();
    d_->flushBatch();
}

qint64 StreamingDatasetWriter::finish(const ImportResult& rest, const QString& sha256, qint64* duplicateOf)
{
    QSqlDatabase& db = d_->db;
    d_->flushRest();
    const QString node = d_->node.isEmpty() ? rest.node : d_->node;
    insertMeasurements(db, d_->datasetId, node, rest.measurements);
    if (!d_->sampleIndexSql.isEmpty()) sql::exec(db, d_->sampleIndexSql);
    if (d_->cancel && d_->cancel->load()) throw Cancelled();
    const QVariant earlier = sql::scalar(db, QStringLiteral("SELECT id FROM dataset WHERE sha256 = ?"), {sha256});
    if (earlier.isValid()) {
        if (duplicateOf) *duplicateOf = earlier.toLongLong();
        return 0;  // the transaction rolls back when the writer is destroyed
    }
    sql::exec(db, QStringLiteral(
        "UPDATE dataset SET sha256 = ?, node = ?, tool_version = ?, labels = ?, metrics = ?, warnings = ? WHERE id = ?"),
        {sha256, node.isEmpty() ? QVariant() : QVariant(node), rest.toolVersion, compactJson(rest.labels),
         metricsJson(rest.metrics), warningsJson(rest.warnings), d_->datasetId});
    d_->tx.commit();
    return d_->datasetId;
}

qint64 StreamingDatasetWriter::seriesCount() const { return d_->series; }
qint64 StreamingDatasetWriter::sampleCount() const { return d_->samples; }

}  // namespace headroom
