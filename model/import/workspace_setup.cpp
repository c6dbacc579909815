#include "workspace_setup.h"

#include "catalog/catalog.h"
#include "core/csv.h"
#include "core/errors.h"
#include "core/paths.h"
#include "import_service.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QFile>

namespace headroom {

std::unique_ptr<Workspace> openWorkspaceFile(const QString& path)
{
    auto ws = Workspace::open(path);
    const bool hasCatalog =
        sql::scalar(ws->database(), QStringLiteral("SELECT count(*) FROM instance_type WHERE origin = 'shipped'")).toInt() > 0;
    if (!hasCatalog) Catalog::seedShipped(*ws);
    return ws;
}

std::unique_ptr<Workspace> openDefaultWorkspace()
{
    auto ws = openWorkspaceFile(defaultWorkspacePath());
    if (ws->setting(QStringLiteral("sample.imported")).isEmpty()) {
        importSampleInputs(*ws);
        ws->setSetting(QStringLiteral("sample.imported"), QStringLiteral("1"));
    }
    return ws;
}

int importSampleInputs(Workspace& ws)
{
    // manifest.csv: file,format,node,instance_type (format may be empty: detected).
    const QString dir = dataDirectory() + QStringLiteral("/sample");
    QFile manifest(dir + QStringLiteral("/manifest.csv"));
    if (!manifest.open(QIODevice::ReadOnly)) return 0;
    const auto records = csv::parse(manifest.readAll(), manifest.fileName());
    int added = 0;
    for (size_t i = 1; i < records.size(); ++i) {
        const QStringList& f = records[i].fields;
        ImportRequest request;
        request.path = dir + QLatin1Char('/') + f.value(0);
        request.format = f.value(1);
        request.node = f.value(2);
        request.instanceType = f.value(3);
        const ImportOutcome outcome = importFile(ws, request);
        if (!outcome.duplicate) ++added;
    }
    return added;
}

}  // namespace headroom
