#pragma once
#include "scenario.h"

#include <QByteArray>
#include <QJsonObject>

namespace headroom {

// Writes a scenario back as `headroom.scenario/1` JSON. Reading the output with parseScenario
// gives the same Scenario; keys at their defaults that the document may leave out are written
// anyway where that makes the file easier to edit by hand.
QJsonObject scenarioToJson(const Scenario& scenario);
QByteArray writeScenario(const Scenario& scenario);  // indented, UTF-8
// Writes to a temporary file and renames it, so a failure leaves the old file intact.
void saveScenarioFile(const Scenario& scenario, const QString& path);

}  // namespace headroom
