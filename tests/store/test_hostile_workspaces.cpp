// Workspaces from strangers: a file is a document people e-mail to each other, so schema
// objects Headroom does not create (a planted trigger, a view, an extra table, a changed
// column) make it refuse the file before anything runs or writes. A refused file keeps every
// byte, and no -wal/-shm file is left beside it.
#include "core/errors.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <thread>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace headroom;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs SQL on a file with a plain connection (never through Workspace) and leaves it closed in
// rollback-journal mode, a single file, as someone's sqlite3 session would.
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
        QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

// A current workspace with one dataset and one sample, closed.
QString makeWorkspace(const QString& path)
{
    {
        auto ws = Workspace::open(path);
        sql::exec(ws->database(), QStringLiteral("INSERT INTO dataset(name, format, source, sha256, imported_at) "
                                                 "VALUES('a.csv', 'csv', '/a.csv', 'sha-a', '2026-01-01')"));
        sql::exec(ws->database(), QStringLiteral("INSERT INTO series(dataset_id, metric) VALUES(1, 'cpu.util_pct')"));
        sql::exec(ws->database(), QStringLiteral("INSERT INTO sample(series_id, t, value) VALUES(1, 0, 42)"));
    }
    rawSql(path, {});
    return path;
}

qint64 sampleCount(const QString& path)
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM sample")) && q.next()) n = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

// Opens `path`, expecting a refusal: returns its message, and checks the file kept every byte
// and nothing was left beside it.
QString expectRefusedUntouched(const QString& path)
{
    const QByteArray before = fileHash(path);
    QString message;
    try {
        Workspace::open(path);
        ADD_FAILURE() << "opening " << path.toStdString() << " should have been refused";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), path);
        message = e.message();
    }
    EXPECT_EQ(fileHash(path), before) << "a refused file must keep every byte";
    const QStringList beside = QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files);
    EXPECT_EQ(beside, QStringList{QFileInfo(path).fileName()}) << beside.join(QLatin1Char(' ')).toStdString();
    return message;
}

}  // namespace

TEST(HostileWorkspaces, PlantedTriggerIsRefusedAndNeverRuns)
{
    QTemporaryDir dir;
    const QString path = makeWorkspace(dir.filePath(QStringLiteral("gift.headroom")));
    rawSql(path, {QStringLiteral("CREATE TRIGGER wipe AFTER INSERT ON dataset BEGIN DELETE FROM sample; END")});
    const QString message = expectRefusedUntouched(path);
    EXPECT_TRUE(message.contains(QStringLiteral("trigger 'wipe'"))) << message.toStdString();
    EXPECT_EQ(sampleCount(path), 1);
}

TEST(HostileWorkspaces, OldVersionWithTriggerIsNotMigrated)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.headroom"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Workspace::kApplicationId));
        migrations::apply(db, 0, 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    rawSql(path, {QStringLiteral("CREATE TRIGGER keep AFTER INSERT ON provider BEGIN DELETE FROM dataset; END")});
    const QString message = expectRefusedUntouched(path);
    EXPECT_TRUE(message.contains(QStringLiteral("trigger 'keep'"))) << message.toStdString();
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".v1.bak")));
}

TEST(HostileWorkspaces, ViewExtraTableAndChangedColumnAreRefused)
{
    QTemporaryDir dir;
    const struct {
        const char* name;
        const char* sql;
        const char* expected;
    } cases[] = {
        {"view", "CREATE VIEW cheap AS SELECT * FROM instance_type", "view 'cheap'"},
        {"table", "CREATE TABLE notes(x)", "table 'notes'"},
        {"column", "ALTER TABLE instance_type ADD COLUMN discount REAL", "table 'instance_type' differs"},
        {"index", "CREATE INDEX by_value ON sample(value)", "index 'by_value'"},
    };
    for (const auto& c : cases) {
        const QString path = makeWorkspace(dir.filePath(QString::fromLatin1(c.name) + QStringLiteral(".headroom")));
        QTemporaryDir own;  // each case alone in its folder, to see what is left beside it
        const QString alone = own.filePath(QStringLiteral("ws.headroom"));
        ASSERT_TRUE(QFile::copy(path, alone));
        rawSql(alone, {QString::fromLatin1(c.sql)});
        const QString message = expectRefusedUntouched(alone);
        EXPECT_TRUE(message.contains(QLatin1String(c.expected))) << c.name << ": " << message.toStdString();
    }
}

