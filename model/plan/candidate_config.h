#pragma once
#include "catalog/instance_type.h"
#include "recommend_options.h"
#include "scenario/scenario.h"

#include <QVector>

namespace headroom {

class Catalog;

// What the recommender varies: the instance type and the node count (a fixed fleet) or the
// minimum and maximum around the scenario's own autoscaling policy.

// True when the scenario scales (a policy other than "none").
bool autoscales(const Scenario& scenario);
// The JSON name of the scenario's policy ("none" for a fixed fleet).
QString policyName(const Scenario& scenario);

// Empty when the filters name only known providers and instance types, else what is wrong
// (for a usage error).
QString filterProblem(const Catalog& catalog, const RecommendOptions& options);
// The catalog's instance types passing the provider and instance-type filters, in catalog
// order. Throws InputError("--providers"/"--instance-types", …) for unknown names.
QVector<InstanceType> candidateTypes(const Catalog& catalog, const RecommendOptions& options);

// A copy of `base` on `type`: a fixed fleet of `nodes`, or (when the base autoscales) minimum
// `nodes`, maximum `maxNodes`, starting with `initialNodes` (clamped to the range; 0 = the minimum).
// CPU times keep meaning what they meant: when the base names no reference machine, the base's
// own instance type becomes the reference, so catalog CPU scores scale them.
Scenario withConfiguration(const Scenario& base, const InstanceType& type, int nodes, int maxNodes,
                           int initialNodes = 0);

}  // namespace headroom
