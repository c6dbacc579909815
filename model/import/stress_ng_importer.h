#pragma once
#include "importer.h"

namespace headroom {

// stress-ng text output with --metrics or --metrics-brief: the table of bogo operations per
// stressor, as 0.17 prints it ("stress-ng: metrc: [PID] cpu 37587 20.00 … 1879.34 …"), as older
// versions did ("stress-ng: info:  [PID] …", no PID, six columns without "CPU used per
// instance"), and with --log-brief (no prefix at all). Every stressor row becomes
// stressng.bogo_ops_per_s (real time; label stressor) and stressng.bogo_ops_per_s_cpu_time
// (usr+sys time); the cpu stressor's real-time figure is also cpu.bogo_ops_per_s, the CPU score
// the catalog uses. Each carries `instances`, read from "dispatching hogs: N cpu" (or "passed:
// N: cpu (N)"): one instance is a single-core score, one per vCPU an all-core score. Several
// runs in one file are labelled run=0,1,… and give no headline value.
class StressNgImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("stress-ng"); }
    QString description() const override { return QStringLiteral("stress-ng --metrics text output (bogo ops/s per stressor)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.txt"), QStringLiteral("*.log"), QStringLiteral("*.stdout")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
