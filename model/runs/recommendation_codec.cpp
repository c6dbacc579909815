#include "recommendation_codec.h"

#include "codec_values.h"

namespace headroom::runs {

using namespace codec;

namespace {

QJsonObject encodeScreening(const Screening& s)
{
    return {{QStringLiteral("outcome"), int(s.outcome)},
            {QStringLiteral("reason"), s.reason},
            {QStringLiteral("service_mean_s"), num(s.serviceMeanS)},
            {QStringLiteral("workers"), s.workers},
            {QStringLiteral("node_capacity_rps"), num(s.nodeCapacityRps)},
            {QStringLiteral("rates_rps"), QJsonArray{num(s.peakRateRps), num(s.meanRateRps), num(s.lowRateRps)}},
            {QStringLiteral("nodes_lower_bound"), s.nodesLowerBound},
            {QStringLiteral("nodes_at_peak"), optionalInt(s.nodesAtPeak)},
            {QStringLiteral("nodes_at_low"), optionalInt(s.nodesAtLow)},
            {QStringLiteral("analytic_p95_ms"), num(s.analyticP95Ms)},
            {QStringLiteral("exact"), s.exact},
            {QStringLiteral("lower_bound_cost_usd"), num(s.lowerBoundCostUsd)},
            {QStringLiteral("lower_bound_nodes"), num(s.lowerBoundNodes)},
            {QStringLiteral("estimate_cost_usd"), num(s.estimateCostUsd)},
            {QStringLiteral("cpu"), QJsonObject{{QStringLiteral("vcpu"), s.cpu.vcpu},
                                                {QStringLiteral("scores"), QJsonArray{num(s.cpu.singleCore), num(s.cpu.allCores),
                                                                                      num(s.cpu.reference)}},
                                                {QStringLiteral("reference"), s.cpu.referenceLabel},
                                                {QStringLiteral("source"), s.cpu.source}}}};
}

Screening decodeScreening(const QJsonObject& o)
{
    Screening s;
    s.outcome = Screening::Outcome(o.value(QStringLiteral("outcome")).toInt());
    s.reason = o.value(QStringLiteral("reason")).toString();
    s.serviceMeanS = toNum(o.value(QStringLiteral("service_mean_s")));
    s.workers = o.value(QStringLiteral("workers")).toInt(1);
    s.nodeCapacityRps = toNum(o.value(QStringLiteral("node_capacity_rps")));
    const QJsonArray rates = o.value(QStringLiteral("rates_rps")).toArray();
    s.peakRateRps = toNum(rates.at(0));
    s.meanRateRps = toNum(rates.at(1));
    s.lowRateRps = toNum(rates.at(2));
    s.nodesLowerBound = o.value(QStringLiteral("nodes_lower_bound")).toInt(1);
    s.nodesAtPeak = toOptionalInt(o.value(QStringLiteral("nodes_at_peak")));
    s.nodesAtLow = toOptionalInt(o.value(QStringLiteral("nodes_at_low")));
    s.analyticP95Ms = toNum(o.value(QStringLiteral("analytic_p95_ms")));
    s.exact = o.value(QStringLiteral("exact")).toBool();
    s.lowerBoundCostUsd = toNum(o.value(QStringLiteral("lower_bound_cost_usd")));
    s.lowerBoundNodes = toNum(o.value(QStringLiteral("lower_bound_nodes")));
    s.estimateCostUsd = toNum(o.value(QStringLiteral("estimate_cost_usd")));
    const QJsonObject cpu = o.value(QStringLiteral("cpu")).toObject();
    s.cpu.vcpu = cpu.value(QStringLiteral("vcpu")).toInt(1);
    const QJsonArray scores = cpu.value(QStringLiteral("scores")).toArray();
    s.cpu.singleCore = toNum(scores.at(0));
    s.cpu.allCores = toNum(scores.at(1));
    s.cpu.reference = toNum(scores.at(2));
    s.cpu.referenceLabel = cpu.value(QStringLiteral("reference")).toString();
    s.cpu.source = cpu.value(QStringLiteral("source")).toString();
    return s;
}

}  // namespace

// Also the unit of a sharded recommendation's part file (recommend_part.h).
QJsonObject encodeEvaluation(const Evaluation& e)
{
    return {{QStringLiteral("nodes"), QJsonArray{e.nodes, e.nodesMax, e.replications}},
            {QStringLiteral("full_length"), e.fullLength},
            {QStringLiteral("p95_ms"), QJsonArray{num(e.p95Ms), num(e.p95LowMs), num(e.p95HighMs)}},
            {QStringLiteral("error_rate"), num(e.errorRate)},
            {QStringLiteral("attainment"), QJsonArray{num(e.attainment), num(e.attainmentLow), num(e.attainmentHigh),
                                                      num(e.intervalAttainment)}},
            {QStringLiteral("cost_per_month_usd"), num(e.costPerMonthUsd)},
            {QStringLiteral("peak_nodes"), num(e.peakNodes)},
            {QStringLiteral("meets_slo"), e.meetsSlo},
            {QStringLiteral("verdict"), int(e.verdict)},
            {QStringLiteral("breach_at_s"), optionalNum(e.breachAtS)},
            {QStringLiteral("breach"), QJsonArray{num(e.breachP95Ms), num(e.breachErrorRate)}},
            {QStringLiteral("breach_at_peak"), e.breachAtPeak},
            {QStringLiteral("credits_exhausted"), e.creditsExhausted},
            {QStringLiteral("busy_per_request_s"), QJsonArray{num(e.busy.vcpuS), num(e.busy.workerS)}}};
}

Evaluation decodeEvaluation(const QJsonObject& o)
{
    Evaluation e;
    const QJsonArray nodes = o.value(QStringLiteral("nodes")).toArray();
    e.nodes = nodes.at(0).toInt();
    e.nodesMax = nodes.at(1).toInt();
    e.replications = nodes.at(2).toInt();
    e.fullLength = o.value(QStringLiteral("full_length")).toBool(true);
    const QJsonArray p95 = o.value(QStringLiteral("p95_ms")).toArray();
    e.p95Ms = toNum(p95.at(0));
    e.p95LowMs = toNum(p95.at(1));
    e.p95HighMs = toNum(p95.at(2));
    e.errorRate = toNum(o.value(QStringLiteral("error_rate")));
    const QJsonArray attainment = o.value(QStringLiteral("attainment")).toArray();
    e.attainment = toNum(attainment.at(0));
    e.attainmentLow = toNum(attainment.at(1));
    e.attainmentHigh = toNum(attainment.at(2));
    e.intervalAttainment = toNum(attainment.at(3));
    e.costPerMonthUsd = toNum(o.value(QStringLiteral("cost_per_month_usd")));
    e.peakNodes = toNum(o.value(QStringLiteral("peak_nodes")));
    e.meetsSlo = o.value(QStringLiteral("meets_slo")).toBool();
    e.verdict = SloVerdict(o.value(QStringLiteral("verdict")).toInt());
    e.breachAtS = toOptionalNum(o.value(QStringLiteral("breach_at_s")));
    const QJsonArray breach = o.value(QStringLiteral("breach")).toArray();
    e.breachP95Ms = toNum(breach.at(0));
    e.breachErrorRate = toNum(breach.at(1));
    e.breachAtPeak = o.value(QStringLiteral("breach_at_peak")).toBool();
    e.creditsExhausted = o.value(QStringLiteral("credits_exhausted")).toBool();
    const QJsonArray busy = o.value(QStringLiteral("busy_per_request_s")).toArray();
    e.busy.vcpuS = toNum(busy.at(0));
    e.busy.workerS = toNum(busy.at(1));
    return e;
}

namespace {

QJsonValue optionalEvaluation(const std::optional<Evaluation>& e) { return e ? QJsonValue(encodeEvaluation(*e)) : QJsonValue(); }
std::optional<Evaluation> toOptionalEvaluation(const QJsonValue& v)
{
    if (!v.isObject()) return std::nullopt;
    return decodeEvaluation(v.toObject());
}

QJsonObject encodeCandidate(const CandidateResult& c)
{
    QJsonArray tried;
    for (const Evaluation& e : c.tried) tried.append(encodeEvaluation(e));
    return {{QStringLiteral("type"), encodeInstanceType(c.type)},
            {QStringLiteral("policy"), c.policy},
            {QStringLiteral("status"), int(c.status)},
            {QStringLiteral("figures"), int(c.figures)},
            {QStringLiteral("screening"), encodeScreening(c.screening)},
            {QStringLiteral("chosen"), optionalEvaluation(c.chosen)},
            {QStringLiteral("fewer"), optionalEvaluation(c.fewer)},
            {QStringLiteral("tried"), tried},
            {QStringLiteral("why"), c.why},
            {QStringLiteral("full_run_cost_floor_usd"), num(c.fullRunCostFloorUsd)}};
}

CandidateResult decodeCandidate(const QJsonObject& o)
{
    CandidateResult c;
    c.type = decodeInstanceType(o.value(QStringLiteral("type")).toObject());
    c.policy = o.value(QStringLiteral("policy")).toString();
    c.status = CandidateResult::Status(o.value(QStringLiteral("status")).toInt());
    c.figures = CandidateResult::Figures(o.value(QStringLiteral("figures")).toInt());
    c.screening = decodeScreening(o.value(QStringLiteral("screening")).toObject());
    c.chosen = toOptionalEvaluation(o.value(QStringLiteral("chosen")));
    c.fewer = toOptionalEvaluation(o.value(QStringLiteral("fewer")));
    for (const QJsonValue& e : o.value(QStringLiteral("tried")).toArray()) c.tried.push_back(decodeEvaluation(e.toObject()));
    c.why = o.value(QStringLiteral("why")).toString();
    c.fullRunCostFloorUsd = toNum(o.value(QStringLiteral("full_run_cost_floor_usd")));
    return c;
}

QJsonObject encodePareto(const ParetoPoint& p)
{
    return {{QStringLiteral("key"), p.key},
            {QStringLiteral("policy"), p.policy},
            {QStringLiteral("nodes"), QJsonArray{p.nodes, p.nodesMax}},
            {QStringLiteral("cost_per_month_usd"), num(p.costPerMonthUsd)},
            {QStringLiteral("p95_ms"), num(p.p95Ms)},
            {QStringLiteral("meets_slo"), p.meetsSlo},
            {QStringLiteral("full_length"), p.fullLength},
            {QStringLiteral("on_front"), p.onFront}};
}

ParetoPoint decodePareto(const QJsonObject& o)
{
    ParetoPoint p;
    p.key = o.value(QStringLiteral("key")).toString();
    p.policy = o.value(QStringLiteral("policy")).toString();
    const QJsonArray nodes = o.value(QStringLiteral("nodes")).toArray();
    p.nodes = nodes.at(0).toInt();
    p.nodesMax = nodes.at(1).toInt();
    p.costPerMonthUsd = toNum(o.value(QStringLiteral("cost_per_month_usd")));
    p.p95Ms = toNum(o.value(QStringLiteral("p95_ms")));
    p.meetsSlo = o.value(QStringLiteral("meets_slo")).toBool();
    p.fullLength = o.value(QStringLiteral("full_length")).toBool();
    p.onFront = o.value(QStringLiteral("on_front")).toBool();
    return p;
}

QJsonObject encodeSensitivity(const SensitivityCase& s)
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("label"), s.label},
            {QStringLiteral("applicable"), s.applicable},
            {QStringLiteral("note"), s.note},
            {QStringLiteral("result"), optionalEvaluation(s.result)}};
}

