#pragma once
#include <QString>
#include <optional>

namespace headroom {

class Workspace;

// A dataset's title is its `name`: what the Data page, the report and messages call it. An
// importer that knows better than the file name gives one (an Azure partition file
// "unit=Events Per Second.csv" is titled "Sysbench · Test: CPU · short · eastus · D8s v5
// (Events Per Second)"); otherwise it is the imported file's name.

// The dataset `idOrTitle` names: its id ("4"), else the first dataset with that title.
// Absent when there is none.
std::optional<qint64> datasetNamed(const Workspace& ws, const QString& idOrTitle);

}  // namespace headroom
