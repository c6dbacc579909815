#include "importer_registry.h"

namespace headroom {

void addMonitoringImporters(ImporterList& out)
{
    Q_UNUSED(out);
}

}  // namespace headroom
