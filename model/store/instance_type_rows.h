#pragma once
#include "catalog/instance_type.h"

#include <QVector>

class QSqlDatabase;

namespace headroom {

class Workspace;

// The workspace's instance_type table: the shipped catalog copied in, and rows of the user's
// own (a catalog file, --instance-type rows) that override shipped rows of the same key.
// catalog/catalog.h makes a Catalog out of them.

enum class CatalogOrigin { Shipped, User };

// Inserts the rows, or refreshes the row of the same provider, name and origin, inside the
// transaction the caller holds.
void upsertInstanceTypes(const QSqlDatabase& db, const QVector<InstanceType>& rows, CatalogOrigin origin);

// Every row, shipped and user, ordered by provider, price and name. userOverride is set on
// user rows; cpuScore is left 0 and the row's stated cpu_score (0 when none) given beside it,
// since only a user's row states one the catalog believes.
struct StoredInstanceType {
    InstanceType type;
    double statedCpuScore = 0;
};
QVector<StoredInstanceType> storedInstanceTypes(const Workspace& ws);

// Whether the shipped catalog has been copied into the workspace.
bool hasShippedInstanceTypes(const Workspace& ws);

}  // namespace headroom
