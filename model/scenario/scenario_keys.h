#pragma once
#include "scenario_key.h"

#include <vector>

namespace headroom::scenario_keys {

// Every key of `headroom.scenario/1`, parents before their children, in the order the parser
// reads them (a key may depend on keys read before it).
const std::vector<Key>& scenarioKeys();
const Key* findScenarioKey(const QString& path);
// The keys directly inside the object at `sectionPath` ("" = the document itself).
std::vector<const Key*> childKeys(const QString& sectionPath);
// A scenario with every section switched on and every key at its default: where the table's
// defaults come from, so each default is written once, in scenario.h.
const Scenario& defaultScenario();

}  // namespace headroom::scenario_keys
