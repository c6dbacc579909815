#include "importer_registry.h"

#include "hive_partition_importer.h"

namespace headroom {

ImporterRegistry::ImporterRegistry()
{
    addBenchmarkImporters(importers_);
    addMonitoringImporters(importers_);
    importers_.push_back(std::make_unique<HivePartitionImporter>());
}

const ImporterRegistry& ImporterRegistry::instance()
{
    static const ImporterRegistry registry;
    return registry;
}

const Importer* ImporterRegistry::byName(const QString& name) const
{
    for (const auto& importer : importers_)
        if (importer->name().compare(name, Qt::CaseInsensitive) == 0) return importer.get();
    return nullptr;
}

const Importer* ImporterRegistry::detect(const QByteArray& head, const QString& fileName) const
{
    const Importer* best = nullptr;
    int bestScore = 0;
    for (const auto& importer : importers_) {
        const int score = importer->sniff(head, fileName);
        if (score > bestScore) {
            best = importer.get();
            bestScore = score;
        }
    }
    return best;
}

QStringList ImporterRegistry::names() const
{
    QStringList out;
    for (const auto& importer : importers_) out << importer->name();
    return out;
}

}  // namespace headroom
