#pragma once
#include "catalog/catalog.h"
#include "scenario/scenario.h"

namespace headroom::test {

// The shipped catalog with its CPU scores taken out: every type counts as its vCPUs at the
// reference's speed, as before scores existed, so each node of mmcScenario is exactly M/M/c with
// c = vCPUs and Erlang C gives the known answers. (With scores a c6i.large's two hyper-threads
// give 1.02 vCPUs; test_recommender_cpu_scores.cpp covers that.)
inline Catalog shippedWithoutCpuScores()
{
    const Catalog shipped = Catalog::shipped();
    QVector<InstanceType> types = shipped.instanceTypes();
    for (InstanceType& t : types) {
        t.cpuScore = t.cpuScoreAllCores = 0;
        t.cpuScoreOrigin = InstanceType::CpuScoreOrigin::None;
        t.cpuScoreSource.clear();
    }
    return Catalog(types, shipped.bootTimes(), shipped.rates());
}

// A scenario that is exactly M/M/c per node: Poisson arrivals at `rateRps`, exponential CPU time
// of mean `cpuMs` on the reference machine (the scenario's aws/c6i.large; other types run at
// their CPU scores' ratio to it), one worker per vCPU, random routing, no autoscaling, nothing else on.
inline Scenario mmcScenario(double rateRps, double cpuMs, double sloP95Ms, double durationS = 600)
{
    Scenario s;
    s.name = QStringLiteral("M/M/c per node");
    s.durationS = durationS;
    s.warmupS = 60;
    s.intervalS = 60;
    s.seed = 7;
    s.replications = 3;
    s.traffic.kind = Traffic::Kind::Poisson;
    s.traffic.rateRps = rateRps;
    s.service.cpuMs = Distribution::exponential(cpuMs);
    s.cluster.instanceTypeKey = QStringLiteral("aws/c6i.large");
    s.cluster.nodes = 1;
    s.cluster.workersPerVcpu = 1;
    s.cluster.balancer = Balancer::Random;
    Slo slo;
    slo.latencyP95Ms = sloP95Ms;
    slo.errorRate = 0.001;
    s.slo = slo;
    return s;
}

}  // namespace headroom::test