QJsonObject encodeSensitivityBase(const SensitivityBase& b)
{
    return {{QStringLiteral("peak_window"), b.peakWindow},
            {QStringLiteral("from_to_s"), QJsonArray{num(b.fromS), num(b.toS)}},
            {QStringLiteral("result"), optionalEvaluation(b.result)}};
}

SensitivityBase decodeSensitivityBase(const QJsonObject& o)
{
    SensitivityBase b;
    b.peakWindow = o.value(QStringLiteral("peak_window")).toBool();
    const QJsonArray span = o.value(QStringLiteral("from_to_s")).toArray();
    b.fromS = toNum(span.at(0));
    b.toS = toNum(span.at(1));
    b.result = toOptionalEvaluation(o.value(QStringLiteral("result")));
    return b;
}

SensitivityCase decodeSensitivity(const QJsonObject& o)
{
    SensitivityCase s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.label = o.value(QStringLiteral("label")).toString();
    s.applicable = o.value(QStringLiteral("applicable")).toBool(true);
    s.note = o.value(QStringLiteral("note")).toString();
    s.result = toOptionalEvaluation(o.value(QStringLiteral("result")));
    return s;
}

}  // namespace

QJsonObject encodeInstanceType(const InstanceType& t)
{
    return {{QStringLiteral("provider"), t.provider},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("region"), t.region},
            {QStringLiteral("vcpu"), t.vcpu},
            {QStringLiteral("memory_gib"), num(t.memoryGib)},
            {QStringLiteral("arch"), t.arch},
            {QStringLiteral("dedicated_cpu"), t.dedicatedCpu},
            {QStringLiteral("burstable"), t.burstable},
            {QStringLiteral("credits"), QJsonArray{num(t.baselinePctPerVcpu), num(t.creditsPerHour), num(t.maxCredits)}},
            {QStringLiteral("price_per_hour"), num(t.pricePerHour)},
            {QStringLiteral("currency"), t.currency},
            {QStringLiteral("price_basis"), t.priceBasis},
            {QStringLiteral("monthly_cap"), num(t.monthlyCap)},
            {QStringLiteral("network_gbps"), num(t.networkGbps)},
            {QStringLiteral("cpu_score"), QJsonArray{num(t.cpuScore), num(t.cpuScoreAllCores), int(t.cpuScoreOrigin), t.cpuScoreSource}},
            {QStringLiteral("source"), t.source},
            {QStringLiteral("source_date"), t.sourceDate},
            {QStringLiteral("user_override"), t.userOverride}};
}

