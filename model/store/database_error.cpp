#include "database_error.h"

#include <QSqlError>
#include <sqlite3.h>

namespace headroom::sql {

QString describeSqliteError(int code, const QString& message)
{
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("the workspace is busy: another program (perhaps another Headroom) kept it locked "
                              "for too long; try again when it has finished");
    case SQLITE_FULL:
        return QStringLiteral("the disk is full; free some space and try again (nothing was changed)");
    case SQLITE_READONLY:
        return QStringLiteral("the workspace cannot be written (read-only file or folder)");
    case SQLITE_IOERR:
        return QStringLiteral("the disk reported an error while reading or writing the workspace (%1)").arg(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("the workspace file is damaged (%1)").arg(message);
    case SQLITE_CANTOPEN:
        return QStringLiteral("the workspace file or its folder cannot be opened (%1)").arg(message);
    case SQLITE_NOMEM:
        return QStringLiteral("out of memory while working on the workspace");
    case SQLITE_INTERRUPT:
        return QStringLiteral("interrupted");
    case SQLITE_CONSTRAINT:
        if (message.contains(QLatin1String("CHECK")))
            return QStringLiteral("a value is outside what the workspace accepts (%1)").arg(message);
        if (message.contains(QLatin1String("UNIQUE")))
            return QStringLiteral("the same entry is already stored (%1)").arg(message);
        return QStringLiteral("the data breaks a rule of the workspace (%1)").arg(message);
    case SQLITE_MISMATCH:
        return QStringLiteral("a value has the wrong type for its column (%1)").arg(message);
    case SQLITE_ERROR:
        if (message.contains(QLatin1String("no such table")) || message.contains(QLatin1String("no such column")))
            return QStringLiteral("the workspace lacks a part this Headroom needs (%1); it may be damaged").arg(message);
        break;
    default:
        break;
    }
    return QStringLiteral("the workspace database reported: %1").arg(message);
}

QString describeError(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return describeSqliteError(ok ? code : SQLITE_ERROR, message);
}

}  // namespace headroom::sql
