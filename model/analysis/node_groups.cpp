// loadNodeGroups (analysis_inputs.h): which nodes may be compared with which.
#include "analysis_inputs.h"

#include "store/sql.h"
#include "store/workspace.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <cmath>
#include <map>

namespace headroom::analysis {

namespace {

// What a row says about where it ran, from its own labels or its dataset's.
struct Placement {
    QString instanceType;
    QString zone;
    QString region;
    QString label;  // the value of the group-by label
    bool loopback = false;
};

QString firstOf(const QJsonObject& o, std::initializer_list<const char*> keys)
{
    for (const char* k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isNull()) return v.toVariant().toString();
    }
    return {};
}

bool isLoopback(const QString& host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

// GCP "us-central1-a" and AWS "us-east-1a" name their region before the zone letter.
QString regionOfZone(const QString& zone)
{
    static const QRegularExpression re(QStringLiteral("^(.*\\d)-?[a-z]$"));
    const auto m = re.match(zone);
    return m.hasMatch() ? m.captured(1) : zone;
}

// Labels of a row and its dataset, the row's first.
struct RowLabels {
    const QJsonObject& own;
    const QJsonObject& dataset;
    QString value(std::initializer_list<const char*> keys) const
    {
        const QString v = firstOf(own, keys);
        return v.isEmpty() ? firstOf(dataset, keys) : v;
    }
};

Placement placementOf(const RowLabels& labels, const QString& datasetType, const QString& groupByLabel)
{
    Placement p;
    p.instanceType = datasetType;
    if (p.instanceType.isEmpty()) p.instanceType = labels.value({"instance_type"});
    if (p.instanceType.isEmpty()) {
        // PerfKit samples name the machine type of each run, and the cloud.
        const QString machine = labels.value({"machine_type", "sending_machine_type", "vm_sku"});
        if (!machine.isEmpty()) {
            const QString cloud = labels.value({"cloud", "provider"}).toLower();
            p.instanceType = cloud.isEmpty() ? machine : cloud + QLatin1Char('/') + machine;
        }
    }
    p.zone = labels.value({"zone", "sending_zone", "vm_zone", "availability_zone"});
    p.region = labels.value({"region", "vm_region"});
    if (p.region.isEmpty() && !p.zone.isEmpty()) p.region = regionOfZone(p.zone);
    p.loopback = isLoopback(labels.value({"remote_host", "server", "target_host"}));
    if (!groupByLabel.isEmpty()) {
        if (groupByLabel == QLatin1String("zone")) p.label = p.zone;
        else if (groupByLabel == QLatin1String("region")) p.label = p.region;
        else p.label = labels.value({groupByLabel.toUtf8().constData()});
        if (p.label.isEmpty()) p.label = QStringLiteral("(no %1)").arg(groupByLabel);
    }
    return p;
}

bool matches(const Filter& f, const QString& type, const QString& datasetProvider)
{
    if (!f.instanceType.isEmpty() && type.compare(f.instanceType, Qt::CaseInsensitive) != 0) return false;
    if (!f.provider.isEmpty()) {
        const bool byProvider = datasetProvider.compare(f.provider, Qt::CaseInsensitive) == 0;
        const bool byType = type.startsWith(f.provider + QLatin1Char('/'), Qt::CaseInsensitive);
        if (!byProvider && !byType) return false;
    }
    return true;
}

struct Collector {
    struct Group {
        QString instanceType, label;
        std::map<QString, homogeneity::NodeRuns> nodes;
    };
    std::map<QString, Group> groups;  // by display name

    void add(const Placement& p, const QString& node, double value, double t)
    {
        const QString type = p.loopback ? QStringLiteral("loopback") : p.instanceType;
        QString name = type.isEmpty() ? QStringLiteral("(no instance type)") : type;
        if (p.loopback) name = QStringLiteral("loopback (one machine talking to itself)");
        if (!p.label.isEmpty()) name += QStringLiteral(" · ") + p.label;
        Group& g = groups[name];
        g.instanceType = type;
        g.label = p.label;
        homogeneity::NodeRuns& runs = g.nodes[node];
        if (runs.node.isEmpty()) runs.node = node;
        runs.values.push_back(value);
        runs.t.push_back(t);
    }

    std::vector<NodeGroup> take()
    {
        std::vector<NodeGroup> out;
        for (auto& [name, g] : groups) {
            NodeGroup ng{name, g.instanceType, g.label, {}};
            ng.nodes.reserve(g.nodes.size());
            for (auto& [node, runs] : g.nodes) {
                // Times are kept only when every run has one.
                bool allTimed = true;
                for (double t : runs.t) allTimed = allTimed && std::isfinite(t);
                if (!allTimed) runs.t.clear();
                ng.nodes.push_back(std::move(runs));
            }
            out.push_back(std::move(ng));
        }
        return out;
    }
};

QString nodeOf(const QVariant& own, const QVariant& datasetNode, qint64 datasetId)
{
    if (!own.toString().isEmpty()) return own.toString();
    if (!datasetNode.toString().isEmpty()) return datasetNode.toString();
    return QStringLiteral("dataset %1").arg(datasetId);
}

// The row's labels are read by SQLite (its JSON functions are far faster than parsing every
// row here); a dataset's labels once per dataset.
const char* const kLabelColumns =
    "CASE WHEN json_valid(%1.labels) THEN json_extract(%1.labels, '$.t') END, "
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

}  // namespace

std::vector<NodeGroup> loadNodeGroups(const Workspace& ws, const Filter& filter, const QString& groupByLabel)
{
    const QString labelPath = groupByLabel.isEmpty() ? QStringLiteral("$.__none__")
                                                     : QStringLiteral("$.\"%1\"").arg(QString(groupByLabel).remove(QLatin1Char('"')));
    QHash<qint64, QJsonObject> datasetLabels;
    auto labelsOfDataset = [&](qint64 id, const QVariant& text) -> const QJsonObject& {
        auto it = datasetLabels.find(id);
        if (it == datasetLabels.end()) it = datasetLabels.insert(id, QJsonDocument::fromJson(text.toString().toUtf8()).object());
        return *it;
    };
    Collector collector;
    QHash<QString, Placement> placements;  // by (dataset, row label summary): most rows share one
    auto consume = [&](QSqlQuery& q) {
        while (q.next()) {
            const qint64 datasetId = q.value(2).toLongLong();
            const QString summary = q.value(7).toString();
            const QString key = QString::number(datasetId) + QLatin1Char('|') + summary;
            auto it = placements.find(key);
            if (it == placements.end()) {
                QJsonObject own = QJsonDocument::fromJson(summary.toUtf8()).object();
                if (own.contains(QStringLiteral("by"))) own.insert(groupByLabel, own.take(QStringLiteral("by")));
                const QJsonObject& ds = labelsOfDataset(datasetId, q.value(8));
                Placement p = placementOf(RowLabels{own, ds}, q.value(4).toString(), groupByLabel);
                if (!matches(filter, p.loopback ? QString() : p.instanceType, q.value(5).toString())) p.instanceType = QStringLiteral("\x01skip");
                it = placements.insert(key, p);
            }
            if (it->instanceType == QLatin1String("\x01skip")) continue;
            const QVariant t = q.value(6);
            const double time = t.isNull() ? NAN : t.toDouble();
            collector.add(*it, nodeOf(q.value(1), q.value(3), datasetId), q.value(0).toDouble(), time);
        }
    };

    QVariantList binds{labelPath, filter.metric};
    QString where = QStringLiteral(" WHERE m.metric = ?");
    if (filter.datasetId > 0) {
        where += QStringLiteral(" AND d.id = ?");
        binds << filter.datasetId;
    }
    if (!filter.node.isEmpty()) {
        where += QStringLiteral(" AND coalesce(nullif(m.node, ''), d.node) = ?");
        binds << filter.node;
    }
    QSqlQuery q = sql::prepare(ws.database(),
        QStringLiteral("SELECT m.value, m.node, d.id, d.node, coalesce(d.instance_type_key, ''), coalesce(d.provider, ''), ") +
        QString::fromLatin1(kLabelColumns).arg(QStringLiteral("m")) +
        QStringLiteral(", d.labels FROM measurement m JOIN dataset d ON d.id = m.dataset_id") + where + QStringLiteral(" ORDER BY m.id"));
    for (const QVariant& b : binds) q.addBindValue(b);
    sql::execPrepared(q);
    consume(q);

    if (collector.groups.empty()) {
        // No benchmark runs of this metric: the samples of its series, with their own times.
        QString swhere = QStringLiteral(" WHERE s.metric = ?");
        QVariantList sbinds{labelPath, filter.metric};
        if (filter.datasetId > 0) {
            swhere += QStringLiteral(" AND d.id = ?");
            sbinds << filter.datasetId;
        }
        if (!filter.node.isEmpty()) {
            swhere += QStringLiteral(" AND coalesce(nullif(s.node, ''), d.node) = ?");
            sbinds << filter.node;
        }
        QString columns = QString::fromLatin1(kLabelColumns).arg(QStringLiteral("s"));
        columns.replace(QStringLiteral("CASE WHEN json_valid(s.labels) THEN json_extract(s.labels, '$.t') END"), QStringLiteral("x.t"));
        QSqlQuery sq = sql::prepare(ws.database(),
            QStringLiteral("SELECT x.value, s.node, d.id, d.node, coalesce(d.instance_type_key, ''), coalesce(d.provider, ''), ") + columns +
            QStringLiteral(", d.labels FROM sample x JOIN series s ON s.id = x.series_id JOIN dataset d ON d.id = s.dataset_id") +
            swhere + QStringLiteral(" ORDER BY s.id, x.t"));
        for (const QVariant& b : sbinds) sq.addBindValue(b);
        sql::execPrepared(sq);
        consume(sq);
    }
    return collector.take();
}

}  // namespace headroom::analysis
