#pragma once
#include "scenario/scenario_key.h"

#include <QJsonObject>
#include <QJsonValue>
#include <vector>

namespace headroom::test {

// Documents edited key by key through the key table, for tests that go over every key.

// The value at a dotted path ("cluster.noisy_neighbour.slowdown"); Undefined when absent.
QJsonValue valueAt(const QJsonObject& root, const QString& path);
// Sets (Undefined: removes) the value at a dotted path, creating objects on the way.
QJsonObject withValue(QJsonObject root, const QString& path, const QJsonValue& v);

// Makes `root` a document in which key `k` applies: its enclosing objects exist and hold what
// the key needs ("traffic.rate_rps" needs "kind": "poisson").
QJsonObject makeRoomFor(QJsonObject root, const scenario_keys::Key& k, const Scenario& parsedRoot);
// Fills the required keys that apply in the object at `sectionPath` and are absent, and drops
// the keys that are refused there, so that what a test changed is the only thing in question.
QJsonObject completed(QJsonObject root, const QString& sectionPath, const Scenario& parsedRoot);

// Values of `k` that differ from `current` and from its default and are in its range, most
// plausible first (the test takes the first that makes a valid document with its neighbours).
std::vector<QJsonValue> otherValues(const scenario_keys::Key& k, const QJsonValue& current, const Scenario& parsedRoot);
// A value just outside the key's range; Undefined when any number is allowed.
QJsonValue outOfRange(const scenario_keys::Key& k, const Scenario& parsedRoot);

bool sameJson(const QJsonValue& a, const QJsonValue& b);  // numbers compare by value

}  // namespace headroom::test
