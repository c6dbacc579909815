#include "app_context.h"

#include "store/workspace.h"
#include "job_runner.h"

namespace headroom {

AppContext::AppContext(QObject* parent) : QObject(parent), jobs_(new JobRunner(this)) {}

// Jobs still running share the workspace: the last of them closes it when it ends.
AppContext::~AppContext() { jobs_->abandonAll(); }

void AppContext::setWorkspace(std::unique_ptr<Workspace> ws)
{
    // Results of jobs on the old workspace no longer apply. The jobs are not waited for: they
    // share the old workspace, which closes when the last of them ends.
    jobs_->abandonAll();
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
