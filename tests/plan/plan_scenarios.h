#pragma once
#include "scenario/scenario.h"

namespace headroom::test {

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
