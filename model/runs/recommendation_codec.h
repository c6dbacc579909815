#pragma once
#include "plan/recommendation.h"

#include <QJsonObject>

namespace headroom::runs {

// A recommendation as stored in a run: every field of every candidate, exactly, so that the
// report and the pages draw from the stored answer what they would draw from a fresh one
// (recommendationToJson() is the command line's rounded view and leaves fields out).
// When a field is added to these structs, add it here and raise kResultFormat (store/run_record.h), so
// that older stored results are not read as if they had it; tests/runs checks the sizes.
QJsonObject encodeRecommendation(const Recommendation& recommendation);
Recommendation decodeRecommendation(const QJsonObject& object);

QJsonObject encodeInstanceType(const InstanceType& type);
// One evaluation, exactly (also the unit of a sharded recommendation's part file).
QJsonObject encodeEvaluation(const Evaluation& evaluation);
Evaluation decodeEvaluation(const QJsonObject& object);
InstanceType decodeInstanceType(const QJsonObject& object);

}  // namespace headroom::runs
