#include "analysis_inputs.h"

#include "store/lead_time_events.h"
#include "store/load_test_results.h"
#include "store/series_queries.h"

#include <QJsonObject>

namespace headroom::analysis {

namespace {

std::optional<double> numberOf(const QJsonValue& v)
{
    if (v.isDouble()) return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

}  // namespace

std::vector<Series> loadStealSeries(const Workspace& ws, const Selection& selection)
{
    Selection s = selection;
    s.metric = QStringLiteral("cpu.steal_pct");
    return seriesAsRecorded(ws, s);
}

std::vector<leadtime::Observation> loadLeadTimeObservations(const Workspace& ws, const Selection& selection)
{
    std::vector<leadtime::Observation> out;
    for (const StoredLeadTimeEvent& e : leadTimeEvents(ws, selection)) {
        QString type = e.labels.value(QStringLiteral("instance_type")).toString();
        if (type.isEmpty()) type = e.datasetInstanceType;
        QString provider = e.labels.value(QStringLiteral("provider")).toString();
        if (provider.isEmpty()) provider = e.datasetProvider;
        if (provider.isEmpty()) provider = type.section(QLatin1Char('/'), 0, 0);
        if (!selection.provider.isEmpty() && provider.compare(selection.provider, Qt::CaseInsensitive) != 0) continue;
        if (!selection.instanceType.isEmpty() && type.compare(selection.instanceType, Qt::CaseInsensitive) != 0) continue;
        leadtime::Observation o;
        o.phase = e.phase;
        o.durationS = e.durationS;
        o.node = e.node;
        o.startedAt = e.startedAt;
        o.imageBytes = e.imageBytes;
        o.imageCached = e.imageCached;
        if (const auto layers = numberOf(e.labels.value(QStringLiteral("layers")))) o.imageLayers = int(*layers);
        o.provider = provider.toLower();
        out.push_back(o);
    }
    return out;
}

UslInputs loadUslPoints(const Workspace& ws, const Selection& selection, const QMap<qint64, double>& explicitN)
{
    const QString metric = selection.metric.isEmpty() ? QStringLiteral("http.requests_per_s") : selection.metric;
    UslInputs out;
    for (const LoadTestDataset& dataset : datasetsMeasuring(ws, selection, metric)) {
        const qint64 id = dataset.id;
        const QString& name = dataset.title;
        const QJsonObject& labels = dataset.labels;
        // One point per run: a file with several runs (a thread sweep, wrk run again and again,
        // fio groups that ran one after another) has no headline and its runs are never pooled.
        // Within a run, per-job or per-stream throughputs add up, as the headline would.
        struct RunPoint {
            double x = 0;
            QJsonObject labels;
        };
        QMap<QString, RunPoint> runs;
        if (const auto x = numberOf(dataset.headline.value(metric))) {
            runs.insert(QString(), {*x, {}});
        } else {
            for (const MeasuredValue& measured : measurementsOf(ws, id, metric)) {
                const QJsonObject& row = measured.labels;
                QString key;
                if (row.contains(QStringLiteral("run"))) key = QStringLiteral("run ") + row.value(QStringLiteral("run")).toVariant().toString();
                else if (row.contains(QStringLiteral("groupid"))) key = QStringLiteral("group ") + row.value(QStringLiteral("groupid")).toVariant().toString();
                RunPoint& p = runs[key];
                p.x += measured.value;
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
            if (!n && runs.size() == 1) n = largestUserCount(ws, id);
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

}  // namespace headroom::analysis
