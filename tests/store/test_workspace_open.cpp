#include "core/errors.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/sqlite_handle.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Runs SQL on a file with a plain connection, outside Workspace, to build test files.
void rawSql(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        for (const QString& s : statements) {
            QSqlQuery q(db);
            ASSERT_TRUE(q.exec(s)) << s.toStdString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

QString expectRefused(const QString& path)
{
    try {
        Workspace::open(path);
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), path);
        return e.message();
    }
    ADD_FAILURE() << "opening " << path.toStdString() << " should have been refused";
    return {};
}

}  // namespace

TEST(WorkspaceOpen, FreshFileGetsLatestSchemaWalAndForeignKeys)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.headroom"));
    auto ws = Workspace::open(path);
    EXPECT_TRUE(ws->createdNow());
    EXPECT_EQ(ws->schemaVersion(), migrations::latestVersion());
    EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("PRAGMA application_id")).toInt(), Workspace::kApplicationId);
    for (const QString& table : migrations::requiredTables(migrations::latestVersion()))
        EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"), {table}).toInt(), 1)
            << table.toStdString();
}

TEST(WorkspaceOpen, ReopeningKeepsDataAndDoesNotMigrateAgain)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.headroom"));
    Workspace::open(path)->setSetting(QStringLiteral("k"), QStringLiteral("v"));
    auto again = Workspace::open(path);
    EXPECT_FALSE(again->createdNow());
    EXPECT_TRUE(again->backupPath().isEmpty());
    EXPECT_EQ(again->setting(QStringLiteral("k")), QStringLiteral("v"));
}

TEST(WorkspaceOpen, OlderVersionIsBackedUpThenMigrated)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.headroom"));
    {
        // A version-1 workspace as the first release wrote it, holding one dataset.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Workspace::kApplicationId));
        migrations::apply(db, 0, 1);
        sql::exec(db, QStringLiteral("INSERT INTO dataset(name, format, source, sha256, imported_at) "
                                     "VALUES('fio.json', 'fio', '/tmp/fio.json', 'abc', '2026-01-01T00:00:00Z')"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    auto ws = Workspace::open(path);
    EXPECT_EQ(ws->schemaVersion(), migrations::latestVersion());
    ASSERT_FALSE(ws->backupPath().isEmpty());
    EXPECT_TRUE(QFile::exists(ws->backupPath()));
    EXPECT_EQ(sql::scalar(ws->database(), QStringLiteral("SELECT name FROM dataset")).toString(), QStringLiteral("fio.json"));
    ws.reset();

    // The backup is the old workspace: version 1, with the same dataset, and opens (and migrates) on its own.
    const QString backup = path + QStringLiteral(".v1.bak");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bak"));
        db.setDatabaseName(backup);
        ASSERT_TRUE(db.open());
        EXPECT_EQ(sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM dataset")).toInt(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bak"));
}

TEST(WorkspaceOpen, NewerVersionIsRefusedAndUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.headroom"));
    Workspace::open(path);
    rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE"),
                  QStringLiteral("PRAGMA user_version = %1").arg(migrations::latestVersion() + 5)});
    const QByteArray before = fileHash(path);
    EXPECT_TRUE(expectRefused(path).contains(QStringLiteral("newer")));
    EXPECT_EQ(fileHash(path), before);
}

TEST(WorkspaceOpen, JunkFilesAreRefusedAndUntouched)
{
    QTemporaryDir dir;
    struct Case {
        const char* name;
        QByteArray bytes;
        const char* expected;
    };
    QByteArray truncated;
    {
        const QString good = dir.filePath(QStringLiteral("good.headroom"));
        Workspace::open(good);
        rawSql(good, {QStringLiteral("PRAGMA journal_mode = DELETE")});
        QFile f(good);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        truncated = f.readAll();
        truncated.truncate(truncated.size() / 3);
    }
    QByteArray wrongMagic = truncated;
    wrongMagic.replace(0, 6, "MySQL!");
    const Case cases[] = {
        {"text.headroom", QByteArray("time,node,metric,value\n1,a,b,2\n"), "SQLite"},
        {"empty.headroom", QByteArray(), "empty"},
        {"binary.headroom", QByteArray(4096, '\xAB'), "SQLite"},
        {"wrongmagic.headroom", wrongMagic, "SQLite"},
        {"truncated.headroom", truncated, ""},
    };
    for (const Case& c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        writeFile(path, c.bytes);
        const QByteArray before = fileHash(path);
        const QString message = expectRefused(path);
        EXPECT_TRUE(message.contains(QString::fromLatin1(c.expected), Qt::CaseInsensitive)) << c.name << ": " << message.toStdString();
        EXPECT_EQ(fileHash(path), before) << c.name;
    }
}

TEST(WorkspaceOpen, ForeignSqliteDatabaseIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    rawSql(path, {QStringLiteral("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")});
    const QByteArray before = fileHash(path);
    EXPECT_TRUE(expectRefused(path).contains(QStringLiteral("not a Headroom workspace")));
    EXPECT_EQ(fileHash(path), before);
}

TEST(WorkspaceOpen, MissingTableIsReportedByName)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.headroom"));
    Workspace::open(path);
    rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE"), QStringLiteral("DROP TABLE lead_time_event")});
    const QByteArray before = fileHash(path);
    EXPECT_TRUE(expectRefused(path).contains(QStringLiteral("'lead_time_event'")));
    EXPECT_EQ(fileHash(path), before);
}

TEST(WorkspaceOpen, MissingFileWithCreateNeverIsAnError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("none.headroom"));
    EXPECT_THROW(Workspace::open(path, Workspace::Create::Never), InputError);
    EXPECT_FALSE(QFile::exists(path));
}

// The import writes through the sqlite3 handle Qt's driver opened; that is sound only because
// both call one SQLite library, which rawHandle checks before handing a handle out.
TEST(WorkspaceOpen, QtDriverAndProgramShareOneSqliteLibrary)
{
    QTemporaryDir dir;
    const auto ws = Workspace::open(dir.filePath(QStringLiteral("w.headroom")));
    ASSERT_NE(sql::rawHandle(ws->database()), nullptr);
    const sql::SqliteLibraries libs = sql::sharedSqliteLibrary();
    EXPECT_TRUE(libs.same) << libs.ours.toStdString() << " vs " << libs.qtDriver.toStdString();
    EXPECT_TRUE(libs.ours.contains(QLatin1String("libsqlite3"))) << libs.ours.toStdString();
    EXPECT_EQ(libs.qtDriver, libs.ours);
}
