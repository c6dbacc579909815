#pragma once
#include "importer.h"

namespace headroom {

// Finds the importer for an input by name (--format) or by content (sniffing).
class ImporterRegistry {
public:
    static const ImporterRegistry& instance();

    const ImporterList& all() const { return importers_; }
    const Importer* byName(const QString& name) const;
    // The importer with the highest sniff confidence above zero, or nullptr.
    const Importer* detect(const QByteArray& head, const QString& fileName) const;
    QStringList names() const;

private:
    ImporterRegistry();
    ImporterList importers_;
};

// Each family of importers lists itself in its own file, so the families grow independently.
void addBenchmarkImporters(ImporterList& out);   // fio, sysbench, iperf3, wrk, k6, locust, pyperf, pkb
void addMonitoringImporters(ImporterList& out);  // prometheus, sysstat, kubernetes, boot, csv, catalog

}  // namespace headroom
