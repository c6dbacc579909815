#pragma once
#include "importer.h"

namespace headroom {

// PerfKitBenchmarker samples: JSON lines with metric, value, unit, timestamp and labels
// ("|k:v|,|k:v|", or the older "|k:v||k:v|") or a metadata object; also the side-by-side
// tool's {head:{samples:[…]}, base:{…}} wrapper. Every sample is a measurement; each run
// (run_uri) is its own node, since PKB provisions fresh machines per run. Well-known metrics
// get canonical names (iperf/netperf throughput in Mbits/sec -> net.throughput_bits_per_s);
// the others keep PKB's name as pkb.<slug>. The headline is the mean per metric.
class PkbImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("pkb"); }
    QString description() const override { return QStringLiteral("PerfKitBenchmarker samples (JSON lines)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json"), QStringLiteral("*.jsonl")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// PKB's label string as key/value pairs; tolerant of the 2014 "||" joins and a stray '['.
QJsonObject parsePkbLabels(const QString& labels);

}  // namespace headroom
