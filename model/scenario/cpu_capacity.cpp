#include "cpu_capacity.h"

#include <algorithm>

namespace headroom {

namespace {

QString score(double v) { return QString::number(v, 'f', 0); }
QString ratio(double v) { return QString::number(v, 'f', 2); }

}  // namespace

double CpuCapacity::busyNodeReferenceVcpus() const
{
    const double delivered = allVcpusDelivered() > 0 ? allVcpusDelivered() : double(vcpu);
    return delivered * speed();
}

QString CpuCapacity::describe() const
{
    if (singleCore <= 0) return QStringLiteral("no CPU score: assumed 1 vCPU = reference");
    QString scores = QStringLiteral("%1 single-core").arg(score(singleCore));
    if (allCores > 0) scores += QStringLiteral(", %1 all-core").arg(score(allCores));
    scores += QStringLiteral(" bogo ops/s");
    const QString busy = allCoresKnown()
        ? QStringLiteral("a busy node gives %1 of its %2 vCPUs").arg(ratio(allVcpusDelivered())).arg(vcpu)
        : QStringLiteral("no all-core score: its %1 vCPUs assumed independent").arg(vcpu);
    if (!speedKnown())
        return QStringLiteral("%1; no CPU score for the reference %2: assumed 1 vCPU = reference; %3")
            .arg(scores, referenceLabel, busy);
    return QStringLiteral("%1: %2 × %3 per request, %4 reference vCPUs when busy (%5)")
        .arg(scores, ratio(speed()), referenceLabel, ratio(busyNodeReferenceVcpus()), busy);
}

QString CpuCapacity::brief() const
{
    if (singleCore <= 0) return QStringLiteral("no CPU score: assumed 1 vCPU = reference");
    const QString scores = allCores > 0 ? QStringLiteral("%1 / %2").arg(score(singleCore), score(allCores)) : score(singleCore);
    if (!speedKnown()) return scores + QStringLiteral("; no reference score: assumed 1 vCPU = reference");
    return QStringLiteral("%1 → %2× speed, %3 ref. vCPUs busy").arg(scores, ratio(speed()), ratio(busyNodeReferenceVcpus()));
}

CpuCapacity cpuCapacityOf(const InstanceType& type, double referenceScore, const QString& referenceLabel)
{
    CpuCapacity c;
    c.vcpu = std::max(1, type.vcpu);
    c.singleCore = type.cpuScore;
    c.allCores = type.cpuScoreAllCores;
    c.reference = referenceScore;
    c.referenceLabel = referenceLabel;
    c.source = type.cpuScoreSource;
    return c;
}

}  // namespace headroom
