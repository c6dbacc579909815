#pragma once
#include <QString>

namespace headroom {
// Creates the QApplication and the main window on `workspacePath` (default workspace if empty).
int runGui(int& argc, char** argv, const QString& workspacePath);
}
