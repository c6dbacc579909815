#pragma once
#include "importer.h"

namespace headroom {

// One scrape in the Prometheus text exposition format 0.0.4 (and OpenMetrics text): what
// node_exporter's /metrics answers. A scrape is one instant, so samples become measurements:
// known gauges under their canonical names, everything else under its own name with labels.
// node_cpu_seconds_total is summed over CPUs into per-mode shares since boot
// (cpu.<mode>_pct, cpu.util_pct = 100 − idle − iowait), labelled window=since_boot.
class PrometheusTextImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("prometheus-text"); }
    QString description() const override { return QStringLiteral("Prometheus text exposition (a /metrics scrape)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.prom"), QStringLiteral("*.txt"), QStringLiteral("*.out")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
