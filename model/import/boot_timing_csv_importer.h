#pragma once
#include "importer.h"

namespace headroom {

// Provider boot timings as Spare Cores' inspector records them, one row per start:
// vendor,server,github_run_id,api_start,api_end,user_data_start,user_data_end,machine_start,…
// (ISO 8601 UTC). Each complete row gives two lead-time events:
// provisioning = api_start → machine_start, boot = machine_start → user_data_start.
// Rows with empty stages are failed starts: skipped and counted in a warning.
class BootTimingCsvImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("boot-timing-csv"); }
    QString description() const override { return QStringLiteral("Provider boot timing CSV (Spare Cores inspector)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.csv")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// Spare Cores vendor ids to the catalog's provider keys (hcloud → hetzner, …).
QString providerKeyOfVendor(const QString& vendor);

}  // namespace headroom
