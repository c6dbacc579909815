#include "dataset_titles.h"

#include "sql.h"
#include "workspace.h"

namespace headroom {

std::optional<qint64> datasetNamed(const Workspace& ws, const QString& idOrTitle)
{
    bool isId = false;
    const qint64 id = idOrTitle.toLongLong(&isId);
    const QVariant found = isId ? sql::scalar(ws.database(), QStringLiteral("SELECT id FROM dataset WHERE id = ?"), {id})
                                : sql::scalar(ws.database(), QStringLiteral("SELECT id FROM dataset WHERE name = ? ORDER BY id LIMIT 1"), {idOrTitle});
    if (!found.isValid()) return std::nullopt;
    return found.toLongLong();
}

}  // namespace headroom
