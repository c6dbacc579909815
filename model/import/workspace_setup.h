#pragma once
#include <QString>
#include <memory>

namespace headroom {

class Workspace;

// Opens a workspace file, creating it when missing; a new file gets the shipped catalog.
std::unique_ptr<Workspace> openWorkspaceFile(const QString& path);

// The user's default workspace. On first use it is created, seeded with the shipped catalog and
// with the real sample inputs in data/sample/ (imported like any user file).
std::unique_ptr<Workspace> openDefaultWorkspace();

// Imports every file of data/sample/ listed in data/sample/manifest.csv into `ws`.
// Returns the number of datasets added.
int importSampleInputs(Workspace& ws);

}  // namespace headroom
