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
    : ws_(ws)
{
    try {
        scenario_ = resolveScenario(scenario, catalog, &ws, fileName);
    } catch (const InputError&) {
        return;  // the recommendation reports what it cannot plan; this run is only a convenience
    }
    options_ = asWrittenOptions(scenario_->doc);
    options_.cancel = cancel;
    key_ = simulationKey(ws, catalog, scenario_->doc, options_);
    if (findRun(ws, key_)) scenario_.reset();
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
    addRunInFlight(whereStored(ws_, key_), running_);
}

AsWrittenRun::~AsWrittenRun()
{
    if (!running_.isValid()) return;
    removeRunInFlight(whereStored(ws_, key_));
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
    // Off the list of runs under way (runs_in_flight.h) however this ends: stored, failed or
    // cancelled. Whoever waited for it then finds it in the store, or simulates it.
    struct OffTheList {
        QString where;
        ~OffTheList() { removeRunInFlight(where); }
    } offTheList{whereStored(ws_, key_)};
    SimulationResult result;
    try {
        result = running.result();  // rethrows what the simulation threw
    } catch (const Cancelled&) {
        throw;
    } catch (const std::exception&) {
        return std::nullopt;  // too large to simulate whole, say: the recommendation stands without it
    }
    if (findRun(ws_, key_)) return std::nullopt;  // kept meanwhile by another program on the same workspace
    return saveRun(ws_, key_, started.addMSecs(-qint64(wallS_ * 1000)), wallS_,
                   QStringLiteral("%1 (beside %2)").arg(simulationHeadline(result), madeFor), toJson(result),
                   encodeSimulation(result));
}

}  // namespace headroom::runs