TEST(HostileWorkspaces, VersionZeroWithTablesIsRefusedWithHeaderUnchanged)
{
    QTemporaryDir dir;
    const QString path = makeWorkspace(dir.filePath(QStringLiteral("zero.headroom")));
    rawSql(path, {QStringLiteral("PRAGMA user_version = 0")});
    const QString message = expectRefusedUntouched(path);
    EXPECT_TRUE(message.contains(QStringLiteral("user_version 0"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("already exists"))) << message.toStdString();
}

TEST(HostileWorkspaces, TextWherePriceShouldBeIsRefusedNotReadAsZero)
{
    QTemporaryDir dir;
    const QString path = makeWorkspace(dir.filePath(QStringLiteral("price.headroom")));
    rawSql(path, {QStringLiteral("INSERT INTO provider(id, key, display_name) VALUES(1, 'aws', 'AWS')"),
                  QStringLiteral("INSERT INTO instance_type(provider_id, name, origin, vcpu, memory_gib, price_per_hour, "
                                 "currency) VALUES(1, 'm5.large', 'user', 2, 8, 'abc', 'USD')")});
    const QString message = expectRefusedUntouched(path);
    EXPECT_TRUE(message.contains(QStringLiteral("price_per_hour = 'abc'"))) << message.toStdString();
}

TEST(HostileWorkspaces, StagingFilesOfAKilledCreationAreRemoved)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.headroom"));
    // A process that has ended: its pid names no running process now.
    QProcess gone;
    gone.start(QStringLiteral("/bin/true"), {});
    ASSERT_TRUE(gone.waitForFinished());
    const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString stale = QStringLiteral("%1.new-%2-%3").arg(path).arg(deadPid).arg(uuid);
    const QString live = QStringLiteral("%1.new-%2-%3").arg(path).arg(qint64(::getpid())).arg(uuid);
    for (const QString& f : {stale, stale + QStringLiteral("-wal"), live}) {
        QFile file(f);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("partial");
    }
    Workspace::open(path);
    EXPECT_FALSE(QFile::exists(stale));
    EXPECT_FALSE(QFile::exists(stale + QStringLiteral("-wal")));
    EXPECT_TRUE(QFile::exists(live)) << "a creation still running keeps its files";
}

TEST(HostileWorkspaces, ReadOnlyFolderIsReportedAsSuch)
{
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
    QTemporaryDir dir;
    const QString path = makeWorkspace(dir.filePath(QStringLiteral("ro.headroom")));
    ASSERT_TRUE(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QString message;
    try {
        Workspace::open(path);
    } catch (const InputError& e) {
        message = e.message();
    }
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    EXPECT_TRUE(message.contains(QStringLiteral("read-only"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("corrupt"))) << message.toStdString();
}

TEST(HostileWorkspaces, ClosingLeavesOneSelfContainedFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one.headroom"));
    {
        auto ws = Workspace::open(path);
        sql::exec(ws->database(), QStringLiteral("INSERT INTO setting(key, value) VALUES('k', 'v')"));
        ws->close();
        EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")) && QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    }
    // The file alone, copied away from its journal, holds the setting.
    const QString copy = dir.filePath(QStringLiteral("copy.headroom"));
    ASSERT_TRUE(QFile::copy(path, copy));
    auto reopened = Workspace::open(copy);
    EXPECT_EQ(reopened->setting(QStringLiteral("k")), QStringLiteral("v"));
    EXPECT_TRUE(Workspace::takeCloseFailure().isEmpty());
}

TEST(HostileWorkspaces, WriterWaitsForAnotherWriterInsteadOfFailing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("busy.headroom"));
    auto first = Workspace::open(path);
    auto second = Workspace::open(path);
    // The first holds the write lock a little while; the second's BEGIN IMMEDIATE waits for it.
    auto tx = std::make_unique<Transaction>(first->database());
    sql::exec(first->database(), QStringLiteral("INSERT INTO setting(key, value) VALUES('a', '1')"));
    QSqlDatabase other = second->database();
    std::thread release([&] {
        ::usleep(300000);
        tx->commit();
    });
    // A plain BEGIN followed by a read then a write would fail here with "database is locked".
    Transaction mine(other);
    EXPECT_EQ(sql::scalar(other, QStringLiteral("SELECT value FROM setting WHERE key = 'a'")).toString(), QStringLiteral("1"));
    sql::exec(other, QStringLiteral("INSERT INTO setting(key, value) VALUES('b', '2')"));
    mine.commit();
    release.join();
    EXPECT_EQ(second->setting(QStringLiteral("b")), QStringLiteral("2"));
}
