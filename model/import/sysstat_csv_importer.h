#pragma once
#include "importer.h"

namespace headroom {

// sysstat `sadf -d` output: ';'-separated, a "# hostname;interval;timestamp;…" header before
// every activity block, CPU -1 = all CPUs, LINUX-RESTART and COM rows with interval -1.
// Keeps CPU (all CPUs), memory, disk (per device) and network (per interface) series.
class SysstatCsvImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("sysstat-csv"); }
    QString description() const override { return QStringLiteral("sysstat sadf -d (CSV)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.csv"), QStringLiteral("*.sadf")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
