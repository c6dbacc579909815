#pragma once
#include <QSqlDatabase>
#include <QString>

namespace headroom::schema_check {

// Compares the schema objects of `db` (tables, indexes, triggers, views) with those this
// program creates for schema `version`. Returns what differs in words ("a trigger 'wipe' that
// Headroom does not create"), empty when the schema is exactly Headroom's. A workspace is a
// document people send each other: a trigger or view someone planted would run inside our
// transactions, so a file with anything unexpected is refused before it is written.
QString differences(const QSqlDatabase& db, int version);

// Values a column must hold to be read as a number: lists the first cell of the catalog whose
// stored type cannot be a number ("instance_type row 12: price_per_hour is 'abc'"), empty when
// all are numbers. Only the small tables are checked (the catalog), so opening stays quick.
QString badlyTypedCell(const QSqlDatabase& db);

}  // namespace headroom::schema_check
