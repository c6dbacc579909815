#pragma once
#include <QSqlDatabase>

namespace headroom::migrations {

// The schema version this program writes (PRAGMA user_version).
int latestVersion();
// Applies migrations fromVersion+1 … toVersion, each in its own transaction that also sets
// user_version, so a crash leaves the file at a whole version.
void apply(const QSqlDatabase& db, int fromVersion, int toVersion);
// Tables that every workspace of `version` must have; used to spot damaged files.
QStringList requiredTables(int version);

}  // namespace headroom::migrations
