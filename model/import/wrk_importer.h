#pragma once
#include "importer.h"

namespace headroom {

// wrk and wrk2 text output: thread stats (us/ms/s/m/h units, k/M counts), the latency
// distribution of --latency (wrk's four lines or wrk2's HdrHistogram list), wrk2's detailed
// percentile spectrum (values in ms), totals, socket errors and non-2xx responses, and the
// percentiles of a "==CSV==" block that a Lua done() script may append.
class WrkImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("wrk"); }
    QString description() const override { return QStringLiteral("wrk / wrk2 text output"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.txt"), QStringLiteral("*.log")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
