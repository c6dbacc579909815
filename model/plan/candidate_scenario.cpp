#include "candidate_scenario.h"

#include "candidate_config.h"
#include "candidate_hash.h"
#include "policy_sweep.h"

namespace headroom {

Scenario candidateScenario(const Scenario& scenario, const CandidateResult& candidate)
{
    const std::vector<PolicyVariant> variants = policyVariants(scenario, QString());
    const bool several = variants.size() > 1;
    const PolicyVariant* chosen = &variants.front();
    for (const PolicyVariant& v : variants)
        if (v.label == candidate.policy) chosen = &v;
    const int nodes = candidate.chosen ? candidate.chosen->nodes : candidate.nodesMin();
    const int nodesMax = candidate.chosen ? candidate.chosen->nodesMax : candidate.nodesMax();
    Scenario doc = withConfiguration(chosen->doc, candidate.type, nodes, nodesMax);
    doc.seed = candidateSeed(scenario.seed, candidateId(candidate.type.key(), chosen->label, several));
    return doc;
}

}  // namespace headroom
