#include "workspace_setup.h"

#include "catalog/catalog.h"
#include "core/csv.h"
#include "core/errors.h"
#include "core/paths.h"
#include "import_service.h"
#include "store/instance_type_rows.h"
#include "store/workspace.h"

#include <QFile>
#include <QLockFile>

namespace headroom {

namespace {

// Filling a new workspace is done by one process at a time: several programs started at once
// on a fresh machine would otherwise all see an empty catalog and all seed it. The lock file
// beside the workspace disappears when released; one left by a killed process is taken over.
std::unique_ptr<QLockFile> lockSetup(const QString& workspacePath)
{
    auto lock = std::make_unique<QLockFile>(workspacePath + QStringLiteral(".setup-lock"));
    lock->setStaleLockTime(0);  // stale only when its process is gone
    if (!lock->tryLock(300000))
        throw RuntimeFailure(QStringLiteral("%1: another Headroom has been setting up this workspace for five minutes; "
                                            "try again when it has finished").arg(workspacePath));
    return lock;
}

}  // namespace

std::unique_ptr<Workspace> openWorkspaceFile(const QString& path)
{
    auto ws = Workspace::open(path);
    if (!hasShippedInstanceTypes(*ws)) {
        const auto lock = lockSetup(path);
        if (!hasShippedInstanceTypes(*ws)) Catalog::seedShipped(*ws);
    }
    return ws;
}

std::unique_ptr<Workspace> openDefaultWorkspace()
{
    const QString path = defaultWorkspacePath();
    auto ws = openWorkspaceFile(path);
    if (ws->setting(QStringLiteral("sample.imported")).isEmpty()) {
        const auto lock = lockSetup(path);
        if (ws->setting(QStringLiteral("sample.imported")).isEmpty()) {
            importSampleInputs(*ws);
            ws->setSetting(QStringLiteral("sample.imported"), QStringLiteral("1"));
        }
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
