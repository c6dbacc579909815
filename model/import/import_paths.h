#pragma once
#include <QStringList>

namespace headroom {

// What `headroom import PATH…` (or a drop on the window) will read: files as given, and for a
// folder every file below it that some importer recognises, in path order (a Hive-partitioned
// table is a folder tree of CSV files). Notes, licences and other unrecognised files inside a
// folder are listed in `skipped`, not reported as errors.
struct ImportPaths {
    QStringList files;
    QStringList skipped;
};
ImportPaths expandImportPaths(const QStringList& paths);

}  // namespace headroom
