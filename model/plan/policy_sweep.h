#pragma once
#include "scenario/scenario.h"

#include <QString>
#include <vector>

namespace headroom {

struct InstanceType;

// The autoscaling policies a recommendation compares (DESIGN §12: a sweep dimension): the
// scenario's own `autoscaling`, then each of its `compare_policies`. Every instance type is a
// candidate under each policy; the answer names the policy as well as the type.
struct PolicyVariant {
    QString label;   // the row's "policy": "target_tracking", or "target_tracking@0.5" when compared
    Scenario doc;    // the scenario under this policy alone
};

// One variant (the scenario as it is, labelled by its policy name) when there is nothing to
// compare. Throws InputError (`fileName: $.compare_policies[i].policy`) for a compared policy
// "none": only autoscaling policies are compared with each other.
std::vector<PolicyVariant> policyVariants(const Scenario& scenario, const QString& fileName);

// "aws/c6i.large" alone, "aws/c6i.large|target_tracking@0.5" when policies are compared: the id
// that names a candidate's seed and shard (candidate_hash.h).
QString candidateId(const QString& typeKey, const QString& policyLabel, bool policiesCompared);

}  // namespace headroom
