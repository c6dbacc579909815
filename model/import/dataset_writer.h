#pragma once
#include "import_result.h"

#include <QDateTime>

namespace headroom {

class Workspace;

// Where a dataset came from, stored next to its data for provenance.
struct DatasetOrigin {
    QString name;          // shown in tables: the file's base name or the query
    QString source;        // absolute path or URL (never with credentials)
    QString sha256;        // of the bytes imported
    QString node;          // --node, else the node the file names
    QString instanceType;  // --instance-type "provider/name", may be empty
    QDateTime importedAt = QDateTime::currentDateTimeUtc();
};

// Writes one parsed file as one dataset in a single transaction: either every measurement,
// series, sample and event is stored, or (on any error or cancel) nothing is.
// Samples go through one reused prepared statement on the raw SQLite handle.
qint64 writeDataset(Workspace& ws, const DatasetOrigin& origin, const ImportResult& result,
                    const std::atomic<bool>* cancel = nullptr);

}  // namespace headroom
