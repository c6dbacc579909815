#include "node_names.h"

namespace headroom {

QString nodeOrDataset(const QString& own, const QString& datasetNode, qint64 datasetId)
{
    if (!own.isEmpty()) return own;
    if (!datasetNode.isEmpty()) return datasetNode;
    return QStringLiteral("dataset %1").arg(datasetId);
}

}  // namespace headroom
