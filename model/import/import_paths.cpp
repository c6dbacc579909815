#include "import_paths.h"

#include "importer_registry.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace headroom {

ImportPaths expandImportPaths(const QStringList& paths)
{
    ImportPaths out;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isDir()) {
            out.files << path;  // a missing or unreadable file is reported by the import itself
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) found << it.next();
        std::sort(found.begin(), found.end());
        for (const QString& file : found) {
            QFile f(file);
            const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(64 * 1024) : QByteArray();
            if (!head.isEmpty() && ImporterRegistry::instance().detect(head, QFileInfo(file).fileName()))
                out.files << file;
            else
                out.skipped << file;
        }
    }
    return out;
}

}  // namespace headroom
