#pragma once
#include "scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace headroom {

// Reads a `headroom.scenario/1` document. Every wrong type, missing key, unknown key and value
// out of range throws InputError("FILE: $.json.path", "expected …"); JSON syntax errors name
// FILE:LINE:COL. Nothing is defaulted silently except what DESIGN §7 says may be left out.
Scenario parseScenario(const QByteArray& bytes, const QString& fileName);
Scenario parseScenarioObject(const QJsonObject& root, const QString& fileName);
// Reads the file; an unreadable file is an InputError naming it.
Scenario loadScenarioFile(const QString& path);

}  // namespace headroom
