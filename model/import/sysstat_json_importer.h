#pragma once
#include "importer.h"

namespace headroom {

// sysstat `sadf -j` output: {"sysstat":{"hosts":[{nodename, statistics:[{timestamp, cpu-load,
// memory, disk, network:{net-dev}}], restarts, comments}]}}. Same series as sadf -d.
class SysstatJsonImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("sysstat-json"); }
    QString description() const override { return QStringLiteral("sysstat sadf -j (JSON)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
