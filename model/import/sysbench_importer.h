#pragma once
#include "importer.h"

namespace headroom {

// sysbench 1.0/1.1 text output (cpu, memory, fileio, oltp, threads, mutex), one or several runs
// in one file (harness prefixes such as "CPU 0 " before the banner are allowed). Interval
// report lines ("[ 2s ] thds: … tps: …") become series with times relative to the start.
// The latency percentile name follows --percentile: "99th percentile" -> *_latency_p99_ms.
class SysbenchImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("sysbench"); }
    QString description() const override { return QStringLiteral("sysbench 1.x text output (cpu, memory, fileio, oltp)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.txt"), QStringLiteral("*.log")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
