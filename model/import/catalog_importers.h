#pragma once
#include "importer.h"

namespace headroom {

// Instance catalogues into ImportResult::instanceTypes; the store writes them as user rows that
// override the shipped ones (a row without a price keeps the shipped price, see dataset_writer).

// The shipped catalog's own CSV layout (data/catalog/instance_types.csv columns).
class CatalogCsvImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("catalog-csv"); }
    QString description() const override { return QStringLiteral("Instance catalog CSV (Headroom's columns)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.csv")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// ec2instances.info instances.json: an array of instance objects (or one object). Prices are
// USD per hour for Linux on demand in us-east-1 (else the first region listed).
class Ec2InstancesJsonImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("catalog-ec2instances"); }
    QString description() const override { return QStringLiteral("ec2instances.info instances JSON"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// Spare Cores server list, one JSON object per line (memory_amount in MiB, no prices).
// Servers with status INACTIVE can no longer be rented and are skipped.
class SparecoresServersImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("catalog-sparecores"); }
    QString description() const override { return QStringLiteral("Spare Cores servers (JSON lines)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.jsonl"), QStringLiteral("*.json")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
