#pragma once
#include <QStringList>

namespace headroom::scenario_names {

// The JSON spellings of the document's enumerations, in the order of the C++ enums, shared by
// the parser and the writer so that they cannot drift apart.
inline QStringList distributions()
{
    return {QStringLiteral("exponential"), QStringLiteral("lognormal"), QStringLiteral("gamma"),
            QStringLiteral("deterministic"), QStringLiteral("empirical")};
}
inline QStringList trafficKinds() { return {QStringLiteral("poisson"), QStringLiteral("profile"), QStringLiteral("trace")}; }
inline QStringList balancers()
{
    return {QStringLiteral("round_robin"), QStringLiteral("random"), QStringLiteral("least_connections"),
            QStringLiteral("power_of_two")};
}
inline QStringList creditModes() { return {QStringLiteral("standard"), QStringLiteral("unlimited")}; }
inline QStringList policies()
{
    return {QStringLiteral("none"), QStringLiteral("target_tracking"), QStringLiteral("step"), QStringLiteral("k8s_hpa"),
            QStringLiteral("scheduled")};
}
inline QStringList metrics() { return {QStringLiteral("cpu"), QStringLiteral("workers")}; }

}  // namespace headroom::scenario_names
