#include "workspace.h"

#include "core/errors.h"
#include "migrations.h"
#include "sql.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <QDir>
#include <unistd.h>
#include <QUuid>

namespace headroom {

namespace {

QString describeOpenFailure(const QString& path, const QString& why)
{
    return QStringLiteral("cannot open workspace %1: %2").arg(path, why);
}

// Looks at a file that already exists without writing to it: SQLite magic, application id,
// version, tables. Returns its schema version (0 = an empty SQLite file we may initialise).
int inspectExisting(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw RuntimeFailure(describeOpenFailure(path, file.errorString()));
    const QByteArray magic = file.read(16);
    file.close();
    if (magic.isEmpty())
        throw InputError(path, QStringLiteral("the file is empty; expected a Headroom workspace (SQLite database)"));
    if (magic != QByteArray("SQLite format 3\0", 16))
        throw InputError(path, QStringLiteral("not a Headroom workspace: expected an SQLite database file"));

    const QString name = QStringLiteral("inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    int version = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        auto closeAndThrow = [&](const QString& why) {
            db.close();
            throw InputError(path, why);
        };
        if (!db.open()) closeAndThrow(QStringLiteral("cannot be read as SQLite: ") + db.lastError().text());
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
            closeAndThrow(QStringLiteral("the database is corrupt (quick_check failed: %1)")
                              .arg(q.lastError().isValid() ? q.lastError().text() : q.value(0).toString()));
        q.exec(QStringLiteral("PRAGMA application_id"));
        const int appId = q.next() ? q.value(0).toInt() : 0;
        q.exec(QStringLiteral("PRAGMA user_version"));
        version = q.next() ? q.value(0).toInt() : 0;
        q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        const int objects = q.next() ? q.value(0).toInt() : 0;
        if (appId != Workspace::kApplicationId && objects > 0)
            closeAndThrow(QStringLiteral("an SQLite database, but not a Headroom workspace (application_id %1)").arg(appId));
        if (version > migrations::latestVersion())
            closeAndThrow(QStringLiteral("workspace schema version %1 is newer than this Headroom understands (%2); "
                                         "open it with a newer Headroom")
                              .arg(version)
                              .arg(migrations::latestVersion()));
        for (const QString& table : migrations::requiredTables(version)) {
            q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='%1'").arg(table));
            if (!q.next() || q.value(0).toInt() != 1)
                closeAndThrow(QStringLiteral("the workspace is damaged: table '%1' of schema version %2 is missing")
                                  .arg(table)
                                  .arg(version));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

}  // namespace

Workspace::Workspace(QString path)
    : connectionPrefix_(QStringLiteral("ws-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      path_(std::move(path))
{
}

Workspace::~Workspace()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString& name : names) {
        if (!name.startsWith(connectionPrefix_)) continue;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

bool Workspace::createAtomically(const QString& path)
{
    // Build the whole schema in a private file and link it into place, so a second process
    // creating the same workspace at the same moment finds either nothing or a complete file.
    const QString staging = path + QStringLiteral(".new-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        std::unique_ptr<Workspace> fresh(new Workspace(staging));
        QSqlDatabase db = fresh->database();
        sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
        migrations::apply(db, 0, migrations::latestVersion());
    }  // closing the last connection checkpoints the WAL into the file
    const bool linked = ::link(QFile::encodeName(staging).constData(), QFile::encodeName(path).constData()) == 0;
    const int linkError = errno;
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(staging + QLatin1String(suffix));
    if (!linked && linkError != EEXIST)
        throw RuntimeFailure(describeOpenFailure(path, QString::fromLocal8Bit(std::strerror(linkError))));
    return linked;
}

std::unique_ptr<Workspace> Workspace::open(const QString& path, Create create)
{
    const QFileInfo info(path);
    if (info.isDir()) throw InputError(path, QStringLiteral("is a folder; expected a workspace file"));
    bool createdNow = false;
    if (!info.exists()) {
        if (create == Create::Never) throw InputError(path, QStringLiteral("no such workspace file"));
        if (!info.absoluteDir().exists())
            throw InputError(path, QStringLiteral("the folder %1 does not exist").arg(info.absolutePath()));
        createdNow = createAtomically(path);
    }
    if (!QFileInfo(path).isWritable())
        throw InputError(path, QStringLiteral("the workspace file is read-only; Headroom needs to write to it"));
    const int version = inspectExisting(path);

    std::unique_ptr<Workspace> ws(new Workspace(path));
    ws->createdNow_ = createdNow;
    QSqlDatabase db = ws->database();
    const int latest = migrations::latestVersion();
    if (version < latest) {
        if (version > 0) {
            ws->backupPath_ = QStringLiteral("%1.v%2.bak").arg(path).arg(version);
            QFile::remove(ws->backupPath_);
            sql::exec(db, QStringLiteral("VACUUM INTO ?"), {ws->backupPath_});
        } else {
            // An empty SQLite file (someone's sqlite3 session that created nothing): initialise it.
            sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
        }
        migrations::apply(db, version, latest);
    }
    return ws;
}

QSqlDatabase Workspace::database() const
{
    // One connection per thread. Threads are told apart by a number drawn once per thread, not by
    // their address: a pool thread that ended can leave its address to a new thread, which must
    // not inherit the old thread's connection.
    static std::atomic<quint64> nextThreadNumber{1};
    thread_local const quint64 threadNumber = nextThreadNumber.fetch_add(1);
    const QString name = connectionPrefix_ + QLatin1Char('-') + QString::number(threadNumber);
    if (QSqlDatabase::contains(name)) return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path_);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) throw RuntimeFailure(describeOpenFailure(path_, db.lastError().text()));
    sql::exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    sql::exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    sql::exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
    return db;
}

int Workspace::schemaVersion() const
{
    return sql::scalar(database(), QStringLiteral("PRAGMA user_version")).toInt();
}

QString Workspace::setting(const QString& key, const QString& fallback) const
{
    const QVariant v = sql::scalar(database(), QStringLiteral("SELECT value FROM setting WHERE key = ?"), {key});
    return v.isValid() ? v.toString() : fallback;
}

void Workspace::setSetting(const QString& key, const QString& value)
{
    sql::exec(database(), QStringLiteral("INSERT INTO setting(key, value) VALUES(?, ?) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
              {key, value});
}

}  // namespace headroom
