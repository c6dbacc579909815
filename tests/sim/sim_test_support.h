#pragma once
#include "catalog/catalog.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "sim/simulator.h"

#include <QByteArray>
#include <QString>

namespace headroom::test {

// A scenario from JSON text, resolved against the shipped catalog.
inline ResolvedScenario resolved(const QByteArray& json)
{
    return resolveScenario(parseScenario(json, QStringLiteral("test.json")), Catalog::shipped(), nullptr,
                           QStringLiteral("test.json"));
}

// The same with the catalog's CPU scores taken out: every vCPU counts as one (independent vCPUs
// at the reference's speed), for known answers that are about something else (credit arithmetic).
inline ResolvedScenario resolvedWithoutCpuScores(const QByteArray& json)
{
    const Catalog shipped = Catalog::shipped();
    QVector<InstanceType> types = shipped.instanceTypes();
    for (InstanceType& t : types) t.cpuScore = t.cpuScoreAllCores = 0;
    return resolveScenario(parseScenario(json, QStringLiteral("test.json")), Catalog(types, shipped.bootTimes()), nullptr,
                           QStringLiteral("test.json"));
}

// A one-node queue: `servers` workers, exponential (or other) service, Poisson arrivals.
// Times in seconds for readability; the document wants milliseconds.
inline QByteArray queueScenario(double lambda, int servers, const QString& serviceDist, double durationS, int replications,
                                const QString& extraCluster = QString())
{
    return QStringLiteral(R"({"schema":"headroom.scenario/1","duration_s":%1,"warmup_s":%2,"seed":11,"replications":%3,
        "traffic":{"kind":"poisson","rate_rps":%4},
        "service":{"cpu_ms":%5},
        "cluster":{"instance_type":{"vcpu":%6,"memory_gib":64,"price_per_hour_usd":0.1},"nodes":1%7}})")
        .arg(durationS).arg(durationS / 50).arg(replications).arg(lambda).arg(serviceDist).arg(servers).arg(extraCluster)
        .toUtf8();
}

// Mean response time of M/M/c with unit service rate, from the Erlang C formula.
inline double erlangCMeanResponse(double lambda, int c)
{
    const double a = lambda;  // offered load in erlangs (µ = 1)
    double term = 1, sum = 0;
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term * c / (c - a);  // a^c / c! × c / (c − a)
    const double pWait = top / (sum + top);
    return 1 + pWait / (c - a);
}

}  // namespace headroom::test
