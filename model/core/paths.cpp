#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace headroom {

QString dataDirectory()
{
    const QString fromEnv = qEnvironmentVariable("HEADROOM_DATA_DIR");
    if (!fromEnv.isEmpty()) return fromEnv;
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/headroom"));
        if (QFileInfo::exists(installed + QStringLiteral("/catalog"))) return QDir::cleanPath(installed);
    }
#ifdef HEADROOM_SOURCE_DATA_DIR
    return QStringLiteral(HEADROOM_SOURCE_DATA_DIR);
#else
    return QString();
#endif
}

QString defaultWorkspacePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.local/share/headroom");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/default.headroom");
}

}  // namespace headroom
