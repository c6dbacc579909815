#include "importer_registry.h"

namespace headroom {

void addBenchmarkImporters(ImporterList& out)
{
    Q_UNUSED(out);
}

}  // namespace headroom
