#pragma once
#include "catalog/catalog.h"

#include <QObject>
#include <memory>

namespace headroom {

class Workspace;
class TaskTracker;

// What every page shares: the open workspace, its catalog, and the background task tracker.
// Pages hold a pointer to it and listen to its signals instead of talking to each other.
class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(QObject* parent = nullptr);
    ~AppContext() override;

    Workspace* workspace() const { return workspace_.get(); }
    const Catalog& catalog() const { return catalog_; }
    TaskTracker* tasks() const { return tasks_; }

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
    std::unique_ptr<Workspace> workspace_;
    Catalog catalog_;
    TaskTracker* tasks_ = nullptr;
    QString scenarioPath_;
};

}  // namespace headroom
