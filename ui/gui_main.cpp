#include "gui_main.h"

#include "main_window.h"
#include "model.h"

#include <QApplication>
#include <QIcon>

namespace headroom {

int runGui(int& argc, char** argv, const QString& workspacePath)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("headroom"));
    QApplication::setApplicationName(QStringLiteral("headroom"));
    QApplication::setApplicationDisplayName(QStringLiteral("Headroom"));
    QApplication::setApplicationVersion(versionString());
    QApplication::setDesktopFileName(QStringLiteral("io.github.headroom.Headroom"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/headroom.svg")));
    MainWindow window;
    window.openWorkspaceOrDefault(workspacePath);
    window.show();
    return app.exec();
}

}  // namespace headroom
