#include "page_registry.h"

#include "import_controller.h"
#include "pages/catalog_page.h"
#include "pages/data_page.h"
#include "pages/fleet_page.h"
#include "pages/lead_time_page.h"
#include "pages/planned_page.h"
#include "pages/report_page.h"

namespace headroom {

QVector<Page*> createPages(AppContext* context)
{
    QVector<Page*> pages;
    pages << new DataPage(context);
    pages << new CatalogPage(context);
    pages << new FleetPage(context);
    pages << new LeadTimePage(context);
    pages << new PlannedPage(context, QObject::tr("Scenario"),
                             QObject::tr("A form over the scenario document with the traffic profile, load/save JSON."));
    pages << new PlannedPage(context, QObject::tr("Simulate"),
                             QObject::tr("Run the simulation; latency percentiles against the SLO, nodes, utilisation, "
                                         "credit balance and summary cards."));
    pages << new PlannedPage(context, QObject::tr("Recommend"),
                             QObject::tr("Ranked candidates, the cost/p95 Pareto chart and why each wins or fails."));
    pages << new PlannedPage(context, QObject::tr("Compare"),
                             QObject::tr("Two to four candidates side by side with what-if sliders, for meetings."));
    pages << new ReportPage(context);
    return pages;
}

void connectPageSignals(const QVector<Page*>& pages, ImportController* importer)
{
    for (Page* page : pages)
        if (auto* data = qobject_cast<DataPage*>(page))
            QObject::connect(data, &DataPage::importRequested, importer, &ImportController::chooseAndImport);
}

}  // namespace headroom
