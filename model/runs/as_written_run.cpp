#include "as_written_run.h"

#include "runs_in_flight.h"
#include "simulation_codec.h"
#include "stored_results.h"

#include "core/errors.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace headroom::runs {

SimulationOptions asWrittenOptions(const Scenario& scenario)
{
    SimulationOptions o;
    o.seed = scenario.seed;
    return o;
}

AsWrittenRun::AsWrittenRun(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const QString& fileName,
                           const std::atomic<bool>* cancel)
    : ws_(ws), catalog_(catalog)
{
    try {
        scenario_ = resolveScenario(scenario, catalog, &ws, fileName);
    } catch (const InputError&) {
        return;  // the recommendation reports what it cannot plan; this run is only a convenience
    }
    options_ = asWrittenOptions(scenario_->doc);
    options_.cancel = cancel;
    const RunKey key = simulationKey(ws, catalog, scenario_->doc, options_);
    if (findRun(ws, key)) scenario_.reset();
    else where_ = whereStored(ws, key);
}

void AsWrittenRun::start()
{
    if (!scenario_ || running_.isValid()) return;
    // The scenario is copied into the task: the caller's may go before the pool starts it.
    running_ = QtConcurrent::run(QThreadPool::globalInstance(), [scenario = *scenario_, options = options_, this] {
        QElapsedTimer clock;
        clock.start();
        SimulationResult result = simulate(scenario, options);
        wallS_ = double(clock.nsecsElapsed()) / 1e9;
        return result;
    });
    addRunInFlight(where_, running_);
}

AsWrittenRun::~AsWrittenRun()
{
    if (!running_.isValid()) return;
    removeRunInFlight(where_);
    // Reached while an exception unwinds (the recommendation was cancelled, or failed): waiting
    // must not throw the simulation's own exception on top of it.
    try {
        running_.waitForFinished();
    } catch (...) {
    }
}

std::optional<qint64> AsWrittenRun::keep(const QString& madeFor)
{
    start();
    if (!scenario_ || !running_.isValid()) return std::nullopt;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const QFuture<SimulationResult> running = std::exchange(running_, {});
    SimulationResult result;
    try {
        result = running.result();  // rethrows what the simulation threw
    } catch (const Cancelled&) {
        removeRunInFlight(where_);
        throw;
    } catch (const std::exception&) {
        removeRunInFlight(where_);
        return std::nullopt;  // too large to simulate whole, say: the recommendation stands without it
    }
    // Whoever waited for it (runs_in_flight.h) finds it stored from here on.
    struct Done {
        QString where;
        ~Done() { removeRunInFlight(where); }
    } done{where_};
    const RunKey key = simulationKey(ws_, catalog_, scenario_->doc, options_);
    if (findRun(ws_, key)) return std::nullopt;  // kept meanwhile by another program on the same workspace
    return saveRun(ws_, key, started.addMSecs(-qint64(wallS_ * 1000)), wallS_,
                   QStringLiteral("%1 (beside %2)").arg(simulationHeadline(result), madeFor), toJson(result),
                   encodeSimulation(result));
}

}  // namespace headroom::runs
