#pragma once
#include "catalog/instance_type.h"

#include <QString>

namespace headroom {

// What a node's CPU is assumed to be worth, from CPU scores (stress-ng bogo ops/s).
//
// The service's CPU times were measured on some machine, the reference: the scenario's
// `service.reference_cpu_score`, else its `service.reference_instance_type`, else the cluster's
// own instance type (the CPU times were measured on the machine the scenario runs). Then
//   a request alone on a node runs at   single-core score ÷ reference            (speed)
//   a node with every vCPU busy gives   all-core score ÷ reference  reference vCPU-seconds per s
// so a c6i.large (1,879 single, 1,918 all-core: two hyper-threads of one core) is worth about
// one reference vCPU under load, and a c7g.large (1,532 and 3,042) about 1.6 of a c6i's.
// Where a score is missing the node counts as its vCPUs at the reference's speed, as before
// scores existed, and describe() says so instead of hiding it.
struct CpuCapacity {
    int vcpu = 1;
    double singleCore = 0;       // the node type's scores, 0 = unknown
    double allCores = 0;
    double reference = 0;        // the reference's single-core score, 0 = unknown
    QString referenceLabel;      // "aws/c6i.large", "reference_cpu_score"
    QString source;              // where the node type's scores come from

    bool speedKnown() const { return singleCore > 0 && reference > 0; }
    bool allCoresKnown() const { return singleCore > 0 && allCores > 0; }
    double speed() const { return speedKnown() ? singleCore / reference : 1.0; }
    // All vCPUs busy, in units of one uncontended vCPU of this node; 0 = unknown (independent vCPUs).
    double allVcpusDelivered() const { return allCoresKnown() ? allCores / singleCore : 0.0; }
    // A busy node's capacity in reference vCPU-seconds per second.
    double busyNodeReferenceVcpus() const;
    // One line for tables and reports: the scores and what was assumed from them.
    QString describe() const;
    // The same for a table cell: "1879 / 1918 → 1.00× speed, 1.02 ref. vCPUs busy".
    QString brief() const;
};

CpuCapacity cpuCapacityOf(const InstanceType& type, double referenceScore, const QString& referenceLabel);

}  // namespace headroom
