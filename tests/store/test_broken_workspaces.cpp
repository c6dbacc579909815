// Workspaces broken in ways test_workspace_open.cpp does not cover: a WAL file without its
// database, a garbage WAL next to a good database, a damaged page inside a file whose header is
// fine, a directory or an unreachable path given as the workspace, a read-only file. Each gives
// a clear error naming the path (or opens safely) and never changes what was there.
#include "core/errors.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
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

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

// A closed workspace in rollback-journal mode (a single file, no -wal) with one setting stored.
QString makeClosedWorkspace(const QString& path)
{
    {
        auto ws = Workspace::open(path);
        ws->setSetting(QStringLiteral("probe"), QStringLiteral("kept"));
        sql::exec(ws->database(), QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    return path;
}

// The text of the error opening `path` gives; empty (and a test failure) when it opens.
QString openError(const QString& path, Workspace::Create create = Workspace::Create::IfMissing)
{
    try {
        Workspace::open(path, create);
    } catch (const InputError& e) {
        return e.text();
    } catch (const RuntimeFailure& e) {
        return e.text();
    }
    ADD_FAILURE() << "opening " << path.toStdString() << " should have failed";
    return {};
}

QString integrity(const QString& path)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            result = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() ? q.value(0).toString() : QStringLiteral("failed");
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return result;
}

}  // namespace

TEST(BrokenWorkspaces, WalFileWithoutItsDatabaseIsNotMistakenForAWorkspace)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lost.headroom"));
    // The WAL of a real workspace, left behind after its database was deleted.
    {
        const QString source = dir.filePath(QStringLiteral("source.headroom"));
        auto ws = Workspace::open(source);
        QSqlDatabase db = ws->database();
        sql::exec(db, QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        ws->setSetting(QStringLiteral("probe"), QStringLiteral("in the wal"));
        QFile::copy(source + QStringLiteral("-wal"), path + QStringLiteral("-wal"));
    }
    ASSERT_TRUE(QFile::exists(path + QStringLiteral("-wal")));
    ASSERT_FALSE(QFile::exists(path));

    // Asked not to create one, the answer is "no such workspace", and nothing appears.
    EXPECT_TRUE(openError(path, Workspace::Create::Never).contains(QStringLiteral("no such workspace")));
    EXPECT_FALSE(QFile::exists(path));

    // Allowed to create one, the result is a sound workspace at the current version (SQLite may
    // recover the orphaned WAL's pages into it) or a clear refusal; never a half-made file.
    try {
        auto ws = Workspace::open(path);
        EXPECT_EQ(ws->schemaVersion(), migrations::latestVersion());
        ws.reset();
        EXPECT_EQ(integrity(path), QStringLiteral("ok"));
    } catch (const InputError& e) {
        EXPECT_TRUE(e.text().contains(path)) << e.text().toStdString();
    }
}

TEST(BrokenWorkspaces, GarbageWalNextToAGoodDatabaseIsIgnoredAndDataKept)
{
    QTemporaryDir dir;
    const QString path = makeClosedWorkspace(dir.filePath(QStringLiteral("good.headroom")));
    const QByteArray before = fileHash(path);
    QByteArray junk(64 * 1024, '\0');
    for (int i = 0; i < junk.size(); ++i) junk[i] = char((i * 131 + 7) & 0xFF);
    writeFile(path + QStringLiteral("-wal"), junk);

    // SQLite ignores a WAL whose header and checksums do not match the database, so the workspace
    // opens with its data; or the file is refused as damaged. Either way the stored data is intact.
    try {
        auto ws = Workspace::open(path, Workspace::Create::Never);
        EXPECT_EQ(ws->setting(QStringLiteral("probe")), QStringLiteral("kept"));
    } catch (const InputError& e) {
        EXPECT_TRUE(e.text().contains(path)) << e.text().toStdString();
        EXPECT_EQ(fileHash(path), before) << "a refused file was changed";
    }
    EXPECT_EQ(integrity(path), QStringLiteral("ok"));
}

TEST(BrokenWorkspaces, DamagedPageBehindAGoodHeaderIsRefusedAndUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.headroom"));
    {
        auto ws = Workspace::open(path);
        // Enough rows to fill several pages of the setting table and its index.
        for (int i = 0; i < 2000; ++i)
            ws->setSetting(QStringLiteral("key-%1").arg(i), QString(40, QLatin1Char('a' + i % 26)));
        sql::exec(ws->database(), QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    ASSERT_GT(size, 16 * 4096);
    // Overwrite the second half of the file (b-tree pages, not the 100-byte header) with a pattern
    // that is not a valid page.
    f.seek(size / 2);
    f.write(QByteArray(int(size / 4), '\x5A'));
    f.close();
    const QByteArray before = fileHash(path);

    const QString message = openError(path);
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("corrupt"), Qt::CaseInsensitive) ||
                message.contains(QStringLiteral("malformed"), Qt::CaseInsensitive))
        << message.toStdString();
    EXPECT_EQ(fileHash(path), before);
}

TEST(BrokenWorkspaces, DirectoryGivenAsWorkspaceIsRefusedAndLeftEmpty)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("folder.headroom"));
    ASSERT_TRUE(QDir().mkpath(path));
    const QString message = openError(path);
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_TRUE(QFileInfo(path).isDir());
    EXPECT_TRUE(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    // Nothing was created next to it either (no -wal, -shm or journal for a database that is not there).
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
              QStringList{QStringLiteral("folder.headroom")});
}

TEST(BrokenWorkspaces, PathInAMissingFolderIsAClearError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/ws.headroom"));
    const QString message = openError(path);
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
}

TEST(BrokenWorkspaces, ReadOnlyFileIsNeverModified)
{
    if (::geteuid() == 0) GTEST_SKIP() << "file permissions do not bind root; run as a normal user";
    QTemporaryDir dir;
    const QString path = makeClosedWorkspace(dir.filePath(QStringLiteral("readonly.headroom")));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray before = fileHash(path);
    try {
        auto ws = Workspace::open(path, Workspace::Create::Never);
        // Opened: reading works, and writing fails with an error rather than a crash.
        EXPECT_EQ(ws->setting(QStringLiteral("probe")), QStringLiteral("kept"));
        EXPECT_ANY_THROW(ws->setSetting(QStringLiteral("probe"), QStringLiteral("changed")));
    } catch (const InputError& e) {
        EXPECT_TRUE(e.text().contains(path)) << e.text().toStdString();
    } catch (const RuntimeFailure& e) {
        EXPECT_TRUE(e.text().contains(path)) << e.text().toStdString();
    }
    EXPECT_EQ(fileHash(path), before);
}

TEST(BrokenWorkspaces, FileThatShrankToItsHeaderIsRefusedAndUntouched)
{
    QTemporaryDir dir;
    const QString path = makeClosedWorkspace(dir.filePath(QStringLiteral("header-only.headroom")));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_TRUE(f.resize(100));  // the SQLite header, claiming pages that are gone
    f.close();
    const QByteArray before = fileHash(path);
    const QString message = openError(path);
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_EQ(fileHash(path), before);
}
