// Schema v3 gives the `run` table the columns of a stored run; a v2 workspace is backed up and
// migrated with its data.
#include "store/migrations.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

TEST(RunTableMigration, VersionTwoKeepsItsDataAndIsBackedUp)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.headroom"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Workspace::kApplicationId));
        migrations::apply(db, 0, 2);
        sql::exec(db, QStringLiteral("INSERT INTO dataset(name, format, source, sha256, imported_at) "
                                     "VALUES('wrk.txt', 'wrk', '/tmp/wrk.txt', 'abc', '2026-01-01T00:00:00Z')"));
        sql::exec(db, QStringLiteral("INSERT INTO setting(key, value) VALUES('currency.eur_usd', '1.1')"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v2"));

    auto ws = Workspace::open(path);
    ASSERT_GE(migrations::latestVersion(), 3);
    EXPECT_EQ(ws->schemaVersion(), migrations::latestVersion());
    EXPECT_EQ(ws->backupPath(), path + QStringLiteral(".v2.bak"));
    EXPECT_TRUE(QFile::exists(ws->backupPath()));
    EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("SELECT name FROM dataset")).toString(), QStringLiteral("wrk.txt"));
    EXPECT_EQ(ws->setting(QStringLiteral("currency.eur_usd")), QStringLiteral("1.1"));
    const QSqlRecord run = ws->database().record(QStringLiteral("run"));
    for (const char* column : {"kind", "key_sha256", "scenario_json", "seed", "catalog_sha256", "datasets_sha256",
                               "program_version", "wall_s", "result", "detail"})
        EXPECT_GE(run.indexOf(QLatin1String(column)), 0) << column;
    EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("SELECT count(*) FROM run")).toInt(), 0);
    // A kind the program does not know is refused by the table itself.
    EXPECT_ANY_THROW(sql::exec(ws->database(), QStringLiteral(
        "INSERT INTO run(kind, key_sha256, scenario_name, scenario_json, scenario_sha256, seed, replications, catalog_sha256, "
        "datasets_sha256, program_version, result_format, started_at, finished_at, wall_s, result, detail) "
        "VALUES('guess', 'k', 'n', '{}', 's', '1', 1, 'c', 'd', 'v', 1, 't', 't', 0, '{}', '{}')")));
    ws.reset();

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bak"));
        db.setDatabaseName(path + QStringLiteral(".v2.bak"));
        ASSERT_TRUE(db.open());
        EXPECT_EQ(sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), 2);
        EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM dataset")).toInt(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bak"));
}

}  // namespace
