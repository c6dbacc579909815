#include "calibration_evidence.h"

#include "calibration.h"
#include "core/errors.h"
#include "descriptive_stats.h"
#include "fleet_series.h"
#include "store/dataset_repository.h"
#include "store/series_queries.h"

#include <algorithm>
#include <cmath>

namespace headroom::calibration {

namespace {

std::vector<Series> seriesOf(const Workspace& ws, qint64 datasetId, const QString& metric)
{
    Selection f;
    f.metric = metric;
    f.datasetId = datasetId;
    return seriesByTime(ws, f);
}

std::vector<double> valuesOf(const std::vector<Series>& all)
{
    std::vector<double> v;
    for (const Series& s : all) v.insert(v.end(), s.v.begin(), s.v.end());
    return v;
}

double headline(const DatasetSummary& d, const char* metric)
{
    const QJsonValue v = d.metrics.value(QLatin1String(metric));
    return v.isDouble() ? v.toDouble() : NAN;
}

}  // namespace

LatencySummary summarize(const std::vector<double>& latencyMs)
{
    LatencySummary s;
    if (latencyMs.empty()) return s;
    s.mean = stats::mean(latencyMs);
    s.p50 = stats::quantile(latencyMs, 0.50);
    s.p95 = stats::quantile(latencyMs, 0.95);
    s.p99 = stats::quantile(latencyMs, 0.99);
    return s;
}

std::vector<qint64> loadTestDatasets(const Workspace& ws)
{
    std::vector<qint64> ids;
    for (const DatasetSummary& d : listDatasets(ws)) {
        const bool summary = std::isfinite(headline(d, "http.latency_mean_ms")) && std::isfinite(headline(d, "http.requests_per_s"));
        if (summary || !seriesOf(ws, d.id, QStringLiteral("http.latency_ms")).empty()) ids.push_back(d.id);
    }
    return ids;
}

std::vector<LevelEvidence> loadLevels(const Workspace& ws, const std::vector<qint64>& datasetIds, int vcpuPerNode)
{
    const QVector<DatasetSummary> all = listDatasets(ws);
    std::vector<LevelEvidence> out;
    for (qint64 id : datasetIds) {
        const auto it = std::find_if(all.begin(), all.end(), [&](const DatasetSummary& d) { return d.id == id; });
        const QString where = QStringLiteral("dataset %1").arg(id);
        if (it == all.end()) throw InputError(where, QStringLiteral("no such dataset in the workspace"));
        LevelEvidence e;
        e.datasetId = id;
        e.name = it->name;
        const auto latency = seriesOf(ws, id, QStringLiteral("http.latency_ms"));
        if (!latency.empty()) {
            e.perRequest = true;
            e.latencyMs = valuesOf(latency);
            e.requests = qint64(e.latencyMs.size());
            e.latency = summarize(e.latencyMs);
            double first = INFINITY, last = -INFINITY;
            for (const Series& s : latency)
                if (!s.t.empty()) {
                    first = std::min(first, s.t.front());
                    last = std::max(last, s.t.back());
                }
            if (e.requests < 2 || !(last > first))
                throw InputError(where, QStringLiteral("expected per-request latencies spread over time, found %1").arg(e.requests));
            e.rateRps = double(e.requests - 1) / (last - first);
            e.serverTimeMs = valuesOf(seriesOf(ws, id, QStringLiteral("http.server_time_ms")));
            e.serverCpuMs = valuesOf(seriesOf(ws, id, QStringLiteral("http.server_cpu_ms")));
            e.serverIoMs = valuesOf(seriesOf(ws, id, QStringLiteral("http.server_io_ms")));
        } else {
            e.rateRps = headline(*it, "http.requests_per_s");
            e.latency = {headline(*it, "http.latency_mean_ms"), headline(*it, "http.latency_p50_ms"),
                         headline(*it, "http.latency_p95_ms"), headline(*it, "http.latency_p99_ms")};
            e.requests = qint64(std::isfinite(headline(*it, "http.requests")) ? headline(*it, "http.requests") : 0);
            if (!(e.rateRps > 0) || !std::isfinite(e.latency.mean))
                throw InputError(where, QStringLiteral("%1: expected a load test: per-request http.latency_ms, or "
                                                       "http.requests_per_s and http.latency_mean_ms").arg(e.name));
        }
        if (!seriesOf(ws, id, QStringLiteral("cpu.util_pct")).empty()) {
            Selection filter;
            filter.datasetId = id;
            FleetSeries fleet = analysis::loadFleetSeries(ws, filter);
            fleet.vcpuPerNode = std::max(1, vcpuPerNode);
            const Demand d = serviceDemand(fleet, where);
            e.demandMs = d.pooledMs;
            e.cpuUtilPct = d.meanUtilPct;
        }
        for (const char* metric : {"cpu.other_processes_pct", "cpu.steal_pct"}) {
            const std::vector<double> v = valuesOf(seriesOf(ws, id, QLatin1String(metric)));
            if (v.empty()) continue;
            e.otherCpuPct += stats::mean(v);
            e.otherCpuMeasured = true;
        }
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const LevelEvidence& a, const LevelEvidence& b) { return a.rateRps < b.rateRps; });
    return out;
}

QJsonObject LevelEvidence::toJson() const
{
    auto num = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("dataset"), datasetId},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("rate_rps"), rateRps},
                       {QStringLiteral("requests"), requests},
                       {QStringLiteral("per_request"), perRequest},
                       {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("mean"), num(latency.mean)},
                                                                  {QStringLiteral("p50"), num(latency.p50)},
                                                                  {QStringLiteral("p95"), num(latency.p95)},
                                                                  {QStringLiteral("p99"), num(latency.p99)}}},
                       {QStringLiteral("demand_ms"), demandMs ? QJsonValue(*demandMs) : QJsonValue()},
                       {QStringLiteral("cpu_util_pct"), cpuUtilPct},
                       {QStringLiteral("other_cpu_pct"), otherCpuPct}};
}

}  // namespace headroom::calibration
