#pragma once
#include <QString>

namespace headroom {

// The name of the node a row was measured on: the row's own node, else its dataset's, else
// "dataset N". One rule for every query, so the Fleet page, the data-quality findings and the
// report name an unnamed node the same way.
QString nodeOrDataset(const QString& own, const QString& datasetNode, qint64 datasetId);

}  // namespace headroom