InstanceType decodeInstanceType(const QJsonObject& o)
{
    InstanceType t;
    t.provider = o.value(QStringLiteral("provider")).toString();
    t.name = o.value(QStringLiteral("name")).toString();
    t.region = o.value(QStringLiteral("region")).toString();
    t.vcpu = o.value(QStringLiteral("vcpu")).toInt();
    t.memoryGib = toNum(o.value(QStringLiteral("memory_gib")));
    t.arch = o.value(QStringLiteral("arch")).toString();
    t.dedicatedCpu = o.value(QStringLiteral("dedicated_cpu")).toBool();
    t.burstable = o.value(QStringLiteral("burstable")).toBool();
    const QJsonArray credits = o.value(QStringLiteral("credits")).toArray();
    t.baselinePctPerVcpu = toNum(credits.at(0));
    t.creditsPerHour = toNum(credits.at(1));
    t.maxCredits = toNum(credits.at(2));
    t.pricePerHour = toNum(o.value(QStringLiteral("price_per_hour")));
    t.currency = o.value(QStringLiteral("currency")).toString();
    t.priceBasis = o.value(QStringLiteral("price_basis")).toString();
    t.monthlyCap = toNum(o.value(QStringLiteral("monthly_cap")));
    t.networkGbps = toNum(o.value(QStringLiteral("network_gbps")));
    const QJsonArray score = o.value(QStringLiteral("cpu_score")).toArray();
    t.cpuScore = toNum(score.at(0));
    t.cpuScoreAllCores = toNum(score.at(1));
    t.cpuScoreOrigin = InstanceType::CpuScoreOrigin(score.at(2).toInt());
    t.cpuScoreSource = score.at(3).toString();
    t.source = o.value(QStringLiteral("source")).toString();
    t.sourceDate = o.value(QStringLiteral("source_date")).toString();
    t.userOverride = o.value(QStringLiteral("user_override")).toBool();
    return t;
}

