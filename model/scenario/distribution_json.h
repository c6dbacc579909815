#pragma once
#include "core/json_input.h"
#include "scenario.h"

#include <QJsonValue>

namespace headroom::scenario_json {

// A distribution in the scenario document: a bare number (a constant) or {"dist": …} with the
// keys its kind takes. Its values are durations, so never negative. Errors name the JSON path.
Distribution readDistribution(const json::Path& path, const QJsonValue& v);
// The JSON form readDistribution reads back to the same Distribution (a bare number stays bare).
QJsonValue distributionToJson(const Distribution& d);

}  // namespace headroom::scenario_json
