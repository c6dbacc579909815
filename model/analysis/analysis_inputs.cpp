#include "analysis_inputs.h"

#include "store/sql.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <map>

namespace headroom::analysis {

namespace {

QJsonObject parseLabels(const QVariant& v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }

// WHERE clauses on the dataset alias `d` for the filter's provider, type and dataset.
QString datasetConditions(const Filter& f, QVariantList& binds)
{
    QString where;
    if (!f.provider.isEmpty()) {
        where += QStringLiteral(" AND (lower(coalesce(d.provider, '')) = lower(?) OR lower(coalesce(d.instance_type_key, '')) LIKE lower(?))");
        binds << f.provider << (f.provider + QStringLiteral("/%"));
    }
    if (!f.instanceType.isEmpty()) {
        where += QStringLiteral(" AND lower(coalesce(d.instance_type_key, '')) = lower(?)");
        binds << f.instanceType;
    }
    if (f.datasetId > 0) {
        where += QStringLiteral(" AND d.id = ?");
        binds << f.datasetId;
    }
    return where;
}

QSqlQuery run(const Workspace& ws, const QString& statement, const QVariantList& binds)
{
    QSqlQuery q = sql::prepare(ws.database(), statement);
    for (const QVariant& b : binds) q.addBindValue(b);
    sql::execPrepared(q);
    return q;
}

QString nodeName(const QVariant& own, const QVariant& datasetNode, qint64 datasetId)
{
    if (!own.toString().isEmpty()) return own.toString();
    if (!datasetNode.toString().isEmpty()) return datasetNode.toString();
    return QStringLiteral("dataset %1").arg(datasetId);
}

std::optional<double> numberOf(const QJsonValue& v)
{
    if (v.isDouble()) return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

}  // namespace

std::vector<quality::SeriesInput> loadQualityInputs(const Workspace& ws, const Filter& filter)
{
    QVariantList binds;
    QString where = QStringLiteral(" WHERE 1=1") + datasetConditions(filter, binds);
    if (!filter.metric.isEmpty()) {
        where += QStringLiteral(" AND s.metric = ?");
        binds << filter.metric;
    }
    if (!filter.node.isEmpty()) {
        where += QStringLiteral(" AND coalesce(nullif(s.node, ''), d.node) = ?");
        binds << filter.node;
    }
    QSqlQuery q = run(ws, QStringLiteral("SELECT s.id, s.node, s.metric, s.labels, d.node, d.id FROM series s "
                                         "JOIN dataset d ON d.id = s.dataset_id") + where + QStringLiteral(" ORDER BY s.id"),
                      binds);
    std::vector<quality::SeriesInput> out;
    while (q.next()) {
        quality::SeriesInput s;
        s.seriesId = q.value(0).toLongLong();
        s.node = nodeName(q.value(1), q.value(4), q.value(5).toLongLong());
        s.metric = q.value(2).toString();
        s.labels = parseLabels(q.value(3));
        out.push_back(std::move(s));
    }
    // Insertion order (rowid), not time order: out-of-order arrival must stay visible.
    QSqlQuery samples = sql::prepare(ws.database(), QStringLiteral("SELECT t, value FROM sample WHERE series_id = ? ORDER BY rowid"));
    for (quality::SeriesInput& s : out) {
        samples.bindValue(0, s.seriesId);
        sql::execPrepared(samples);
        while (samples.next()) {
            s.t.push_back(samples.value(0).toDouble());
            s.v.push_back(samples.value(1).toDouble());
        }
    }
    return out;
}

std::vector<noisy::StealSeries> loadStealSeries(const Workspace& ws, const Filter& filter)
{
    Filter f = filter;
    f.metric = QStringLiteral("cpu.steal_pct");
    std::vector<noisy::StealSeries> out;
    for (quality::SeriesInput& s : loadQualityInputs(ws, f)) {
        noisy::StealSeries steal{s.node, s.seriesId, std::move(s.t), std::move(s.v)};
        out.push_back(std::move(steal));
    }
    return out;
}

std::vector<leadtime::Observation> loadLeadTimeObservations(const Workspace& ws, const Filter& filter)
{
    // Provider and instance type may sit on the event (a boot-timing file covers many types)
    // or on its dataset (--instance-type at import), so they are matched here, not in SQL.
    QVariantList binds;
    QString where = QStringLiteral(" WHERE 1=1");
    if (filter.datasetId > 0) {
        where += QStringLiteral(" AND e.dataset_id = ?");
        binds << filter.datasetId;
    }
    if (!filter.node.isEmpty()) {
        where += QStringLiteral(" AND e.node = ?");
        binds << filter.node;
    }
    QSqlQuery q = run(ws, QStringLiteral("SELECT e.phase, e.duration_s, e.node, e.started_at, e.image_bytes, e.image_cached, "
                                         "e.labels, d.provider, d.instance_type_key "
                                         "FROM lead_time_event e LEFT JOIN dataset d ON d.id = e.dataset_id") +
                              where + QStringLiteral(" ORDER BY e.id"), binds);
    std::vector<leadtime::Observation> out;
    while (q.next()) {
        const QJsonObject labels = parseLabels(q.value(6));
        QString type = labels.value(QStringLiteral("instance_type")).toString();
        if (type.isEmpty()) type = q.value(8).toString();
        QString provider = labels.value(QStringLiteral("provider")).toString();
        if (provider.isEmpty()) provider = q.value(7).toString();
        if (provider.isEmpty()) provider = type.section(QLatin1Char('/'), 0, 0);
        if (!filter.provider.isEmpty() && provider.compare(filter.provider, Qt::CaseInsensitive) != 0) continue;
        if (!filter.instanceType.isEmpty() && type.compare(filter.instanceType, Qt::CaseInsensitive) != 0) continue;
        leadtime::Observation o;
        o.phase = q.value(0).toString();
        o.durationS = q.value(1).toDouble();
        o.node = q.value(2).toString();
        o.startedAt = q.value(3).toDouble();
        if (!q.value(4).isNull()) o.imageBytes = q.value(4).toDouble();
        if (!q.value(5).isNull()) o.imageCached = q.value(5).toInt() != 0;
        if (const auto layers = numberOf(labels.value(QStringLiteral("layers")))) o.imageLayers = int(*layers);
        o.provider = provider.toLower();
        out.push_back(o);
    }
    return out;
}

UslInputs loadUslPoints(const Workspace& ws, const Filter& filter, const QMap<qint64, double>& explicitN)
{
    const QString metric = filter.metric.isEmpty() ? QStringLiteral("http.requests_per_s") : filter.metric;
    QVariantList binds{metric};
    const QString where = datasetConditions(filter, binds);
    binds.prepend(metric);  // the EXISTS below comes first in the statement
    QSqlQuery q = run(ws, QStringLiteral("SELECT d.id, d.name, d.labels, d.metrics FROM dataset d WHERE "
                                         "(EXISTS (SELECT 1 FROM measurement m WHERE m.dataset_id = d.id AND m.metric = ?) "
                                         "OR json_extract(d.metrics, '$.\"' || ? || '\"') IS NOT NULL)") +
                              where + QStringLiteral(" ORDER BY d.id"),
                      binds);
    UslInputs out;
    QSqlQuery vus = sql::prepare(ws.database(), QStringLiteral(
        "SELECT max(value) FROM measurement WHERE dataset_id = ? AND "
        "(metric LIKE 'k6.vus_max%' OR metric = 'http.users' OR metric = 'http.vus')"));
    QSqlQuery values = sql::prepare(ws.database(), QStringLiteral(
        "SELECT value, labels FROM measurement WHERE dataset_id = ? AND metric = ? ORDER BY id"));
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString name = q.value(1).toString();
        const QJsonObject labels = parseLabels(q.value(2));
        const QJsonObject headline = parseLabels(q.value(3));
        // One point per run: a file with several runs (a thread sweep, wrk run again and again,
        // fio groups that ran one after another) has no headline and its runs are never pooled.
        // Within a run, per-job or per-stream throughputs add up, as the headline would.
        struct RunPoint {
            double x = 0;
            QJsonObject labels;
        };
        QMap<QString, RunPoint> runs;
        if (const auto x = numberOf(headline.value(metric))) {
            runs.insert(QString(), {*x, {}});
        } else {
            values.bindValue(0, id);
            values.bindValue(1, metric);
            sql::execPrepared(values);
            while (values.next()) {
                const QJsonObject row = parseLabels(values.value(1));
                QString key;
                if (row.contains(QStringLiteral("run"))) key = QStringLiteral("run ") + row.value(QStringLiteral("run")).toVariant().toString();
                else if (row.contains(QStringLiteral("groupid"))) key = QStringLiteral("group ") + row.value(QStringLiteral("groupid")).toVariant().toString();
                RunPoint& p = runs[key];
                p.x += values.value(0).toDouble();
                if (p.labels.isEmpty()) p.labels = row;
            }
        }
        if (runs.isEmpty()) continue;  // not a load test of this metric
        for (auto it = runs.cbegin(); it != runs.cend(); ++it) {
            const QString what = it.key().isEmpty() ? QString() : QStringLiteral(", %1").arg(it.key());
            std::optional<double> n;
            if (explicitN.contains(id) && runs.size() == 1) n = explicitN.value(id);
            for (const QJsonObject* source : {&it->labels, &labels})
                for (const char* key : {"concurrency", "connections", "vus", "users", "clients", "threads"}) {
                    if (n) break;
                    n = numberOf(source->value(QLatin1String(key)));
                }
            if (!n && runs.size() == 1) {
                vus.bindValue(0, id);
                sql::execPrepared(vus);
                if (vus.next() && !vus.value(0).isNull()) n = vus.value(0).toDouble();
            }
            if (!n) {
                out.skipped << (runs.size() == 1
                                    ? QStringLiteral("dataset %1 (%2): no concurrency label; give it with --n %1=N").arg(id).arg(name)
                                    : QStringLiteral("dataset %1 (%2%3): no concurrency label on the run").arg(id).arg(name, what));
                continue;
            }
            out.points.push_back({*n, it->x});
            out.datasetIds.push_back(id);
        }
    }
    return out;
}

QStringList availableMetrics(const Workspace& ws)
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

}  // namespace headroom::analysis
