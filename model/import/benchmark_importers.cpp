#include "fio_importer.h"
#include "importer_registry.h"
#include "iperf3_importer.h"
#include "k6_importer.h"
#include "locust_importer.h"
#include "pkb_importer.h"
#include "pyperf_importer.h"
#include "stress_ng_importer.h"
#include "sysbench_importer.h"
#include "wrk_importer.h"

namespace headroom {

void addBenchmarkImporters(ImporterList& out)
{
    out.push_back(std::make_unique<FioImporter>());
    out.push_back(std::make_unique<SysbenchImporter>());
    out.push_back(std::make_unique<Iperf3Importer>());
    out.push_back(std::make_unique<WrkImporter>());
    out.push_back(std::make_unique<K6Importer>());
    out.push_back(std::make_unique<LocustImporter>());
    out.push_back(std::make_unique<PyperfImporter>());
    out.push_back(std::make_unique<PkbImporter>());
    out.push_back(std::make_unique<StressNgImporter>());
}

}  // namespace headroom
