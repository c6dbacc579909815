#pragma once
#include "catalog/catalog.h"

#include <QObject>
#include <memory>

namespace headroom {

class Workspace;
class JobRunner;

// What every page shares: the open workspace, its catalog, and the background job runner.
// Pages hold a pointer to it and listen to its signals instead of talking to each other.
class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(QObject* parent = nullptr);
    ~AppContext() override;

    Workspace* workspace() const { return workspace_.get(); }
    // For background jobs: a job shares the workspace, so a workspace switch (or closing the
    // window) never waits for a job and never closes the file under one.
    std::shared_ptr<Workspace> sharedWorkspace() const { return workspace_; }
    const Catalog& catalog() const { return catalog_; }
    JobRunner* jobs() const { return jobs_; }

    // Takes ownership; emits workspaceChanged. Throws nothing: the caller opened it.
    void setWorkspace(std::unique_ptr<Workspace> ws);
    // Re-reads the catalog (after a catalog import or a currency-rate change).
    void reloadCatalog();
    // Tells pages that datasets were added or removed.
    void notifyDatasetsChanged() { emit datasetsChanged(); }

    // The scenario file the Scenario page has open, shared with Simulate/Recommend/Report.
    QString scenarioPath() const { return scenarioPath_; }
    void setScenarioPath(const QString& path);

signals:
    void workspaceChanged();
    void catalogChanged();
    void datasetsChanged();
    void scenarioChanged(const QString& path);

private:
    std::shared_ptr<Workspace> workspace_;
    Catalog catalog_;
    JobRunner* jobs_ = nullptr;
    QString scenarioPath_;
};

}  // namespace headroom
