#pragma once
#include "run_key.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>
#include <vector>

namespace headroom {
class Workspace;
}

namespace headroom::runs {

// One row of the workspace's `run` table.
struct StoredRun {
    qint64 id = 0;
    RunKind kind = RunKind::Simulate;
    QString keySha256;
    QString scenarioName;
    quint64 seed = 0;
    int replications = 0;
    QJsonObject options;
    QString programVersion;
    QDateTime startedAt;       // UTC
    QDateTime finishedAt;      // UTC
    double wallS = 0;
    QString headline;          // "aws/c6i.large × 3, $183.96/month", "p95 41.2 ms, SLO met"
    QJsonObject result;        // what `headroom <kind> --json` prints
    QJsonObject detail;        // the exact result, for reuse (empty for validations)

    // "made at 17:05 on 2026-11-26 by Headroom 0.4.0", in local time.
    QString madeAtText() const;
};

// Stores a finished run; returns its id.
qint64 saveRun(const Workspace& ws, const RunKey& key, const QDateTime& startedAt, double wallS, const QString& headline,
               const QJsonObject& result, const QJsonObject& detail);
// The newest stored run with exactly this key, with its result and detail, if any.
std::optional<StoredRun> findRun(const Workspace& ws, const RunKey& key);
std::optional<StoredRun> runById(const Workspace& ws, qint64 id);
// Every stored run, newest first, without result and detail (they can be large).
std::vector<StoredRun> listRuns(const Workspace& ws);
// Returns false when there is no run with this id.
bool deleteRun(const Workspace& ws, qint64 id);

}  // namespace headroom::runs
