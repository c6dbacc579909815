#include "importer_registry.h"

#include "boot_timing_csv_importer.h"
#include "catalog_importers.h"
#include "generic_csv_importer.h"
#include "kubectl_describe_importer.h"
#include "kubernetes_events_importer.h"
#include "prometheus_json_importer.h"
#include "prometheus_text_importer.h"
#include "sysstat_csv_importer.h"
#include "sysstat_json_importer.h"
#include "systemd_analyze_importer.h"

namespace headroom {

void addMonitoringImporters(ImporterList& out)
{
    out.push_back(std::make_unique<PrometheusJsonImporter>());
    out.push_back(std::make_unique<PrometheusTextImporter>());
    out.push_back(std::make_unique<SysstatCsvImporter>());
    out.push_back(std::make_unique<SysstatJsonImporter>());
    out.push_back(std::make_unique<KubernetesEventsImporter>());
    out.push_back(std::make_unique<KubectlDescribeImporter>());
    out.push_back(std::make_unique<SystemdAnalyzeImporter>());
    out.push_back(std::make_unique<BootTimingCsvImporter>());
    out.push_back(std::make_unique<CatalogCsvImporter>());
    out.push_back(std::make_unique<Ec2InstancesJsonImporter>());
    out.push_back(std::make_unique<SparecoresServersImporter>());
    out.push_back(std::make_unique<GenericCsvImporter>());
}

}  // namespace headroom
