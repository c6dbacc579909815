#pragma once
#include "importer.h"

namespace headroom {

// Locust --csv output (1.x/2.x): *_stats.csv (one row per endpoint, the "Aggregated" row is the
// headline), *_stats_history.csv (rows over time become series per endpoint) and
// *_failures.csv (error counts per endpoint). "N/A" cells are skipped.
class LocustImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("locust"); }
    QString description() const override { return QStringLiteral("Locust CSV (--csv): *_stats.csv, *_stats_history.csv, *_failures.csv"); }
    QStringList filePatterns() const override
    {
        return {QStringLiteral("*_stats.csv"), QStringLiteral("*_stats_history.csv"), QStringLiteral("*_failures.csv")};
    }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
