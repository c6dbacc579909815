#include "typed_measurements.h"

#include "sql.h"
#include "workspace.h"

#include <QJsonDocument>

namespace headroom {

std::vector<TypedMeasurement> measurementsOnInstanceTypes(const Workspace& ws, const QString& metric)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT lower(d.instance_type_key), m.value, m.labels, d.name FROM measurement m JOIN dataset d ON d.id = m.dataset_id "
        "WHERE m.metric = ? AND d.instance_type_key IS NOT NULL ORDER BY d.id"), {metric});
    std::vector<TypedMeasurement> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toDouble(),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), q.value(3).toString()});
    return out;
}

}  // namespace headroom
