#include "main_window.h"

#include "import/workspace_setup.h"
#include "store/workspace.h"

namespace headroom {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {}
MainWindow::~MainWindow() = default;

void MainWindow::openWorkspaceOrDefault(const QString& path)
{
    workspace_ = path.isEmpty() ? openDefaultWorkspace() : openWorkspaceFile(path);
}

}  // namespace headroom
