#pragma once
#include "scenario_key.h"

#include <QJsonObject>

namespace headroom::scenario_keys {

// The parser and the writer of the document, walking the key table. `sectionPath` "" is the
// document itself; errors name the JSON path below `at`.
void readSection(const QString& sectionPath, const json::Path& at, const QJsonValue& value, Scenario& s);
QJsonObject writeSection(const QString& sectionPath, const Scenario& s);

// The key's value in `s` as JSON (Undefined for an optional key that is not set). Not for
// Custom keys.
QJsonValue valueJson(const Key& k, const Scenario& s);
// What a missing key's error says was expected: "expected an integer ≥ 1".
QString expectedText(const Key& k);

}  // namespace headroom::scenario_keys
