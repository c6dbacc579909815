#include "sqlite_handle.h"

#include "database_error.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace headroom::sql {

sqlite3* rawHandle(const QSqlDatabase& db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        throw RuntimeFailure(QStringLiteral("the SQLite driver does not expose its handle"));
    return *static_cast<sqlite3* const*>(v.data());
}

void makeDefensive(const QSqlDatabase& db)
{
    sqlite3* handle = rawHandle(db);
    int state = 0;
    if (sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, &state) != SQLITE_OK || state != 1)
        throw DatabaseFailure(db.databaseName(), QStringLiteral("cannot switch SQLite to defensive mode"));
    if (sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &state) != SQLITE_OK || state != 0)
        throw DatabaseFailure(db.databaseName(), QStringLiteral("cannot switch off SQLite's trusted schema"));
}

}  // namespace headroom::sql
