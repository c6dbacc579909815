#include "metric_runs.h"

#include "node_names.h"
#include "selection_sql.h"

namespace headroom {

namespace {

// The row's labels are read by SQLite (its JSON functions are far faster than parsing every
// row in C++). %1 is the alias of the table whose labels are read; the group-by label's JSON
// path is bound first.
const char* const kPlacementColumn =
    "CASE WHEN json_valid(%1.labels) THEN json_object("
    "'instance_type', json_extract(%1.labels, '$.instance_type'), "
    "'machine_type', json_extract(%1.labels, '$.machine_type'), "
    "'sending_machine_type', json_extract(%1.labels, '$.sending_machine_type'), "
    "'cloud', json_extract(%1.labels, '$.cloud'), "
    "'zone', json_extract(%1.labels, '$.zone'), "
    "'sending_zone', json_extract(%1.labels, '$.sending_zone'), "
    "'region', json_extract(%1.labels, '$.region'), "
    "'remote_host', json_extract(%1.labels, '$.remote_host'), "
    "'by', json_extract(%1.labels, ?)) END";

QString labelPath(const QString& groupByLabel)
{
    return groupByLabel.isEmpty() ? QStringLiteral("$.__none__")
                                  : QStringLiteral("$.\"%1\"").arg(QString(groupByLabel).remove(QLatin1Char('"')));
}

// Columns: value, own node, dataset id, dataset node, dataset type, dataset provider, t, placement.
void visitRows(QSqlQuery& q, const MetricRunVisitor& visit)
{
    MetricRun run;
    while (q.next()) {
        run.value = q.value(0).toDouble();
        run.datasetId = q.value(2).toLongLong();
        run.node = nodeOrDataset(q.value(1).toString(), q.value(3).toString(), run.datasetId);
        run.datasetInstanceType = q.value(4).toString();
        run.datasetProvider = q.value(5).toString();
        const QVariant t = q.value(6);
        run.t = t.isNull() ? NAN : t.toDouble();
        run.placementLabels = q.value(7).toString();
        visit(run);
    }
}

// " AND …" for the selection's dataset and node; `alias` is the table holding the row's node.
QString rowConditions(const Selection& s, const QString& alias, QVariantList& binds)
{
    QString where;
    if (s.datasetId > 0) {
        where += QStringLiteral(" AND d.id = ?");
        binds << s.datasetId;
    }
    if (!s.node.isEmpty()) {
        where += QStringLiteral(" AND coalesce(nullif(%1.node, ''), d.node) = ?").arg(alias);
        binds << s.node;
    }
    return where;
}

}  // namespace

void forEachMeasuredRun(const Workspace& ws, const Selection& selection, const QString& groupByLabel,
                        const MetricRunVisitor& visit)
{
    QVariantList binds{labelPath(groupByLabel), selection.metric};
    const QString where = QStringLiteral(" WHERE m.metric = ?") + rowConditions(selection, QStringLiteral("m"), binds);
    QSqlQuery q = sql::run(ws,
        QStringLiteral("SELECT m.value, m.node, d.id, d.node, coalesce(d.instance_type_key, ''), coalesce(d.provider, ''), "
                       "CASE WHEN json_valid(m.labels) THEN json_extract(m.labels, '$.t') END, ") +
            QString::fromLatin1(kPlacementColumn).arg(QStringLiteral("m")) +
            QStringLiteral(" FROM measurement m JOIN dataset d ON d.id = m.dataset_id") + where + QStringLiteral(" ORDER BY m.id"),
        binds);
    visitRows(q, visit);
}

void forEachSampledRun(const Workspace& ws, const Selection& selection, const QString& groupByLabel,
                       const MetricRunVisitor& visit)
{
    QVariantList binds{labelPath(groupByLabel), selection.metric};
    const QString where = QStringLiteral(" WHERE s.metric = ?") + rowConditions(selection, QStringLiteral("s"), binds);
    QSqlQuery q = sql::run(ws,
        QStringLiteral("SELECT x.value, s.node, d.id, d.node, coalesce(d.instance_type_key, ''), coalesce(d.provider, ''), x.t, ") +
            QString::fromLatin1(kPlacementColumn).arg(QStringLiteral("s")) +
            QStringLiteral(" FROM sample x JOIN series s ON s.id = x.series_id JOIN dataset d ON d.id = s.dataset_id") + where +
            QStringLiteral(" ORDER BY s.id, x.t"),
        binds);
    visitRows(q, visit);
}

}  // namespace headroom
