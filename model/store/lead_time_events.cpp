#include "lead_time_events.h"

#include "selection_sql.h"

#include <QJsonDocument>

namespace headroom {

std::vector<StoredLeadTimeEvent> leadTimeEvents(const Workspace& ws, const Selection& selection)
{
    QVariantList binds;
    QString where = QStringLiteral(" WHERE 1=1");
    if (selection.datasetId > 0) {
        where += QStringLiteral(" AND e.dataset_id = ?");
        binds << selection.datasetId;
    }
    if (!selection.node.isEmpty()) {
        where += QStringLiteral(" AND e.node = ?");
        binds << selection.node;
    }
    QSqlQuery q = sql::run(ws, QStringLiteral("SELECT e.phase, e.duration_s, e.node, e.started_at, e.image_bytes, e.image_cached, "
                                              "e.labels, d.provider, d.instance_type_key "
                                              "FROM lead_time_event e LEFT JOIN dataset d ON d.id = e.dataset_id") +
                                   where + QStringLiteral(" ORDER BY e.id"),
                           binds);
    std::vector<StoredLeadTimeEvent> out;
    while (q.next()) {
        StoredLeadTimeEvent e;
        e.phase = q.value(0).toString();
        e.durationS = q.value(1).toDouble();
        e.node = q.value(2).toString();
        e.startedAt = q.value(3).toDouble();
        if (!q.value(4).isNull()) e.imageBytes = q.value(4).toDouble();
        if (!q.value(5).isNull()) e.imageCached = q.value(5).toInt() != 0;
        e.labels = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        e.datasetProvider = q.value(7).toString();
        e.datasetInstanceType = q.value(8).toString();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace headroom
