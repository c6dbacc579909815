#include "page_registry.h"

#include "import_controller.h"
#include "pages/catalog_page.h"
#include "pages/compare_page.h"
#include "pages/data_page.h"
#include "pages/fleet_page.h"
#include "pages/lead_time_page.h"
#include "pages/recommend_page.h"
#include "pages/report_page.h"
#include "pages/scenario_page.h"
#include "pages/simulate_page.h"
#include "pages/validation_page.h"

namespace headroom {

QVector<Page*> createPages(AppContext* context)
{
    QVector<Page*> pages;
    pages << new DataPage(context);
    pages << new CatalogPage(context);
    pages << new FleetPage(context);
    pages << new LeadTimePage(context);
    pages << new ScenarioPage(context);
    pages << new SimulatePage(context);
    pages << new ValidationPage(context);
    pages << new RecommendPage(context);
    pages << new ComparePage(context);
    pages << new ReportPage(context);
    return pages;
}

void connectPageSignals(const QVector<Page*>& pages, ImportController* importer)
{
    ComparePage* compare = nullptr;
    for (Page* page : pages)
        if (auto* c = qobject_cast<ComparePage*>(page)) compare = c;
    for (Page* page : pages) {
        if (auto* data = qobject_cast<DataPage*>(page))
            QObject::connect(data, &DataPage::importRequested, importer, &ImportController::chooseAndImport);
        if (auto* recommend = qobject_cast<RecommendPage*>(page); recommend && compare)
            QObject::connect(recommend, &RecommendPage::compareRequested, compare, &ComparePage::addCandidate);
    }
}

}  // namespace headroom
