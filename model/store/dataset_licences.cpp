#include "dataset_licences.h"

#include "sql.h"
#include "workspace.h"

#include <QSqlQuery>
#include <algorithm>

namespace headroom {

QString DataLicence::text() const
{
    QString t = dataset + QStringLiteral(", ") + licence;
    if (!attribution.isEmpty()) t += QStringLiteral(": ") + attribution;
    if (!sourceUrl.isEmpty()) t += QStringLiteral(" (") + sourceUrl + QLatin1Char(')');
    return t;
}

std::vector<DataLicence> dataLicences(const Workspace& ws)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT id, name, json_extract(labels, '$.dataset'), json_extract(labels, '$.licence'), "
        "json_extract(labels, '$.attribution'), json_extract(labels, '$.source_url') FROM dataset "
        "WHERE json_valid(labels) AND json_extract(labels, '$.licence') IS NOT NULL ORDER BY id"));
    std::vector<DataLicence> out;
    while (q.next()) {
        DataLicence l;
        l.dataset = q.value(2).toString().isEmpty() ? q.value(1).toString() : q.value(2).toString();
        l.licence = q.value(3).toString();
        l.attribution = q.value(4).toString();
        l.sourceUrl = q.value(5).toString();
        auto same = [&](const DataLicence& o) {
            return o.dataset == l.dataset && o.licence == l.licence && o.attribution == l.attribution && o.sourceUrl == l.sourceUrl;
        };
        auto it = std::find_if(out.begin(), out.end(), same);
        if (it == out.end()) it = out.insert(out.end(), l);
        it->datasetIds.push_back(q.value(0).toLongLong());
    }
    return out;
}

}  // namespace headroom
