#pragma once
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace headroom {

// Settings for the duration of a large load (restored afterwards): a large page cache, so the
// growing table and index stay in memory until the commit instead of spilling to the WAL
// half-way, and no per-row foreign-key lookups, because every sample refers to a series row
// inserted moments before in the same transaction. Both must be set outside the transaction.
class BulkLoadSettings {
public:
    // `cacheKiB` is the page cache during the load: 256 MiB when everything is in memory anyway,
    // less when streaming, where the cache would otherwise be most of the resident memory.
    BulkLoadSettings(const QSqlDatabase& db, qsizetype samples, int cacheKiB = 262144);
    ~BulkLoadSettings();
    BulkLoadSettings(const BulkLoadSettings&) = delete;
    BulkLoadSettings& operator=(const BulkLoadSettings&) = delete;

private:
    QSqlDatabase db_;
    QVariant previousCache_;
    bool foreignKeys_ = false;
};

// The schema's sample index, dropped for a load that brings more samples than the workspace
// holds and rebuilt in one sorted pass afterwards (inside the transaction, so a rollback
// restores it). Returns the SQL to rebuild it, empty when it was kept.
QString dropSampleIndexForLoad(const QSqlDatabase& db, qint64 newSamples);
// Runs what dropSampleIndexForLoad returned (nothing when it is empty).
void rebuildSampleIndex(const QSqlDatabase& db, const QString& indexSql);

}  // namespace headroom
