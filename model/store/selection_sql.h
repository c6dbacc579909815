#pragma once
#include "selection.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace headroom {
class Workspace;
}

// How the queries in model/store turn a Selection into SQL; not for use outside model/store.
namespace headroom::sql {

// Conditions, each starting with " AND ", on the dataset alias `d` for the selection's provider,
// instance type and dataset (its metric and node are the caller's: they sit on different tables).
QString datasetConditions(const Selection& selection, QVariantList& binds);

// Prepares `statement`, binds `binds` in order and runs it (RuntimeFailure on an SQL error).
QSqlQuery run(const Workspace& ws, const QString& statement, const QVariantList& binds);

}  // namespace headroom::sql
