#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace headroom {
class Catalog;
class Workspace;
struct Scenario;
}

namespace headroom::runs {

enum class RunKind { Simulate, Recommend, Validate };
QString runKindName(RunKind kind);  // "simulate", "recommend", "validate"

// The layout of the stored `detail` (simulation_codec.h, recommendation_codec.h). Raise it when
// a field is added to the structs the codecs write, so results stored before are recomputed.
constexpr int kResultFormat = 3;

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

// The key of a run of `kind` on `scenario` in `ws`, with this program's version.
RunKey makeRunKey(RunKind kind, const Scenario& scenario, quint64 seed, int replications, const QJsonObject& options,
                  const Catalog& catalog, const Workspace& ws);

QByteArray canonicalScenarioJson(const Scenario& scenario);
QString catalogFingerprint(const Catalog& catalog);
// Conservative on purpose: a run depends on every dataset of the workspace, so importing,
// re-importing or deleting any of them makes stored results stale. Which datasets a scenario,
// a calibration or a report reads is decided deep inside the models; missing one would be
// worse than recomputing.
QString datasetsFingerprint(const Workspace& ws);

}  // namespace headroom::runs
