#pragma once
#include "scenario_key.h"

namespace headroom::scenario_keys::hooks {

// The structured parts of the document that the table names but that are read and written by
// hand: each pair is one table entry's ReadHook and WriteHook. A read hook is called when the
// key is present or applies; it reports a missing required key itself.
void readSchema(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeSchema(const Key& k, const Scenario& s);
void readSeed(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeSeed(const Key& k, const Scenario& s);
void readProfilePoints(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeProfilePoints(const Key& k, const Scenario& s);
void readTraceDataset(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeTraceDataset(const Key& k, const Scenario& s);
void readInstanceType(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeInstanceType(const Key& k, const Scenario& s);
void readSpeedEvidence(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeSpeedEvidence(const Key& k, const Scenario& s);
void readScalingSteps(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeScalingSteps(const Key& k, const Scenario& s);
void readSchedule(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeSchedule(const Key& k, const Scenario& s);
void readComparePolicies(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeComparePolicies(const Key& k, const Scenario& s);
void readBootTime(const Key& k, const ObjectReader& r, Scenario& s);
QJsonValue writeBootTime(const Key& k, const Scenario& s);

}  // namespace headroom::scenario_keys::hooks
