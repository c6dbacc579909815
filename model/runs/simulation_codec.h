#pragma once
#include "sim/simulator.h"

#include <QJsonObject>

namespace headroom::runs {

// A simulation result as stored in a run: every field, exactly, so that a result read back is
// the result that was computed (toJson() of sim/ is the command line's view and leaves fields
// out). Missing keys read as the struct's defaults.
QJsonObject encodeSimulation(const SimulationResult& result);
SimulationResult decodeSimulation(const QJsonObject& object);

}  // namespace headroom::runs
