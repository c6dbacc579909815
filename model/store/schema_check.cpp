#include "schema_check.h"

#include "migrations.h"
#include "sql.h"

#include <QMap>
#include <QMutex>
#include <QSqlQuery>
#include <QUuid>

namespace headroom::schema_check {

namespace {

// "type name" → normalised SQL text, for every object SQLite lists in sqlite_master.
using SchemaObjects = QMap<QString, QString>;

SchemaObjects objectsOf(const QSqlDatabase& db)
{
    SchemaObjects objects;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master"));
    while (q.next()) {
        const QString name = q.value(1).toString();
        // Statistics that ANALYZE / PRAGMA optimize keep are data, not code.
        if (name == QLatin1String("sqlite_stat1") || name == QLatin1String("sqlite_stat4")) continue;
        objects.insert(q.value(0).toString() + QLatin1Char(' ') + name,
                       q.value(2).toString() + QLatin1Char('|') + q.value(3).toString().simplified());
    }
    return objects;
}

// The objects of a workspace at `version`, built by the migrations in a private in-memory
// database, so this check never drifts from what the migrations create.
SchemaObjects expectedObjects(int version)
{
    static QMutex mutex;
    static QMap<int, SchemaObjects> cache;
    const QMutexLocker lock(&mutex);
    if (cache.contains(version)) return cache.value(version);
    const QString name = QStringLiteral("schema-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    SchemaObjects objects;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        db.open();
        migrations::apply(db, 0, version);
        objects = objectsOf(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    cache.insert(version, objects);
    return objects;
}

QString kindAndName(const QString& key)
{
    const qsizetype space = key.indexOf(QLatin1Char(' '));
    return QStringLiteral("%1 '%2'").arg(key.left(space), key.mid(space + 1));
}

}  // namespace

QString differences(const QSqlDatabase& db, int version)
{
    const SchemaObjects expected = expectedObjects(version);
    const SchemaObjects actual = objectsOf(db);
    // A missing table first: its indexes are missing only because of it.
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        if (it.key().startsWith(QLatin1String("table ")) && !actual.contains(it.key()))
            return QStringLiteral("the workspace is damaged: its %1 of schema version %2 is missing")
                .arg(kindAndName(it.key())).arg(version);
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key()))
            return QStringLiteral("refused: it holds a %1 that Headroom does not create, and which could run "
                                  "inside Headroom's writes").arg(kindAndName(it.key()));
        if (expected.value(it.key()) != it.value())
            return QStringLiteral("refused: its %1 differs from the one Headroom creates (changed columns or rules)")
                .arg(kindAndName(it.key()));
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        if (!actual.contains(it.key()))
            return QStringLiteral("the workspace is damaged: its %1 of schema version %2 is missing").arg(kindAndName(it.key())).arg(version);
    return {};
}

QString badlyTypedCell(const QSqlDatabase& db)
{
    static const char* const kNumericColumns[] = {
        "vcpu", "memory_gib", "price_per_hour", "monthly_cap", "burstable", "baseline_pct_per_vcpu",
        "credits_per_hour", "max_credits", "dedicated_cpu", "network_gbps", "cpu_score", "boot_s_p50", "boot_s_p95"};
    for (const char* column : kNumericColumns) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, quote(%1) FROM instance_type WHERE typeof(%1) NOT IN ('integer', 'real', 'null') "
                              "LIMIT 1").arg(QLatin1String(column)));
        if (q.next())
            return QStringLiteral("instance type %1 has %2 = %3; expected a number")
                .arg(q.value(0).toString(), QLatin1String(column), q.value(1).toString().left(40));
    }
    return {};
}

}  // namespace headroom::schema_check
