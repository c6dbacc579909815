#include "series_queries.h"

#include "node_names.h"
#include "selection_sql.h"
#include "sql.h"
#include "workspace.h"

#include <QJsonDocument>

namespace headroom {

namespace {

enum class Order { ByTime, AsRecorded };

std::vector<Series> load(const Workspace& ws, const Selection& selection, Order order)
{
    QVariantList binds;
    QString where = QStringLiteral(" WHERE 1=1") + sql::datasetConditions(selection, binds);
    if (!selection.metric.isEmpty()) {
        where += QStringLiteral(" AND s.metric = ?");
        binds << selection.metric;
    }
    if (!selection.node.isEmpty()) {
        where += QStringLiteral(" AND coalesce(nullif(s.node, ''), d.node) = ?");
        binds << selection.node;
    }
    QSqlQuery q = sql::run(ws, QStringLiteral("SELECT s.id, s.dataset_id, s.node, s.metric, s.unit, s.labels, d.node "
                                              "FROM series s JOIN dataset d ON d.id = s.dataset_id") +
                                   where + QStringLiteral(" ORDER BY s.id"),
                           binds);
    std::vector<Series> out;
    while (q.next()) {
        Series s;
        s.id = q.value(0).toLongLong();
        s.datasetId = q.value(1).toLongLong();
        s.node = order == Order::AsRecorded ? nodeOrDataset(q.value(2).toString(), q.value(6).toString(), s.datasetId)
                                            : q.value(2).toString();
        s.metric = q.value(3).toString();
        s.unit = q.value(4).toString();
        s.labels = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        out.push_back(std::move(s));
    }
    QSqlQuery samples = sql::prepare(ws.database(), order == Order::ByTime
                                                        ? QStringLiteral("SELECT t, value FROM sample WHERE series_id = ? ORDER BY t")
                                                        : QStringLiteral("SELECT t, value FROM sample WHERE series_id = ? ORDER BY rowid"));
    for (Series& s : out) {
        samples.bindValue(0, s.id);
        sql::execPrepared(samples);
        while (samples.next()) {
            s.t.push_back(samples.value(0).toDouble());
            s.v.push_back(samples.value(1).toDouble());
        }
    }
    return out;
}

}  // namespace

std::vector<Series> seriesByTime(const Workspace& ws, const Selection& selection)
{
    return load(ws, selection, Order::ByTime);
}

std::vector<Series> seriesAsRecorded(const Workspace& ws, const Selection& selection)
{
    return load(ws, selection, Order::AsRecorded);
}

}  // namespace headroom
