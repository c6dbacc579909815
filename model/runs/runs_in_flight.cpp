#include "runs_in_flight.h"

#include <QHash>
#include <mutex>

namespace headroom::runs {

namespace {

std::mutex& lock()
{
    static std::mutex m;
    return m;
}

QHash<QString, QFuture<SimulationResult>>& running()
{
    static QHash<QString, QFuture<SimulationResult>> runs;
    return runs;
}

}  // namespace

void addRunInFlight(const QString& where, const QFuture<SimulationResult>& future)
{
    const std::lock_guard<std::mutex> guard(lock());
    running().insert(where, future);
}

void removeRunInFlight(const QString& where)
{
    const std::lock_guard<std::mutex> guard(lock());
    running().remove(where);
}

std::optional<QFuture<SimulationResult>> runInFlight(const QString& where)
{
    const std::lock_guard<std::mutex> guard(lock());
    const auto it = running().constFind(where);
    if (it == running().constEnd()) return std::nullopt;
    return *it;
}

}  // namespace headroom::runs
