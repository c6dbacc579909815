#pragma once
#include <QSqlDatabase>

struct sqlite3;

namespace headroom::sql {

// The sqlite3 connection behind a Qt SQL (QSQLITE) connection. Calling into it is only sound
// when Qt's driver and this program use one and the same SQLite library (a driver built with its
// own copy would hand over a handle of another library's layout); the first call checks that
// (sharedSqliteLibrary) and throws RuntimeFailure, naming both libraries, when it is not so.
sqlite3* rawHandle(const QSqlDatabase& db);

// Where the SQLite this program calls and the one Qt's QSQLITE driver calls were loaded from
// (dladdr of sqlite3_libversion as each resolves it), and whether they are the same code.
struct SqliteLibraries {
    QString ours;
    QString qtDriver;
    bool same = false;
};
SqliteLibraries sharedSqliteLibrary();  // after a QSQLITE connection was opened

// Nothing stored in the file may run or change the engine: defensive mode (no writable schema,
// no raw page writes) and untrusted schema (functions with side effects may not run from a
// view or trigger). A workspace comes from anyone's e-mail.
void makeDefensive(const QSqlDatabase& db);

}  // namespace headroom::sql
