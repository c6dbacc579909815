#include "bulk_load.h"

#include "sql.h"

namespace headroom {

BulkLoadSettings::BulkLoadSettings(const QSqlDatabase& db, qsizetype samples, int cacheKiB) : db_(db)
{
    if (samples < 100000) return;
    previousCache_ = sql::scalar(db_, QStringLiteral("PRAGMA cache_size"));
    foreignKeys_ = sql::scalar(db_, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1;
    sql::exec(db_, QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB));
    if (foreignKeys_) sql::exec(db_, QStringLiteral("PRAGMA foreign_keys = OFF"));
}

BulkLoadSettings::~BulkLoadSettings()
{
    if (!previousCache_.isValid()) return;
    QSqlQuery q(db_);
    q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(previousCache_.toLongLong()));
    if (foreignKeys_) q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

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

void rebuildSampleIndex(const QSqlDatabase& db, const QString& indexSql)
{
    if (!indexSql.isEmpty()) sql::exec(db, indexSql);
}

}  // namespace headroom
