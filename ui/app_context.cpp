#include "app_context.h"

#include "store/workspace.h"
#include "task_tracker.h"

namespace headroom {

AppContext::AppContext(QObject* parent) : QObject(parent), tasks_(new TaskTracker(this)) {}

AppContext::~AppContext() = default;

void AppContext::setWorkspace(std::unique_ptr<Workspace> ws)
{
    tasks_->cancelAll();
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
