#pragma once
#include "importer.h"

namespace headroom {

// iperf3 -J (TCP and UDP). Headline: receiver throughput (end.sum_received), retransmits
// (sender), UDP jitter and loss; per-stream results as measurements with a stream label;
// the per-interval sums as series (omitted intervals, -O, dropped). A top-level "error" (a
// failed run) is an input error.
class Iperf3Importer : public Importer {
public:
    QString name() const override { return QStringLiteral("iperf3"); }
    QString description() const override { return QStringLiteral("iperf3 JSON output (-J), TCP or UDP"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
