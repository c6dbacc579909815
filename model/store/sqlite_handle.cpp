#include "sqlite_handle.h"

#include "database_error.h"

#include <QFile>
#include <QSqlDriver>
#include <QVariant>
#include <dlfcn.h>
#include <link.h>
#include <sqlite3.h>

namespace headroom::sql {

namespace {

QString objectOf(const void* address)
{
    Dl_info info{};
    return address && dladdr(address, &info) && info.dli_fname ? QString::fromLocal8Bit(info.dli_fname) : QString();
}

// The shared object of the loaded QSQLITE plugin, found among the process's loaded objects.
QString loadedQtDriver()
{
    QString found;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* out) {
            const QString name = QString::fromLocal8Bit(info->dlpi_name ? info->dlpi_name : "");
            if (name.endsWith(QLatin1String("/libqsqlite.so"))) {
                *static_cast<QString*>(out) = name;
                return 1;
            }
            return 0;
        },
        &found);
    return found;
}

}  // namespace

SqliteLibraries sharedSqliteLibrary()
{
    SqliteLibraries libs;
    libs.ours = objectOf(reinterpret_cast<const void*>(&sqlite3_libversion));
    const QString plugin = loadedQtDriver();
    // The symbol as the driver resolves it: from the plugin itself when SQLite is built into it,
    // else from the library the plugin was linked against.
    if (void* handle = plugin.isEmpty() ? nullptr : dlopen(QFile::encodeName(plugin).constData(), RTLD_LAZY | RTLD_NOLOAD)) {
        const void* theirs = dlsym(handle, "sqlite3_libversion");
        libs.qtDriver = theirs ? objectOf(theirs) : plugin + QStringLiteral(" (SQLite built in, not exported)");
        libs.same = theirs == reinterpret_cast<const void*>(&sqlite3_libversion);
        dlclose(handle);
    } else {
        libs.qtDriver = QStringLiteral("(QSQLITE plugin not found among the loaded objects)");
    }
    return libs;
}

sqlite3* rawHandle(const QSqlDatabase& db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        throw RuntimeFailure(QStringLiteral("the SQLite driver does not expose its handle"));
    // Checked once per process: the libraries cannot change after loading.
    static const SqliteLibraries libs = sharedSqliteLibrary();
    if (!libs.same)
        throw RuntimeFailure(QStringLiteral("Qt's SQLite driver uses %1 but Headroom is linked with %2; both must use the "
                                            "same SQLite library (install Qt's libqt6sql6-sqlite built against the "
                                            "system libsqlite3)").arg(libs.qtDriver, libs.ours));
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
