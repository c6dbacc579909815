#pragma once
#include "importer.h"

namespace headroom {

// k6 results in its three machine-readable shapes: the legacy --summary-export JSON (flat
// metrics), the handleSummary() data object (metrics with "values"), and the NDJSON stream of
// --out json (Metric declarations and Points; points become series, and the headline latency
// percentiles are computed from the http_req_duration points the way k6 computes them).
class K6Importer : public Importer {
public:
    QString name() const override { return QStringLiteral("k6"); }
    QString description() const override { return QStringLiteral("k6 summary JSON (--summary-export, handleSummary) or --out json NDJSON"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json"), QStringLiteral("*.ndjson")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// k6's trend percentile: linear interpolation between the closest ranks of the sorted values.
double k6Percentile(std::vector<double> sorted, double percent);

}  // namespace headroom
