#include "candidate_config.h"

#include "catalog/burstable_rules.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "scenario/scenario_names.h"

#include <algorithm>

namespace headroom {

namespace {

bool typeMatches(const InstanceType& t, const QString& wanted)
{
    return wanted.contains(QLatin1Char('/')) ? t.key().compare(wanted, Qt::CaseInsensitive) == 0
                                            : t.name.compare(wanted, Qt::CaseInsensitive) == 0;
}

QStringList unknownProviders(const Catalog& catalog, const QStringList& wanted)
{
    QStringList unknown;
    const QStringList known = catalog.providers();
    for (const QString& p : wanted)
        if (!known.contains(p, Qt::CaseInsensitive)) unknown << p;
    return unknown;
}

QStringList unknownTypes(const Catalog& catalog, const QStringList& wanted)
{
    QStringList unknown;
    for (const QString& w : wanted) {
        const bool found = std::any_of(catalog.instanceTypes().begin(), catalog.instanceTypes().end(),
                                       [&](const InstanceType& t) { return typeMatches(t, w); });
        if (!found) unknown << w;
    }
    return unknown;
}

}  // namespace

bool autoscales(const Scenario& scenario)
{
    return scenario.autoscaling && scenario.autoscaling->policy != Autoscaling::Policy::None;
}

QString policyName(const Scenario& scenario)
{
    if (!scenario.autoscaling) return QStringLiteral("none");
    return scenario_names::policies().value(int(scenario.autoscaling->policy), QStringLiteral("none"));
}

QString filterProblem(const Catalog& catalog, const RecommendOptions& options)
{
    const QStringList providers = unknownProviders(catalog, options.providers);
    if (!providers.isEmpty())
        return QStringLiteral("--providers: unknown provider %1; expected some of: %2")
            .arg(providers.join(QStringLiteral(", ")), catalog.providers().join(QStringLiteral(", ")));
    const QStringList types = unknownTypes(catalog, options.instanceTypes);
    if (!types.isEmpty())
        return QStringLiteral("--instance-types: %1 not in the catalog (see headroom catalog)")
            .arg(types.join(QStringLiteral(", ")));
    return {};
}

QVector<InstanceType> candidateTypes(const Catalog& catalog, const RecommendOptions& options)
{
    const QStringList providers = unknownProviders(catalog, options.providers);
    if (!providers.isEmpty())
        throw InputError(QStringLiteral("--providers"),
                         QStringLiteral("unknown provider %1; expected some of: %2")
                             .arg(providers.join(QStringLiteral(", ")), catalog.providers().join(QStringLiteral(", "))));
    const QStringList types = unknownTypes(catalog, options.instanceTypes);
    if (!types.isEmpty())
        throw InputError(QStringLiteral("--instance-types"),
                         QStringLiteral("%1 not in the catalog (see headroom catalog)").arg(types.join(QStringLiteral(", "))));
    QVector<InstanceType> out;
    for (const InstanceType& t : catalog.instanceTypes()) {
        if (!options.providers.isEmpty() && !options.providers.contains(t.provider, Qt::CaseInsensitive)) continue;
        if (!options.instanceTypes.isEmpty()
            && std::none_of(options.instanceTypes.begin(), options.instanceTypes.end(),
                            [&](const QString& w) { return typeMatches(t, w); }))
            continue;
        if (t.vcpu < 1) continue;  // a row without a shape cannot run workers
        out << t;
    }
    return out;
}

Scenario withConfiguration(const Scenario& base, const InstanceType& type, int nodes, int maxNodes, int initialNodes)
{
    Scenario s = base;
    Service& service = s.service;
    if (!service.referenceCpuScore && service.referenceInstanceType.isEmpty()) {
        if (base.cluster.inlineType && base.cluster.inlineType->cpuScore > 0)
            service.referenceCpuScore = base.cluster.inlineType->cpuScore;
        else if (!base.cluster.instanceTypeKey.isEmpty())
            service.referenceInstanceType = base.cluster.instanceTypeKey;
    }
    s.cluster.instanceTypeKey = type.key();
    s.cluster.inlineType.reset();
    // Credit rules belong to the machine: keep the scenario's mode for burstable types only.
    if (!type.burstable) s.cluster.cpuCredits.reset();
    // A family without an unlimited mode (Azure B-series) runs in standard mode whatever was asked.
    const auto rules = burstableRulesFor(type);
    if (s.cluster.cpuCredits && s.cluster.cpuCredits->mode == CpuCredits::Mode::Unlimited && rules
        && !rules->hasUnlimitedMode())
        s.cluster.cpuCredits->mode = CpuCredits::Mode::Standard;
    nodes = std::max(1, nodes);
    if (autoscales(s)) {
        maxNodes = std::max(maxNodes, nodes);
        s.autoscaling->min = nodes;
        s.autoscaling->max = maxNodes;
        s.cluster.nodes = std::clamp(initialNodes > 0 ? initialNodes : nodes, nodes, maxNodes);
    } else {
        s.cluster.nodes = nodes;
    }
    return s;
}

}  // namespace headroom
