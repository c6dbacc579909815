#include "simulator.h"

#include <QJsonArray>
#include <cmath>

namespace headroom {

namespace {

// JSON has no NaN or infinity; a figure that is not finite is written as null.
QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
QJsonValue interval(const Estimate& e) { return QJsonArray{num(e.low), num(e.high)}; }

QJsonObject latency(const LatencyStats& l)
{
    return {{QStringLiteral("mean"), num(l.mean)}, {QStringLiteral("p50"), num(l.p50)},
            {QStringLiteral("p95"), num(l.p95)}, {QStringLiteral("p99"), num(l.p99)}};
}

QJsonObject pointJson(const IntervalPoint& p)
{
    return {{QStringLiteral("t_s"), p.tS},
            {QStringLiteral("arrivals"), p.arrivals},
            {QStringLiteral("completed"), p.completed},
            {QStringLiteral("p50_ms"), num(p.p50Ms)},
            {QStringLiteral("p95_ms"), num(p.p95Ms)},
            {QStringLiteral("p99_ms"), num(p.p99Ms)},
            {QStringLiteral("errors"), p.errors},
            {QStringLiteral("nodes_desired"), p.nodesDesired},
            {QStringLiteral("nodes_ready"), p.nodesReady},
            {QStringLiteral("nodes_healthy"), p.nodesHealthy},
            {QStringLiteral("utilization"), num(p.utilization)},
            {QStringLiteral("worker_utilization"), num(p.workerUtilization)},
            {QStringLiteral("credit_balance_min"), num(p.creditBalanceMin)},
            {QStringLiteral("cost_usd"), num(p.costUsd)}};
}

QJsonObject replicationJson(int index, const ReplicationResult& r)
{
    return {{QStringLiteral("index"), index},
            {QStringLiteral("requests"), double(r.requests)},
            {QStringLiteral("completed"), double(r.completed)},
            {QStringLiteral("errors"), double(r.errors)},
            {QStringLiteral("timeouts"), double(r.timeouts)},
            {QStringLiteral("rejected"), double(r.rejected)},
            {QStringLiteral("error_rate"), num(r.errorRate)},
            {QStringLiteral("attempts_per_request"), num(r.attemptsPerRequest)},
            {QStringLiteral("latency_ms"), latency(r.latencyMs)},
            {QStringLiteral("queue_wait_ms"), latency(r.queueWaitMs)},
            {QStringLiteral("node_hours"), num(r.nodeHours)},
            {QStringLiteral("cost_usd"), num(r.costUsd)},
            {QStringLiteral("credit_surcharge_usd"), num(r.creditSurchargeUsd)},
            {QStringLiteral("minutes_over_slo"), num(r.minutesOverSlo)},
            {QStringLiteral("peak_nodes"), r.peakNodes},
            {QStringLiteral("slo_met"), r.sloMet}};
}

}  // namespace

QJsonObject toJson(const SimulationResult& result)
{
    const SimulationSummary& s = result.summary;
    const QJsonObject ci{{QStringLiteral("mean"), interval(s.latencyMean)},
                         {QStringLiteral("p50"), interval(s.latencyP50)},
                         {QStringLiteral("p95"), interval(s.latencyP95)},
                         {QStringLiteral("p99"), interval(s.latencyP99)},
                         {QStringLiteral("error_rate"), interval(s.errorRate)},
                         {QStringLiteral("attempts_per_request"), interval(s.attemptsPerRequest)},
                         {QStringLiteral("node_hours"), interval(s.nodeHours)},
                         {QStringLiteral("cost_usd"), interval(s.costUsd)},
                         {QStringLiteral("minutes_over_slo"), interval(s.minutesOverSlo)}};
    const QJsonObject summary{
        {QStringLiteral("requests"), s.requests},
        {QStringLiteral("completed"), s.completed},
        {QStringLiteral("errors"), s.errors},
        {QStringLiteral("error_rate"), num(s.errorRate.mean)},
        {QStringLiteral("attempts_per_request"), num(s.attemptsPerRequest.mean)},
        {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("mean"), num(s.latencyMean.mean)},
                                                   {QStringLiteral("p50"), num(s.latencyP50.mean)},
                                                   {QStringLiteral("p95"), num(s.latencyP95.mean)},
                                                   {QStringLiteral("p99"), num(s.latencyP99.mean)}}},
        {QStringLiteral("queue_wait_p95_ms"), num(s.queueWaitP95.mean)},
        {QStringLiteral("node_hours"), num(s.nodeHours.mean)},
        {QStringLiteral("cost_usd"), num(s.costUsd.mean)},
        {QStringLiteral("minutes_over_slo"), num(s.minutesOverSlo.mean)},
        {QStringLiteral("slo_met"), s.sloMet},
        {QStringLiteral("slo_attainment"), s.sloAttainment},
        {QStringLiteral("ci95"), ci}};
    QJsonArray series;
    for (const IntervalPoint& p : result.timeseries) series.append(pointJson(p));
    QJsonArray reps;
    for (size_t i = 0; i < result.perReplication.size(); ++i) reps.append(replicationJson(int(i), result.perReplication[i]));
    return {{QStringLiteral("scenario"), result.scenarioName},
            {QStringLiteral("seed"), double(result.seed)},
            {QStringLiteral("replications"), result.replications},
            {QStringLiteral("duration_s"), result.durationS},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("timeseries"), series},
            {QStringLiteral("per_replication"), reps}};
}

}  // namespace headroom
