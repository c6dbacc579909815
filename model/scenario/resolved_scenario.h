#pragma once
#include "catalog/instance_type.h"
#include "cpu_capacity.h"
#include "scenario.h"

#include <vector>

namespace headroom {

class Catalog;
class Workspace;

// The numbers the simulator needs, worked out once from the document, the catalog and (for a
// traffic trace) the workspace. Times are in seconds here, whatever the document's units.
struct ResolvedScenario {
    Scenario doc;                  // the document as written

    // Node shape.
    InstanceType instanceType;     // from the catalog, or built from the inline description
    int vcpu = 1;
    int workersPerNode = 1;        // vCPUs × workers_per_vcpu, capped by memory ÷ memory_per_worker
    double nodeSpeed = 1;          // instance cpu_score ÷ reference score (1 when either is unknown)
    bool speedFromScores = false;  // false: a score was missing and the speed ratio defaults to 1
    // Each node's own speed factor, drawn uniformly from these (mean 1) when cluster.speed names
    // evidence; empty = lognormal with cluster.speed.cv.
    std::vector<double> nodeSpeedFactors;
    QString nodeSpeedSource;       // "azure/B8ms: 11,824 nodes of cpu.events_per_s", for reports
    // What all vCPUs busy at once deliver, in units of one uncontended vCPU (all-core score ÷
    // single-core score); 0 = unknown, taken as vcpu (independent vCPUs).
    double allVcpusDelivered = 0;
    // The CPU scores behind nodeSpeed and allVcpusDelivered, and the reference they are relative
    // to (cpu_capacity.h), for the candidate table and the report.
    CpuCapacity cpu;
    // What `busy` vCPUs deliver together, linear between one vCPU (1) and all of them.
    double vcpusDelivered(double busy) const
    {
        if (allVcpusDelivered <= 0 || vcpu <= 1) return busy;
        return 1 + (allVcpusDelivered - 1) * (busy - 1) / (vcpu - 1);
    }

    // Burstable CPU (data/README: 1 credit = 1 vCPU-minute at 100 %).
    bool burstable = false;
    double baselineFraction = 1;   // sustained share of each vCPU
    double creditsEarnedPerHour = 0;
    double maxCredits = 0;
    double initialCredits = 0;     // nodes present at the start (the scenario's `initial`)
    double launchCredits = 0;      // a node the autoscaler launches (and the start, when carried)
    bool carryCredits = false;     // no `initial`: run day after day until the balances repeat
    bool unlimitedCredits = false;
    double surplusUsdPerVcpuHour = 0;  // unlimited mode: price of a surplus credit-hour
    QString creditRulesSource;     // where the family's launch credits and default mode come from
    // AWS's surcharge for surplus credits of an unlimited-mode node whose family the shipped rules
    // do not know (T3 Linux price).
    static constexpr double kDefaultSurplusUsdPerVcpuHour = 0.05;

    // Cost.
    double pricePerHourUsd = 0;
    double billingGranularityS = 1;
    double billingMinimumS = 60;

    // Traffic as a rate curve: Poisson has one point; profile and trace are linear between points
    // (t_s ascending, rate already multiplied by traffic.scale). Beyond the last point the last
    // rate holds.
    std::vector<std::pair<double, double>> ratePoints;
    double peakRateRps = 0;

    // Service in seconds (CPU on the reference machine; the engine divides by node speed).
    Distribution cpuS;
    int ioCalls = 0;
    Distribution rttS;
    int diskOps = 0;
    double diskServiceS = 0;       // 1 / iops
    Distribution diskLatencyS;

    // Lead time of a scale-out, in seconds, phase by phase.
    Distribution provisioningS, bootS, startS, readinessS, registrationS;
    double imagePullS = 0;
};

// Resolves a parsed document. `ws` may be null unless traffic.kind = trace. Throws InputError
// naming `fileName: $.json.path` when the catalog key or the trace series cannot be found.
ResolvedScenario resolveScenario(const Scenario& doc, const Catalog& catalog, const Workspace* ws,
                                 const QString& fileName);

}  // namespace headroom
