#pragma once
#include "instance_type.h"

#include <QVector>

namespace headroom {

class Workspace;

// One row of data/catalog/cpu_scores.csv: stress-ng's cpu stressor on one instance type, once
// with one instance (`--cpu 1`) and once with one per vCPU, bogo ops/s in real time.
struct CpuScoreRow {
    QString provider;
    QString name;
    int vcpu = 0;              // checked against the catalog: a score of another shape is refused
    double singleCore = 0;
    double allCores = 0;
    QString measured;          // date of the run
    QString stressNgVersion;
    QString source;
    QString note;              // caveats about the run ("one run; …"), shown with the score
    int line = 0;              // in the file, for errors
    QString key() const { return provider + QLatin1Char('/') + name; }
};

// Scores from the shipped file to the types they name, for types that have none yet. With
// `strict` (the shipped catalog, checked as a whole), a row whose vCPU count differs from the
// catalog's or that names no catalog type is refused with FILE:LINE; a workspace's catalog may
// lack a type or hold a user row of another shape, which then simply gets no shipped score.
void attachShippedCpuScores(QVector<InstanceType>& types, const QVector<CpuScoreRow>& rows, const QString& fileName,
                            bool strict);

// The user's own stress-ng runs in the workspace (datasets imported with --instance-type, metric
// cpu.bogo_ops_per_s): a run with one cpu instance is the single-core score, a run with one per
// vCPU of that type the all-core score. Each replaces the catalog's figure for that type (the
// mean when several runs were imported); the other figure stays where it came from.
void applyWorkspaceCpuScores(QVector<InstanceType>& types, const Workspace& ws);

// The canonical metric the stress-ng importer writes and applyWorkspaceCpuScores reads.
inline QString cpuBogoOpsMetric() { return QStringLiteral("cpu.bogo_ops_per_s"); }

}  // namespace headroom
