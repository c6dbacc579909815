#include "simulation_codec.h"

#include "codec_values.h"

namespace headroom::runs {

using namespace codec;

namespace {

QJsonArray encodePoint(const IntervalPoint& p)
{
    return {num(p.tS), num(p.arrivals), num(p.completed), num(p.p50Ms), num(p.p95Ms), num(p.p99Ms), num(p.errors),
            num(p.nodesDesired), num(p.nodesReady), num(p.nodesHealthy), num(p.utilization), num(p.workerUtilization),
            num(p.creditBalanceMin), num(p.costUsd)};
}

IntervalPoint decodePoint(const QJsonArray& a)
{
    IntervalPoint p;
    double* const fields[] = {&p.tS, &p.arrivals, &p.completed, &p.p50Ms, &p.p95Ms, &p.p99Ms, &p.errors,
                              &p.nodesDesired, &p.nodesReady, &p.nodesHealthy, &p.utilization, &p.workerUtilization,
                              &p.creditBalanceMin, &p.costUsd};
    for (qsizetype i = 0; i < qsizetype(std::size(fields)) && i < a.size(); ++i) *fields[i] = toNum(a.at(i));
    return p;
}

QJsonArray encodeSeries(const std::vector<IntervalPoint>& series)
{
    QJsonArray a;
    for (const IntervalPoint& p : series) a.append(encodePoint(p));
    return a;
}

std::vector<IntervalPoint> decodeSeries(const QJsonValue& v)
{
    std::vector<IntervalPoint> out;
    for (const QJsonValue& p : v.toArray()) out.push_back(decodePoint(p.toArray()));
    return out;
}

QJsonArray encodeLatency(const LatencyStats& l) { return {num(l.mean), num(l.p50), num(l.p95), num(l.p99)}; }
LatencyStats decodeLatency(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {toNum(a.at(0)), toNum(a.at(1)), toNum(a.at(2)), toNum(a.at(3))};
}

QJsonArray encodeEstimate(const Estimate& e) { return {num(e.mean), num(e.low), num(e.high)}; }
Estimate decodeEstimate(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {toNum(a.at(0)), toNum(a.at(1)), toNum(a.at(2))};
}

QJsonObject encodeReplication(const ReplicationResult& r)
{
    return {{QStringLiteral("seed"), u64(r.seed)},
            {QStringLiteral("counts"), QJsonArray{double(r.requests), double(r.completed), double(r.errors), double(r.timeouts),
                                                  double(r.rejected), double(r.attempts)}},
            {QStringLiteral("error_rate"), num(r.errorRate)},
            {QStringLiteral("attempts_per_request"), num(r.attemptsPerRequest)},
            {QStringLiteral("latency_ms"), encodeLatency(r.latencyMs)},
            {QStringLiteral("queue_wait_ms"), encodeLatency(r.queueWaitMs)},
            {QStringLiteral("node_hours"), num(r.nodeHours)},
            {QStringLiteral("cost_usd"), num(r.costUsd)},
            {QStringLiteral("credit_surcharge_usd"), num(r.creditSurchargeUsd)},
            {QStringLiteral("minutes_over_slo"), num(r.minutesOverSlo)},
            {QStringLiteral("peak_nodes"), num(r.peakNodes)},
            {QStringLiteral("slo_met"), r.sloMet},
            {QStringLiteral("end_credits"), numbers(r.endCredits)},
            {QStringLiteral("credit_days"), r.creditDays},
            {QStringLiteral("timeseries"), encodeSeries(r.timeseries)},
            {QStringLiteral("node_speed_factors"), numbers(r.nodeSpeedFactors)}};
}

ReplicationResult decodeReplication(const QJsonObject& o)
{
    ReplicationResult r;
    r.seed = toU64(o.value(QStringLiteral("seed")));
    const QJsonArray counts = o.value(QStringLiteral("counts")).toArray();
    qint64* const fields[] = {&r.requests, &r.completed, &r.errors, &r.timeouts, &r.rejected, &r.attempts};
    for (qsizetype i = 0; i < qsizetype(std::size(fields)) && i < counts.size(); ++i) *fields[i] = qint64(counts.at(i).toDouble());
    r.errorRate = toNum(o.value(QStringLiteral("error_rate")));
    r.attemptsPerRequest = toNum(o.value(QStringLiteral("attempts_per_request")));
    r.latencyMs = decodeLatency(o.value(QStringLiteral("latency_ms")));
    r.queueWaitMs = decodeLatency(o.value(QStringLiteral("queue_wait_ms")));
    r.nodeHours = toNum(o.value(QStringLiteral("node_hours")));
    r.costUsd = toNum(o.value(QStringLiteral("cost_usd")));
    r.creditSurchargeUsd = toNum(o.value(QStringLiteral("credit_surcharge_usd")));
    r.minutesOverSlo = toNum(o.value(QStringLiteral("minutes_over_slo")));
    r.peakNodes = toNum(o.value(QStringLiteral("peak_nodes")));
    r.sloMet = o.value(QStringLiteral("slo_met")).toBool(true);
    r.endCredits = toNumbers(o.value(QStringLiteral("end_credits")));
    r.creditDays = o.value(QStringLiteral("credit_days")).toInt(1);
    r.timeseries = decodeSeries(o.value(QStringLiteral("timeseries")));
    r.nodeSpeedFactors = toNumbers(o.value(QStringLiteral("node_speed_factors")));
    return r;
}

}  // namespace

QJsonObject encodeSimulation(const SimulationResult& result)
{
    const SimulationSummary& s = result.summary;
    const QJsonObject summary{{QStringLiteral("counts"), QJsonArray{num(s.requests), num(s.completed), num(s.errors)}},
                              {QStringLiteral("error_rate"), encodeEstimate(s.errorRate)},
                              {QStringLiteral("attempts_per_request"), encodeEstimate(s.attemptsPerRequest)},
                              {QStringLiteral("latency_mean"), encodeEstimate(s.latencyMean)},
                              {QStringLiteral("latency_p50"), encodeEstimate(s.latencyP50)},
                              {QStringLiteral("latency_p95"), encodeEstimate(s.latencyP95)},
                              {QStringLiteral("latency_p99"), encodeEstimate(s.latencyP99)},
                              {QStringLiteral("queue_wait_p95"), encodeEstimate(s.queueWaitP95)},
                              {QStringLiteral("node_hours"), encodeEstimate(s.nodeHours)},
                              {QStringLiteral("cost_usd"), encodeEstimate(s.costUsd)},
                              {QStringLiteral("minutes_over_slo"), encodeEstimate(s.minutesOverSlo)},
                              {QStringLiteral("slo_attainment"), num(s.sloAttainment)},
                              {QStringLiteral("slo_met"), s.sloMet}};
    QJsonArray replications;
    for (const ReplicationResult& r : result.perReplication) replications.append(encodeReplication(r));
    return {{QStringLiteral("scenario"), result.scenarioName},
            {QStringLiteral("seed"), u64(result.seed)},
            {QStringLiteral("replications"), result.replications},
            {QStringLiteral("duration_s"), num(result.durationS)},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("per_replication"), replications},
            {QStringLiteral("timeseries"), encodeSeries(result.timeseries)}};
}

