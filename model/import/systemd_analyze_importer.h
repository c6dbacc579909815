#pragma once
#include "importer.h"

namespace headroom {

// Boot evidence from systemd-analyze:
// - `systemd-analyze` / `time`: "Startup finished in … = 21.3s" → one boot event, stages in labels;
// - `critical-chain`: the default target's "@2.741s" (time after boot) → one boot event;
// - `blame`: per-unit start times → measurements boot.unit_start_s (there is no total in it).
class SystemdAnalyzeImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("systemd-analyze"); }
    QString description() const override { return QStringLiteral("systemd-analyze time / critical-chain / blame"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.txt")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// systemd's time spans: "1min 2.345s", "239ms", "45us", "2.741s", "1h 3min". Seconds or nullopt.
std::optional<double> systemdTimespan(const QString& text);

}  // namespace headroom
