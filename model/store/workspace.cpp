#include "workspace.h"

#include "core/errors.h"
#include "database_error.h"
#include "migrations.h"
#include "core/logging.h"
#include "schema_check.h"
#include "sql.h"
#include "sqlite_handle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace headroom {

namespace {

QString describeOpenFailure(const QString& path, const QString& why)
{
    return QStringLiteral("cannot open workspace %1: %2").arg(path, why);
}

// Busy timeout of every connection: a writer waits this long for another one to finish.
constexpr int kBusyTimeoutMs = 120000;

// The journal files SQLite keeps beside a database.
const char* const kJournalSuffixes[] = {"-wal", "-shm", "-journal"};

// Looks at a file that already exists without writing to it: SQLite magic, application id,
// version, schema objects. Returns its schema version (0 = an empty SQLite file we may
// initialise). A refused file is left exactly as it was: journal files the inspection made
// beside it are removed again.
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

    QStringList journalsBefore;
    for (const char* suffix : kJournalSuffixes)
        if (QFile::exists(path + QLatin1String(suffix))) journalsBefore << QLatin1String(suffix);

    const QString name = QStringLiteral("inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    int version = 0;
    QString refusal;
    bool busy = false;  // locked by another program: a failure to report, not a verdict on the file
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        refusal = [&]() -> QString {
            if (!db.open()) return QStringLiteral("cannot be read as SQLite: ") + db.lastError().text();
            sql::makeDefensive(db);
            QSqlQuery q(db);
            const bool checked = q.exec(QStringLiteral("PRAGMA quick_check"));
            const int code = q.lastError().nativeErrorCode().toInt() & 0xFF;
            if (!checked && (code == 5 || code == 6)) {  // SQLITE_BUSY, SQLITE_LOCKED
                busy = true;
                return sql::describeError(q.lastError());
            }
            if (!checked || !q.next() || q.value(0).toString() != QLatin1String("ok"))
                return QStringLiteral("the database is corrupt (quick_check failed: %1)")
                    .arg(q.lastError().isValid() ? q.lastError().text() : q.value(0).toString());
            q.exec(QStringLiteral("PRAGMA application_id"));
            const int appId = q.next() ? q.value(0).toInt() : 0;
            q.exec(QStringLiteral("PRAGMA user_version"));
            version = q.next() ? q.value(0).toInt() : 0;
            q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
            const int objects = q.next() ? q.value(0).toInt() : 0;
            if (appId != Workspace::kApplicationId && objects > 0)
                return QStringLiteral("an SQLite database, but not a Headroom workspace (application_id %1)").arg(appId);
            if (version > migrations::latestVersion())
                return QStringLiteral("workspace schema version %1 is newer than this Headroom understands (%2); "
                                      "open it with a newer Headroom")
                    .arg(version)
                    .arg(migrations::latestVersion());
            if (version == 0 && objects > 0)
                return QStringLiteral("the file holds tables but no schema version (user_version 0); it was not "
                                      "written by Headroom, or its header was changed, so it is left alone");
            if (version == 0) return {};
            const QString difference = schema_check::differences(db, version);
            if (!difference.isEmpty())
                return difference + QStringLiteral(" (the file was left unchanged)");
            const QString cell = schema_check::badlyTypedCell(db);
            if (!cell.isEmpty()) return QStringLiteral("the workspace is damaged: %1").arg(cell);
            return {};
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (busy) throw DatabaseFailure(path, refusal);
    if (!refusal.isEmpty()) {
        // The verdict is about the file's content, so no Headroom writes to it; the journal files
        // a read-only look made are empty of data. One that holds data (someone else's session)
        // is never removed.
        const QFileInfo wal(path + QStringLiteral("-wal"));
        if (!journalsBefore.contains(QStringLiteral("-wal")) && (!wal.exists() || wal.size() == 0))
            for (const char* suffix : kJournalSuffixes)
                if (!journalsBefore.contains(QLatin1String(suffix))) QFile::remove(path + QLatin1String(suffix));
        throw InputError(path, refusal);
    }
    return version;
}

// The process id in a staging name "<file>.new-<pid>-<uuid>[-wal|-shm]", 0 when there is none.
pid_t stagingOwner(const QString& suffixAfterNew)
{
    bool ok = false;
    const qint64 pid = suffixAfterNew.section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
    return ok && pid > 0 ? pid_t(pid) : 0;
}

QMutex closeFailureMutex;
QString unreportedCloseFailure;

}  // namespace

Workspace::Workspace(QString path)
    : connectionPrefix_(QStringLiteral("ws-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      path_(std::move(path))
{
}

Workspace::~Workspace()
{
    try {
        close();
    } catch (const RuntimeFailure& e) {
        const QMutexLocker lock(&closeFailureMutex);
        unreportedCloseFailure = e.text();
    }
}

void Workspace::close()
{
    if (closed_) return;
    closed_ = true;
    QString failure;
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString& name : names) {
        if (!name.startsWith(connectionPrefix_)) continue;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                if (failure.isEmpty()) {
                    // One checkpoint writes the whole journal into the file and empties it. It
                    // reports "busy" (not an error) while another process still uses the file;
                    // that process checkpoints when it closes.
                    QSqlQuery q(db);
                    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
                        failure = sql::describeError(q.lastError());
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (!failure.isEmpty())
        throw DatabaseFailure(path_, QStringLiteral("the changes could not be written into the workspace file (%1). "
                                                    "They are kept in %2-wal beside it; keep both files together until "
                                                    "a later Headroom command on this workspace succeeds")
                                         .arg(failure, QFileInfo(path_).fileName()));
}

QString Workspace::takeCloseFailure()
{
    const QMutexLocker lock(&closeFailureMutex);
    return std::exchange(unreportedCloseFailure, QString());
}

void Workspace::removeStaleStagingFiles(const QString& path)
{
    const QFileInfo info(path);
    const QString prefix = info.fileName() + QStringLiteral(".new-");
    const QDir dir = info.absoluteDir();
    const QStringList entries = dir.entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& entry : entries) {
        const pid_t owner = stagingOwner(entry.mid(prefix.size()));
        const bool ownerAlive = owner > 0 && (::kill(owner, 0) == 0 || errno == EPERM);
        // Names without an owner come from older versions; they are stale after a minute.
        const bool old = owner == 0 && QFileInfo(dir.filePath(entry)).lastModified().secsTo(QDateTime::currentDateTime()) > 60;
        if ((owner > 0 && !ownerAlive) || old) QFile::remove(dir.filePath(entry));
    }
}

bool Workspace::createAtomically(const QString& path)
{
    // Build the whole schema in a private file and link it into place, so a second process
    // creating the same workspace at the same moment finds either nothing or a complete file.
    // The staging name carries our process id, so a later run can tell a creation that was
    // killed half-way (its files are removed) from one that is still going on.
    const QString staging = QStringLiteral("%1.new-%2-%3")
                                .arg(path)
                                .arg(qint64(::getpid()))
                                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    try {
        std::unique_ptr<Workspace> fresh(new Workspace(staging));
        {
            const QSqlDatabase db = fresh->database();
            sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
            migrations::apply(db, 0, migrations::latestVersion());
        }
        fresh->close();
    } catch (...) {
        for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(staging + QLatin1String(suffix));
        throw;
    }
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
    if (info.exists() && !info.isFile())
        throw InputError(path, QStringLiteral("is not a regular file (a device, FIFO or socket); expected a workspace file"));
    const QString folder = info.absolutePath();
    if (!info.exists()) {
        if (create == Create::Never) throw InputError(path, QStringLiteral("no such workspace file"));
        if (!info.absoluteDir().exists())
            throw InputError(path, QStringLiteral("the folder %1 does not exist").arg(folder));
    }
    // SQLite keeps its journal (-wal, -shm) beside the file, so the folder must be writable even
    // to open an existing workspace; say so instead of letting it look like a damaged file.
    if (::access(QFile::encodeName(folder).constData(), W_OK | X_OK) != 0)
        throw InputError(path, QStringLiteral("the folder %1 is read-only; Headroom keeps its journal beside the "
                                              "workspace and needs to write there (copy the workspace to a "
                                              "writable folder)").arg(folder));
    removeStaleStagingFiles(path);
    bool createdNow = false;
    if (!info.exists()) createdNow = createAtomically(path);
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
        qCInfo(logStore).noquote() << QStringLiteral("%1: schema %2 -> %3%4").arg(path).arg(version).arg(latest)
                                          .arg(ws->backupPath_.isEmpty() ? QString() : QStringLiteral(", backup ") + ws->backupPath_);
    } else {
        qCInfo(logStore).noquote() << QStringLiteral("%1: %2, schema %3").arg(path, createdNow ? QStringLiteral("created") : QStringLiteral("opened")).arg(version);
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
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open()) throw RuntimeFailure(describeOpenFailure(path_, db.lastError().text()));
    sql::makeDefensive(db);
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
