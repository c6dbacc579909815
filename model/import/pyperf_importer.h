#pragma once
#include "importer.h"

namespace headroom {

// pyperf / pyperformance result JSON (format "1.0"): per benchmark, the mean and sample
// standard deviation of every run's values (the calibration run has none), as
// py.<benchmark>_mean_s / _stdev_s (or _bytes for --track-memory, no suffix for integers).
class PyperfImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("pyperf"); }
    QString description() const override { return QStringLiteral("pyperf / pyperformance JSON results"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json"), QStringLiteral("*.json.gz")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
