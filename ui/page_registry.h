#pragma once
#include <QVector>

namespace headroom {

class AppContext;
class ImportController;
class Page;

// The navigation entries in order. Adding a page means adding it here, nowhere else.
QVector<Page*> createPages(AppContext* context);
// Connects page requests (e.g. "import files") to the window's controllers.
void connectPageSignals(const QVector<Page*>& pages, ImportController* importer);

}  // namespace headroom