QJsonObject encodeRecommendation(const Recommendation& r)
{
    QJsonArray candidates, pareto, sensitivity;
    for (const CandidateResult& c : r.candidates) candidates.append(encodeCandidate(c));
    for (const ParetoPoint& p : r.pareto) pareto.append(encodePareto(p));
    for (const SensitivityCase& s : r.sensitivity) sensitivity.append(encodeSensitivity(s));
    return {{QStringLiteral("scenario"), r.scenarioName},
            {QStringLiteral("slo_p95_ms"), num(r.sloP95Ms)},
            {QStringLiteral("slo_on_queue_wait"), r.sloOnQueueWait},
            {QStringLiteral("slo_error_rate"), num(r.sloErrorRate)},
            {QStringLiteral("confidence"), num(r.confidence)},
            {QStringLiteral("peak_rate_rps"), num(r.peakRateRps)},
            {QStringLiteral("candidates"), candidates},
            {QStringLiteral("recommended"), r.recommended},
            {QStringLiteral("pareto"), pareto},
            {QStringLiteral("sensitivity"), sensitivity},
            {QStringLiteral("sensitivity_base"), encodeSensitivityBase(r.sensitivityBase)},
            {QStringLiteral("simulations"), r.simulations},
            {QStringLiteral("elapsed_s"), num(r.elapsedS)}};
}

Recommendation decodeRecommendation(const QJsonObject& o)
{
    Recommendation r;
    r.scenarioName = o.value(QStringLiteral("scenario")).toString();
    r.sloP95Ms = toNum(o.value(QStringLiteral("slo_p95_ms")));
    r.sloOnQueueWait = o.value(QStringLiteral("slo_on_queue_wait")).toBool();
    r.sloErrorRate = toNum(o.value(QStringLiteral("slo_error_rate")));
    r.confidence = toNum(o.value(QStringLiteral("confidence")));
    r.peakRateRps = toNum(o.value(QStringLiteral("peak_rate_rps")));
    for (const QJsonValue& c : o.value(QStringLiteral("candidates")).toArray()) r.candidates.push_back(decodeCandidate(c.toObject()));
    r.recommended = o.value(QStringLiteral("recommended")).toInt(-1);
    if (r.recommended >= int(r.candidates.size())) r.recommended = -1;  // never index past the list
    for (const QJsonValue& p : o.value(QStringLiteral("pareto")).toArray()) r.pareto.push_back(decodePareto(p.toObject()));
    for (const QJsonValue& s : o.value(QStringLiteral("sensitivity")).toArray()) r.sensitivity.push_back(decodeSensitivity(s.toObject()));
    r.sensitivityBase = decodeSensitivityBase(o.value(QStringLiteral("sensitivity_base")).toObject());
    r.simulations = o.value(QStringLiteral("simulations")).toInt();
    r.elapsedS = toNum(o.value(QStringLiteral("elapsed_s")));
    return r;
}

}  // namespace headroom::runs
