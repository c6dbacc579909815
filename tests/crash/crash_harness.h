#pragma once
// Helpers for the crash-safety tests: run the real headroom binary in a child process, kill it
// with SIGKILL at a chosen moment, and inspect the workspace it was writing with plain SQLite
// connections (never through the code under test).
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace headroom::crash {

// The headroom executable of this build tree.
QString headroomExe();

// Environment for a child: HOME and XDG folders inside `home`, so nothing touches the user's files.
QProcessEnvironment isolatedEnvironment(const QString& home);

struct RunResult {
    bool killed = false;     // we sent SIGKILL before it finished
    int exitCode = -1;       // valid when !killed and it exited normally
    bool crashed = false;    // it died of a signal we did not send
    qint64 elapsedMs = 0;
    qint64 fileGrewMs = -1;  // when KillPlan::afterFileGrows first held data, -1 if it never did
    QByteArray out;
    QByteArray err;
};

// When to send SIGKILL: `afterMs` after the start, or, with `afterFileGrows` set, `afterMs` after
// that file first holds data (e.g. the workspace's -wal file: the write transaction has begun).
struct KillPlan {
    int afterMs = 0;
    QString afterFileGrows;
};

// Runs headroom with `args`; with a kill plan, kills it with SIGKILL at that moment if it is still
// running. Fails the current test when the program cannot be started.
RunResult runHeadroom(const QStringList& args, const QString& home, std::optional<KillPlan> kill = std::nullopt,
                      int timeoutMs = 300000);
inline RunResult runHeadroom(const QStringList& args, const QString& home, int killAfterMs)
{
    return runHeadroom(args, home, KillPlan{killAfterMs, {}});
}

// "ok" or the first problem PRAGMA integrity_check reports (a leftover WAL is recovered first,
// as any SQLite reader would).
QString integrityCheck(const QString& databasePath);

// Row counts of the tables an import writes.
struct StoredCounts {
    qint64 datasets = 0;
    qint64 measurements = 0;
    qint64 series = 0;
    qint64 samples = 0;
    qint64 leadTimeEvents = 0;
    bool operator==(const StoredCounts&) const = default;
};
StoredCounts storedCounts(const QString& databasePath);
// Per dataset, by its file name: how many measurements and samples it owns.
struct DatasetRows {
    QString name;
    qint64 measurements = 0;
    qint64 samples = 0;
};
std::vector<DatasetRows> datasetRows(const QString& databasePath);
int userVersion(const QString& databasePath);
bool hasTable(const QString& databasePath, const QString& table);

// Copies a (closed) workspace file to `to`, replacing it.
void copyFile(const QString& from, const QString& to);

// Writes a long-format CSV (time,node,metric,value) of nodes × metrics × times rows; returns the
// number of data rows.
qint64 writeLongCsv(const QString& path, int nodes, int metrics, int times);

}  // namespace headroom::crash