SimulationResult decodeSimulation(const QJsonObject& o)
{
    SimulationResult result;
    result.scenarioName = o.value(QStringLiteral("scenario")).toString();
    result.seed = toU64(o.value(QStringLiteral("seed")));
    result.replications = o.value(QStringLiteral("replications")).toInt();
    result.durationS = toNum(o.value(QStringLiteral("duration_s")));
    const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
    SimulationSummary& s = result.summary;
    const QJsonArray counts = summary.value(QStringLiteral("counts")).toArray();
    s.requests = toNum(counts.at(0));
    s.completed = toNum(counts.at(1));
    s.errors = toNum(counts.at(2));
    s.errorRate = decodeEstimate(summary.value(QStringLiteral("error_rate")));
    s.attemptsPerRequest = decodeEstimate(summary.value(QStringLiteral("attempts_per_request")));
    s.latencyMean = decodeEstimate(summary.value(QStringLiteral("latency_mean")));
    s.latencyP50 = decodeEstimate(summary.value(QStringLiteral("latency_p50")));
    s.latencyP95 = decodeEstimate(summary.value(QStringLiteral("latency_p95")));
    s.latencyP99 = decodeEstimate(summary.value(QStringLiteral("latency_p99")));
    s.queueWaitP95 = decodeEstimate(summary.value(QStringLiteral("queue_wait_p95")));
    s.nodeHours = decodeEstimate(summary.value(QStringLiteral("node_hours")));
    s.costUsd = decodeEstimate(summary.value(QStringLiteral("cost_usd")));
    s.minutesOverSlo = decodeEstimate(summary.value(QStringLiteral("minutes_over_slo")));
    s.sloAttainment = toNum(summary.value(QStringLiteral("slo_attainment")));
    s.sloMet = summary.value(QStringLiteral("slo_met")).toBool(true);
    for (const QJsonValue& r : o.value(QStringLiteral("per_replication")).toArray())
        result.perReplication.push_back(decodeReplication(r.toObject()));
    result.timeseries = decodeSeries(o.value(QStringLiteral("timeseries")));
    return result;
}

}  // namespace headroom::runs
