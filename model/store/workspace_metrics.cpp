#include "workspace_metrics.h"

#include "sql.h"
#include "workspace.h"

namespace headroom {

QStringList metricsInWorkspace(const Workspace& ws)
{
    // A skip scan of the metric indexes: one lookup per distinct metric instead of a pass over
    // every row, so the pickers fill at once on a workspace of a million measurements.
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "WITH RECURSIVE m(x) AS (SELECT min(metric) FROM measurement UNION ALL "
        "  SELECT (SELECT min(metric) FROM measurement WHERE metric > x) FROM m WHERE x IS NOT NULL), "
        "s(x) AS (SELECT min(metric) FROM series UNION ALL "
        "  SELECT (SELECT min(metric) FROM series WHERE metric > x) FROM s WHERE x IS NOT NULL) "
        "SELECT x FROM m WHERE x IS NOT NULL UNION SELECT x FROM s WHERE x IS NOT NULL ORDER BY 1"));
    QStringList out;
    while (q.next()) out << q.value(0).toString();
    return out;
}

QStringList measuredMetrics(const Workspace& ws)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral("SELECT DISTINCT metric FROM measurement ORDER BY metric"));
    QStringList out;
    while (q.next()) out << q.value(0).toString();
    return out;
}

QString usualUnitOf(const Workspace& ws, const QString& metric)
{
    QVariant u = sql::scalar(ws.database(), QStringLiteral("SELECT unit FROM measurement WHERE metric = ? AND coalesce(unit, '') <> '' "
                                                           "GROUP BY unit ORDER BY count(*) DESC LIMIT 1"), {metric});
    if (!u.isValid())
        u = sql::scalar(ws.database(), QStringLiteral("SELECT unit FROM series WHERE metric = ? AND coalesce(unit, '') <> '' LIMIT 1"), {metric});
    return u.toString();
}

}  // namespace headroom
