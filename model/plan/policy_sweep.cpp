#include "policy_sweep.h"

#include "candidate_config.h"
#include "core/errors.h"

#include <QSet>

namespace headroom {

namespace {

// What tells compared policies apart at a glance: the policy, and the target it tracks.
QString describe(const Scenario& doc)
{
    const QString name = policyName(doc);
    const Autoscaling& a = *doc.autoscaling;
    if (a.policy == Autoscaling::Policy::TargetTracking || a.policy == Autoscaling::Policy::KubernetesHpa)
        return QStringLiteral("%1@%2").arg(name, QString::number(a.target));
    return name;
}

}  // namespace

std::vector<PolicyVariant> policyVariants(const Scenario& scenario, const QString& fileName)
{
    if (scenario.comparePolicies.empty()) return {PolicyVariant{policyName(scenario), scenario}};
    std::vector<Autoscaling> all{*scenario.autoscaling};
    all.insert(all.end(), scenario.comparePolicies.begin(), scenario.comparePolicies.end());
    std::vector<PolicyVariant> out;
    QSet<QString> seen;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].policy == Autoscaling::Policy::None)
            throw InputError(i == 0 ? fileName + QStringLiteral(": $.autoscaling.policy")
                                    : fileName + QStringLiteral(": $.compare_policies[%1].policy").arg(i - 1),
                             QStringLiteral("expected an autoscaling policy: policies other than \"none\" are compared"));
        PolicyVariant v;
        v.doc = scenario;
        v.doc.autoscaling = all[i];
        v.doc.comparePolicies.clear();
        v.label = describe(v.doc);
        // Two entries that differ elsewhere (cooldown, lead time …) are told apart by position.
        if (seen.contains(v.label)) v.label += QStringLiteral("#%1").arg(i + 1);
        seen.insert(v.label);
        out.push_back(std::move(v));
    }
    return out;
}

QString candidateId(const QString& typeKey, const QString& policyLabel, bool policiesCompared)
{
    return policiesCompared ? typeKey + QLatin1Char('|') + policyLabel : typeKey;
}

}  // namespace headroom
