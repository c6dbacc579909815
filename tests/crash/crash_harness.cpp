#include "crash_harness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <gtest/gtest.h>

namespace headroom::crash {

namespace {

// Runs `body` on a private connection that is closed and removed afterwards.
template <typename Body>
auto withConnection(const QString& path, Body&& body)
{
    const QString name = QStringLiteral("crash-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    struct Remover {
        QString name;
        ~Remover() { QSqlDatabase::removeDatabase(name); }
    } remover{name};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=20000"));
    if (!db.open()) ADD_FAILURE() << "cannot open " << path.toStdString() << ": " << db.lastError().text().toStdString();
    auto result = body(db);
    db.close();
    db = QSqlDatabase();
    return result;
}

qint64 count(QSqlDatabase& db, const QString& table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next()) {
        ADD_FAILURE() << "cannot count " << table.toStdString() << ": " << q.lastError().text().toStdString();
        return -1;
    }
    return q.value(0).toLongLong();
}

}  // namespace

QString headroomExe() { return QStringLiteral(HEADROOM_BINARY_DIR "/app/headroom"); }

QProcessEnvironment isolatedEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QDir().mkpath(home);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

RunResult runHeadroom(const QStringList& args, const QString& home, std::optional<KillPlan> kill, int timeoutMs)
{
    RunResult r;
    if (!QFile::exists(headroomExe())) {
        ADD_FAILURE() << "headroom binary missing at " << headroomExe().toStdString() << " (build the headroom target)";
        return r;
    }
    QProcess p;
    p.setProcessEnvironment(isolatedEnvironment(home));
    QElapsedTimer clock;
    clock.start();
    p.start(headroomExe(), args);
    if (!p.waitForStarted(30000)) {
        ADD_FAILURE() << "cannot start headroom: " << p.errorString().toStdString();
        return r;
    }
    if (kill) {
        qint64 from = 0;
        if (!kill->afterFileGrows.isEmpty()) {
            // Poll in small steps; the process may also finish before the file ever grows.
            while (QFileInfo(kill->afterFileGrows).size() == 0 && p.state() != QProcess::NotRunning)
                p.waitForFinished(2);
            from = clock.elapsed();
            if (QFileInfo(kill->afterFileGrows).size() > 0) r.fileGrewMs = from;
        }
        const qint64 left = from + kill->afterMs - clock.elapsed();
        if (p.state() != QProcess::NotRunning && (left <= 0 || !p.waitForFinished(int(left)))) {
            if (p.state() != QProcess::NotRunning) {
                p.kill();  // SIGKILL on Unix: no handler, no cleanup, like a power cut for the process
                r.killed = true;
            }
        }
    }
    // waitForFinished() is false for a process that already ended, so ask the state first.
    if (p.state() != QProcess::NotRunning && !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        ADD_FAILURE() << "headroom " << args.join(QLatin1Char(' ')).toStdString() << " did not finish in "
                      << timeoutMs << " ms";
    }
    r.elapsedMs = clock.elapsed();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!r.killed) {
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.exitCode = p.exitCode();
    }
    return r;
}

QString integrityCheck(const QString& databasePath)
{
    return withConnection(databasePath, [](QSqlDatabase& db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) return q.lastError().text();
        QStringList problems;
        while (q.next()) problems << q.value(0).toString();
        return problems.join(QStringLiteral("; "));
    });
}

StoredCounts storedCounts(const QString& databasePath)
{
    return withConnection(databasePath, [](QSqlDatabase& db) {
        StoredCounts c;
        c.datasets = count(db, QStringLiteral("dataset"));
        c.measurements = count(db, QStringLiteral("measurement"));
        c.series = count(db, QStringLiteral("series"));
        c.samples = count(db, QStringLiteral("sample"));
        c.leadTimeEvents = count(db, QStringLiteral("lead_time_event"));
        return c;
    });
}

std::vector<DatasetRows> datasetRows(const QString& databasePath)
{
    return withConnection(databasePath, [](QSqlDatabase& db) {
        std::vector<DatasetRows> rows;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "SELECT d.name, (SELECT count(*) FROM measurement m WHERE m.dataset_id = d.id), "
                "(SELECT count(*) FROM sample x JOIN series s ON s.id = x.series_id WHERE s.dataset_id = d.id) "
                "FROM dataset d ORDER BY d.id"))) {
            ADD_FAILURE() << q.lastError().text().toStdString();
            return rows;
        }
        while (q.next()) rows.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
        return rows;
    });
}

int userVersion(const QString& databasePath)
{
    return withConnection(databasePath, [](QSqlDatabase& db) {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
    });
}

bool hasTable(const QString& databasePath, const QString& table)
{
    return withConnection(databasePath, [&](QSqlDatabase& db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(table);
        return q.exec() && q.next() && q.value(0).toInt() == 1;
    });
}

void copyFile(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) QFile::remove(to + suffix);
    if (!QFile::copy(from, to)) ADD_FAILURE() << "cannot copy " << from.toStdString() << " to " << to.toStdString();
}

qint64 writeLongCsv(const QString& path, int nodes, int metrics, int times)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        ADD_FAILURE() << "cannot write " << path.toStdString();
        return 0;
    }
    f.write("time,node,metric,value\n");
    QByteArray chunk;
    qint64 rows = 0;
    const qint64 start = 1764115200;  // 2025-11-26T00:00:00Z, epoch seconds
    for (int t = 0; t < times; ++t) {
        for (int n = 0; n < nodes; ++n) {
            for (int m = 0; m < metrics; ++m) {
                // Values vary with all three indices so no two series are alike.
                chunk += QByteArray::number(start + 15 * t) + ",node-" + QByteArray::number(n) + ",app.metric_" +
                         QByteArray::number(m) + ',' + QByteArray::number((t * 7 + n * 13 + m * 29) % 1000 / 10.0) + '\n';
                ++rows;
            }
        }
        if (chunk.size() > (1 << 20)) {
            f.write(chunk);
            chunk.clear();
        }
    }
    f.write(chunk);
    return rows;
}

}  // namespace headroom::crash
