#pragma once
#include <QString>

namespace headroom {

// The folder holding the shipped catalog, sample inputs and example scenarios.
// Looked up in order: $HEADROOM_DATA_DIR, <exe>/../share/headroom (installed), the source tree.
QString dataDirectory();

// The default workspace file in the user's data folder (QStandardPaths::AppDataLocation).
QString defaultWorkspacePath();

}  // namespace headroom
