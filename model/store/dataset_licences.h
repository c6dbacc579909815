#pragma once
#include <QString>
#include <vector>

namespace headroom {

class Workspace;

// A licence that travels with imported data (dataset labels "licence", "attribution",
// "source_url", "dataset", set by importers that know them), with the datasets it covers, so the
// Data page, the Fleet page and the report can show the attribution wherever the data is shown.
struct DataLicence {
    QString dataset;       // "Azure VM Noise Dataset 2024", or the first file's name
    QString licence;       // "CC BY 4.0"
    QString attribution;   // the citation the licence asks for
    QString sourceUrl;
    std::vector<qint64> datasetIds;

    // "Azure VM Noise Dataset 2024, CC BY 4.0: <attribution> (<source>)"
    QString text() const;
};

// One entry per distinct (dataset, licence, attribution, source), in order of first import.
std::vector<DataLicence> dataLicences(const Workspace& ws);

}  // namespace headroom
