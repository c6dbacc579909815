#include "load_test_results.h"

#include "selection_sql.h"
#include "sql.h"
#include "workspace.h"

#include <QJsonDocument>

namespace headroom {

namespace {

QJsonObject objectOf(const QVariant& v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }

}  // namespace

std::vector<LoadTestDataset> datasetsMeasuring(const Workspace& ws, const Selection& selection, const QString& metric)
{
    QVariantList binds{metric, metric};  // the EXISTS and the headline path come first in the statement
    const QString where = sql::datasetConditions(selection, binds);
    QSqlQuery q = sql::run(ws, QStringLiteral("SELECT d.id, d.name, d.labels, d.metrics FROM dataset d WHERE "
                                              "(EXISTS (SELECT 1 FROM measurement m WHERE m.dataset_id = d.id AND m.metric = ?) "
                                              "OR json_extract(d.metrics, '$.\"' || ? || '\"') IS NOT NULL)") +
                                   where + QStringLiteral(" ORDER BY d.id"),
                           binds);
    std::vector<LoadTestDataset> out;
    while (q.next()) out.push_back({q.value(0).toLongLong(), q.value(1).toString(), objectOf(q.value(2)), objectOf(q.value(3))});
    return out;
}

std::vector<MeasuredValue> measurementsOf(const Workspace& ws, qint64 datasetId, const QString& metric)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral("SELECT value, labels FROM measurement WHERE dataset_id = ? AND metric = ? ORDER BY id"),
                            {datasetId, metric});
    std::vector<MeasuredValue> out;
    while (q.next()) out.push_back({q.value(0).toDouble(), objectOf(q.value(1))});
    return out;
}

std::optional<double> largestUserCount(const Workspace& ws, qint64 datasetId)
{
    const QVariant v = sql::scalar(ws.database(), QStringLiteral(
        "SELECT max(value) FROM measurement WHERE dataset_id = ? AND "
        "(metric LIKE 'k6.vus_max%' OR metric = 'http.users' OR metric = 'http.vus')"), {datasetId});
    if (!v.isValid() || v.isNull()) return std::nullopt;
    return v.toDouble();
}

}  // namespace headroom
