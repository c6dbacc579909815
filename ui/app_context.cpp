#include "app_context.h"

#include "store/workspace.h"
#include "task_tracker.h"

namespace headroom {

AppContext::AppContext(QObject* parent) : QObject(parent), tasks_(new TaskTracker(this)) {}

// The jobs still running use the workspace, which as a member goes before the tracker (a child).
AppContext::~AppContext() { tasks_->abandonAll(); }

void AppContext::setWorkspace(std::unique_ptr<Workspace> ws)
{
    // Jobs on the old workspace end before it closes; their results no longer apply.
    tasks_->abandonAll();
    workspace_ = std::move(ws);
    catalog_ = workspace_ ? Catalog::load(*workspace_) : Catalog();
    emit workspaceChanged();
    emit catalogChanged();
    emit datasetsChanged();
}

void AppContext::reloadCatalog()
{
    if (!workspace_) return;
    catalog_ = Catalog::load(*workspace_);
    emit catalogChanged();
}

void AppContext::setScenarioPath(const QString& path)
{
    scenarioPath_ = path;
    emit scenarioChanged(path);
}

}  // namespace headroom
