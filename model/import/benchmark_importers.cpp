#include "fio_importer.h"
#include "importer_registry.h"

namespace headroom {

void addBenchmarkImporters(ImporterList& out)
{
    out.push_back(std::make_unique<FioImporter>());
}

}  // namespace headroom
