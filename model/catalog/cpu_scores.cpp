#include "cpu_scores.h"

#include "core/errors.h"
#include "store/typed_measurements.h"
#include "store/workspace.h"

#include <QHash>
#include <QJsonObject>

namespace headroom {

namespace {

QString shippedSource(const CpuScoreRow& s)
{
    QString text = QStringLiteral("stress-ng %1 cpu, measured %2; %3").arg(s.stressNgVersion, s.measured, s.source);
    if (!s.note.isEmpty()) text += QStringLiteral("; note: ") + s.note;
    return text;
}

}  // namespace

void attachShippedCpuScores(QVector<InstanceType>& types, const QVector<CpuScoreRow>& rows, const QString& fileName,
                            bool strict)
{
    QHash<QString, int> byKey;
    for (int i = 0; i < types.size(); ++i) byKey.insert(types[i].key().toLower(), i);
    for (const CpuScoreRow& s : rows) {
        const auto it = byKey.constFind(s.key().toLower());
        if (it == byKey.constEnd()) {
            if (!strict) continue;
            throw InputError(formatWhere(fileName, s.line, 1),
                             QStringLiteral("%1 is not in the catalog; expected a provider and instance type of "
                                            "instance_types.csv").arg(s.key()));
        }
        InstanceType& t = types[*it];
        // A user row of another shape is the user's machine, not the one measured: no score.
        if (t.vcpu != s.vcpu) {
            if (!strict || t.userOverride) continue;
            throw InputError(formatWhere(fileName, s.line, 0),
                             QStringLiteral("%1 was measured with %2 vCPUs but the catalog gives it %3").arg(s.key()).arg(s.vcpu).arg(t.vcpu));
        }
        // A score the user stated in their own catalog row wins; it comes without an all-core
        // figure, and pairing it with ours would mix two machines (or two benchmarks).
        if (t.cpuScore > 0) continue;
        t.cpuScore = s.singleCore;
        t.cpuScoreAllCores = s.allCores;
        t.cpuScoreOrigin = InstanceType::CpuScoreOrigin::Shipped;
        t.cpuScoreSource = shippedSource(s);
    }
}

void applyWorkspaceCpuScores(QVector<InstanceType>& types, const Workspace& ws)
{
    struct Runs {
        double singleSum = 0, allSum = 0;
        int single = 0, all = 0;
        QStringList datasets;
    };
    QHash<QString, int> byKey;
    for (int i = 0; i < types.size(); ++i) byKey.insert(types[i].key().toLower(), i);
    QHash<int, Runs> found;
    for (const TypedMeasurement& m : measurementsOnInstanceTypes(ws, cpuBogoOpsMetric())) {
        const auto it = byKey.constFind(m.instanceType);
        const double value = m.value;
        if (it == byKey.constEnd() || !(value > 0)) continue;
        const int instances = m.labels.value(QStringLiteral("instances")).toInt();
        const int vcpu = types[*it].vcpu;
        Runs& r = found[*it];
        // A 1-vCPU type's one run is both figures.
        if (instances == 1) r.singleSum += value, ++r.single;
        if (instances == vcpu) r.allSum += value, ++r.all;
        if ((instances == 1 || instances == vcpu) && !r.datasets.contains(m.datasetTitle)) r.datasets << m.datasetTitle;
    }
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        const Runs& r = it.value();
        if (r.single == 0 && r.all == 0) continue;
        InstanceType& t = types[it.key()];
        QStringList measured;
        if (r.single > 0) {
            t.cpuScore = r.singleSum / r.single;
            measured << QStringLiteral("single-core (%1 run%2)").arg(r.single).arg(r.single > 1 ? "s, mean" : "");
        }
        if (r.all > 0) {
            t.cpuScoreAllCores = r.allSum / r.all;
            measured << QStringLiteral("all-core (%1 run%2)").arg(r.all).arg(r.all > 1 ? "s, mean" : "");
        }
        QString source = QStringLiteral("your stress-ng runs in this workspace: %1 from %2")
                             .arg(measured.join(QStringLiteral(" and ")), r.datasets.join(QStringLiteral(", ")));
        if (r.single == 0 || r.all == 0)
            source += t.cpuScoreSource.isEmpty() ? QString() : QStringLiteral("; the other figure from ") + t.cpuScoreSource;
        t.cpuScoreSource = source;
        t.cpuScoreOrigin = InstanceType::CpuScoreOrigin::Workspace;
    }
}

}  // namespace headroom
