#pragma once
#include <QSqlDatabase>

struct sqlite3;

namespace headroom::sql {

// The sqlite3 connection behind a Qt SQL (QSQLITE) connection.
sqlite3* rawHandle(const QSqlDatabase& db);

// Nothing stored in the file may run or change the engine: defensive mode (no writable schema,
// no raw page writes) and untrusted schema (functions with side effects may not run from a
// view or trigger). A workspace comes from anyone's e-mail.
void makeDefensive(const QSqlDatabase& db);

}  // namespace headroom::sql
