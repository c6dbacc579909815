#pragma once
#include "sim/simulator.h"

#include <QFuture>
#include <QString>
#include <optional>

namespace headroom::runs {

// Simulations under way in this program that will be stored when they end, by the place they
// will be stored under (the workspace's path and the run key's digest). The scenario as written
// is simulated after a recommendation's answer is shown; a report asked for in the meantime
// waits for that run instead of simulating the same inputs a second time beside it.
void addRunInFlight(const QString& where, const QFuture<SimulationResult>& running);
void removeRunInFlight(const QString& where);
std::optional<QFuture<SimulationResult>> runInFlight(const QString& where);

}  // namespace headroom::runs
