#pragma once
#include "sim/simulator.h"
#include "store/run_record.h"

#include <QFuture>
#include <QString>
#include <atomic>
#include <optional>

namespace headroom {
class Catalog;
class Workspace;
struct Scenario;
}  // namespace headroom

namespace headroom::runs {

// The scenario as written, simulated beside a recommendation of it and kept in the store under
// the key `headroom simulate` and `headroom report` ask for (the scenario's seed and
// replications), so that a report made right after the recommendation simulates nothing: its
// "scenario as written" section, executive summary and method come from this run.
//
// start() hands it to the program's thread pool. A recommendation starts it once its answer is
// stored, or once its ranking is settled when it runs no what-ifs, so that it never slows the
// answer. Nothing is simulated when the store already holds it, or when the scenario as written
// cannot be simulated on its own (a type the catalog does not have, a trace of another
// workspace): the recommendation does not need it.
class AsWrittenRun {
public:
    AsWrittenRun(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const QString& fileName,
                 const std::atomic<bool>* cancel);
    void start();  // once; nothing when there is nothing to simulate
    ~AsWrittenRun();  // waits for the simulation (the recommendation failed or was cancelled)
    AsWrittenRun(const AsWrittenRun&) = delete;
    AsWrittenRun& operator=(const AsWrittenRun&) = delete;

    // Starts it if start() was not called, waits for it and stores it (on the calling thread,
    // which owns the workspace's connection). Returns the stored run's id, or nothing when there
    // was nothing to keep.
    std::optional<qint64> keep(const QString& madeFor);

private:
    const Workspace& ws_;
    std::optional<ResolvedScenario> scenario_;
    SimulationOptions options_;
    QFuture<SimulationResult> running_;
    RunKey key_;  // what it is stored under, worked out once with the inputs it simulates
    double wallS_ = 0;
};

// The options `headroom simulate SCENARIO` and `headroom report` run the scenario as written
// with when given no --seed and no --replications.
SimulationOptions asWrittenOptions(const Scenario& scenario);

}  // namespace headroom::runs
