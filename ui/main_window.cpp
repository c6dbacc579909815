#include "main_window.h"

#include "app_context.h"
#include "core/errors.h"
#include "core/paths.h"
#include "import/workspace_setup.h"
#include "import_controller.h"
#include "model.h"
#include "page_registry.h"
#include "pages/page.h"
#include "store/workspace.h"
#include "job_runner.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolButton>

namespace headroom {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), context_(new AppContext(this)), importer_(new ImportController(context_, this)),
      navigation_(new QListWidget), stack_(new QStackedWidget), workspaceLabel_(new QLabel), taskLabel_(new QLabel),
      progress_(new QProgressBar), cancel_(new QToolButton), resultsDock_(new QDockWidget(tr("Import results"), this)),
      results_(new QTextBrowser)
{
    setWindowTitle(tr("Headroom"));
    setAcceptDrops(true);
    navigation_->setIconSize(QSize(22, 22));
    navigation_->setFixedWidth(170);
    navigation_->setFrameShape(QFrame::NoFrame);
    auto* central = new QWidget;
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(navigation_);
    row->addWidget(stack_, 1);
    setCentralWidget(central);
    resultsDock_->setObjectName(QStringLiteral("importResults"));
    resultsDock_->setWidget(results_);
    addDockWidget(Qt::BottomDockWidgetArea, resultsDock_);
    resultsDock_->hide();

    restoreScenario();
    buildPages();
    buildMenus();
    buildStatusBar();

    connect(navigation_, &QListWidget::currentRowChanged, this, &MainWindow::showPage);
    connect(importer_, &ImportController::finished, this, [this](const QString& html) {
        results_->setHtml(html);
        resultsDock_->show();
        resultsDock_->raise();
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry"))) resize(1280, 800);
    showPage(settings.value(QStringLiteral("window/page"), 0).toInt());
}

// Jobs still running are told to stop and report to no one; the window does not wait for them.
MainWindow::~MainWindow() { context_->jobs()->abandonAll(); }

// The scenario of the last session, or on a first start the bundled web API example, so every
// page has something to simulate, recommend and report on from the first minute.
void MainWindow::restoreScenario()
{
    const QString key = QStringLiteral("scenario/path");
    QString path = QSettings().value(key).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
        path = dataDirectory() + QStringLiteral("/scenarios/python_web_api.json");
    if (QFileInfo::exists(path)) context_->setScenarioPath(path);
    connect(context_, &AppContext::scenarioChanged, this, [key](const QString& chosen) { QSettings().setValue(key, chosen); });
}

void MainWindow::buildPages()
{
    pages_ = createPages(context_);
    for (Page* page : pages_) {
        stack_->addWidget(page);
        auto* item = new QListWidgetItem(QIcon::fromTheme(page->iconName()), page->title(), navigation_);
        item->setSizeHint(QSize(0, 34));
    }
    connectPageSignals(pages_, importer_);
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= pages_.size()) index = 0;
    if (navigation_->currentRow() != index) navigation_->setCurrentRow(index);
    stack_->setCurrentIndex(index);
    pages_[index]->activated();
}

Page* MainWindow::pageByTitle(const QString& title) const
{
    for (Page* p : pages_)
        if (p->title() == title) return p;
    return nullptr;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New workspace…"), QKeySequence::New, this,
                    &MainWindow::newWorkspace);
    file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open workspace…"), QKeySequence::Open, this,
                    &MainWindow::chooseWorkspace);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import files…"),
                    QKeySequence(Qt::CTRL | Qt::Key_I), importer_, &ImportController::chooseAndImport);
    file->addAction(QIcon::fromTheme(QStringLiteral("network-server")), tr("Import from &Prometheus…"), importer_,
                    &ImportController::importFromPrometheus);
    file->addSeparator();
    file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), QKeySequence::Quit, this,
                    &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < pages_.size(); ++i)
        view->addAction(pages_[i]->title(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this, [this, i] { showPage(i); });
    view->addSeparator();
    view->addAction(resultsDock_->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Headroom"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(220);
    progress_->hide();
    cancel_->setText(tr("Cancel"));
    cancel_->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));
    cancel_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    cancel_->hide();
    statusBar()->addWidget(workspaceLabel_, 1);
    statusBar()->addPermanentWidget(taskLabel_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    JobRunner* jobs = context_->jobs();
    connect(cancel_, &QToolButton::clicked, jobs, &JobRunner::cancelAll);
    connect(jobs, &JobRunner::progressChanged, this, [this](const QString& label, int permille) {
        taskLabel_->setText(label);
        progress_->setValue(permille);
        progress_->show();
        cancel_->show();
    });
    connect(jobs, &JobRunner::idle, this, [this] {
        taskLabel_->clear();
        progress_->hide();
        cancel_->hide();
    });
    connect(jobs, &JobRunner::failed, this, [this](const QString& label, const QString& message) {
        statusBar()->showMessage(tr("%1 failed: %2").arg(label, message), 15000);
    });
}

bool MainWindow::openWorkspaceOrDefault(const QString& path)
{
    if (!path.isEmpty()) return openWorkspace(path);
    try {
        context_->setWorkspace(openDefaultWorkspace());
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot open the default workspace"), QString::fromUtf8(e.what()));
        return false;
    }
    workspaceLabel_->setText(tr("Workspace: %1").arg(context_->workspace()->path()));
    rememberRecent(context_->workspace()->path());
    return true;
}

bool MainWindow::openWorkspace(const QString& path)
{
    try {
        auto ws = openWorkspaceFile(path);
        const QString backup = ws->backupPath();
        context_->setWorkspace(std::move(ws));
        if (!backup.isEmpty())
            statusBar()->showMessage(tr("Workspace upgraded; the old file was kept as %1").arg(backup), 15000);
    } catch (const InputError& e) {
        QMessageBox::critical(this, tr("Cannot open workspace"), e.text());
        return false;
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot open workspace"), QString::fromUtf8(e.what()));
        return false;
    }
    workspaceLabel_->setText(tr("Workspace: %1").arg(path));
    setWindowFilePath(path);
    rememberRecent(QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::newWorkspace()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New workspace"), QString(), tr("Headroom workspace (*.headroom)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".headroom"))) path += QStringLiteral(".headroom");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New workspace"), tr("%1 exists already; open it with File → Open.").arg(path));
        return;
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
                                                      tr("Headroom workspace (*.headroom);;All files (*)"));
    if (!path.isEmpty()) openWorkspace(path);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentWorkspaces")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8) recent.removeLast();
    settings.setValue(QStringLiteral("recentWorkspaces"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!recentMenu_) return;
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentWorkspaces")).toStringList();
    for (const QString& path : recent) recentMenu_->addAction(path, this, [this, path] { openWorkspace(path); });
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Headroom"),
                       tr("<h3>Headroom %1</h3><p>Capacity planning for Python web APIs, data pipelines and workers "
                          "on rented servers, from the measurements you already have.</p>")
                           .arg(versionString()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Closing never waits for a job: each stops at its next look at the flag, and the program's
    // thread pool lets it end before the process exits.
    context_->jobs()->abandonAll();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), stack_->currentIndex());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    importer_->importFiles(paths);
    event->acceptProposedAction();
}

}  // namespace headroom
