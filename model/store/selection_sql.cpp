#include "selection_sql.h"

#include "sql.h"
#include "workspace.h"

namespace headroom::sql {

QString datasetConditions(const Selection& s, QVariantList& binds)
{
    QString where;
    if (!s.provider.isEmpty()) {
        where += QStringLiteral(" AND (lower(coalesce(d.provider, '')) = lower(?) OR lower(coalesce(d.instance_type_key, '')) LIKE lower(?))");
        binds << s.provider << (s.provider + QStringLiteral("/%"));
    }
    if (!s.instanceType.isEmpty()) {
        where += QStringLiteral(" AND lower(coalesce(d.instance_type_key, '')) = lower(?)");
        binds << s.instanceType;
    }
    if (s.datasetId > 0) {
        where += QStringLiteral(" AND d.id = ?");
        binds << s.datasetId;
    }
    return where;
}

QSqlQuery run(const Workspace& ws, const QString& statement, const QVariantList& binds)
{
    QSqlQuery q = prepare(ws.database(), statement);
    for (const QVariant& b : binds) q.addBindValue(b);
    execPrepared(q);
    return q;
}

}  // namespace headroom::sql
