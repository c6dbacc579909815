#pragma once
#include "store/run_record.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace headroom {
class Catalog;
class Workspace;
struct Scenario;
}

namespace headroom::runs {

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
