#pragma once
#include <QByteArray>
#include <QString>

#include <QDateTime>
#include <QJsonObject>
#include <optional>
#include <vector>

namespace headroom {
class Workspace;
}

namespace headroom::runs {

// A stored run (DESIGN §3 `run`): the key of what it computed and what it found. The key is
// made from a scenario, a catalog and the workspace's datasets in runs/run_key.h.

enum class RunKind { Simulate, Recommend, Validate };
QString runKindName(RunKind kind);  // "simulate", "recommend", "validate"

// The layout of the stored `detail` (simulation_codec.h, recommendation_codec.h). Raise it when
// a field is added to the structs the codecs write, so results stored before are recomputed.
constexpr int kResultFormat = 6;

// Everything a result depends on (DESIGN §3 `run`). Two runs with equal digests computed the
// same thing; any input that differs (a value in the scenario, the seed, a catalog row, a
// dataset imported again or removed, an option, the program version) gives another digest, so
// a stored result is never taken for inputs it was not computed from.
struct RunKey {
    RunKind kind = RunKind::Simulate;
    QString scenarioName;
    QByteArray scenarioJson;   // canonical: the parsed document written back, keys sorted, compact
    QString scenarioSha256;
    quint64 seed = 0;
    int replications = 0;
    QJsonObject options;       // what else steers the computation (filters, confidence, datasets …)
    QString catalogSha256;     // the instance types, boot times and currency rate the run reads
    QString datasetsSha256;    // every dataset of the workspace: id, content hash, import time
    QString programVersion;
    int resultFormat = kResultFormat;

    QString digest() const;    // sha256, hex
};


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
// What the run with this id was computed from (its key's scenario, catalog and dataset digests
// and its result format); absent when there is no such run.
struct RunInputs {
    QString scenarioSha256;
    QString catalogSha256;
    QString datasetsSha256;
    int resultFormat = 0;
};
std::optional<RunInputs> runInputs(const Workspace& ws, qint64 id);
// Every stored run, newest first, without result and detail (they can be large).
std::vector<StoredRun> listRuns(const Workspace& ws);
// Returns false when there is no run with this id.
bool deleteRun(const Workspace& ws, qint64 id);

}  // namespace headroom::runs
