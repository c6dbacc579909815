#pragma once
#include <QMainWindow>
#include <QVector>

class QListWidget;
class QStackedWidget;
class QLabel;
class QProgressBar;
class QToolButton;
class QMenu;
class QTextBrowser;
class QDockWidget;

namespace headroom {

class AppContext;
class ImportController;
class Page;

// The one window: navigation list on the left, one page per entry, status bar with the
// workspace and background progress (with Cancel). Pages do the work; this class wires them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `path`, or the default workspace when empty; shows a message and keeps the current
    // workspace when the file cannot be opened. Returns true on success.
    bool openWorkspaceOrDefault(const QString& path);
    bool openWorkspace(const QString& path);

    AppContext* context() const { return context_; }
    const QVector<Page*>& pages() const { return pages_; }
    void showPage(int index);
    Page* pageByTitle(const QString& title) const;
    ImportController* importer() const { return importer_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void restoreScenario();
    void buildPages();
    void buildMenus();
    void buildStatusBar();
    void newWorkspace();
    void chooseWorkspace();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void showAbout();

    AppContext* context_;
    ImportController* importer_;
    QListWidget* navigation_;
    QStackedWidget* stack_;
    QVector<Page*> pages_;
    QLabel* workspaceLabel_;
    QLabel* taskLabel_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QMenu* recentMenu_ = nullptr;
    QDockWidget* resultsDock_;
    QTextBrowser* results_;
};

}  // namespace headroom
