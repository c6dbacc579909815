#include "recommendation_json.h"

#include <QJsonArray>
#include <cmath>

namespace headroom {

namespace {

// JSON has no infinity; an unknown figure is null.
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
QJsonValue rounded(double v, int decimals)
{
    if (!std::isfinite(v)) return QJsonValue();
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

// The CPU scores a row assumed; a type without one says so rather than passing for the reference.
QJsonObject cpuScoreToJson(const CpuCapacity& cpu)
{
    auto known = [](double v) { return v > 0 ? QJsonValue(v) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("known"), cpu.speedKnown()},
                       {QStringLiteral("single_core_bogo_ops_per_s"), known(cpu.singleCore)},
                       {QStringLiteral("all_cores_bogo_ops_per_s"), known(cpu.allCores)},
                       {QStringLiteral("reference_bogo_ops_per_s"), known(cpu.reference)},
                       {QStringLiteral("reference"), cpu.referenceLabel},
                       {QStringLiteral("speed"), rounded(cpu.speed(), 4)},
                       {QStringLiteral("busy_node_reference_vcpus"), rounded(cpu.busyNodeReferenceVcpus(), 4)},
                       {QStringLiteral("source"), cpu.source},
                       {QStringLiteral("note"), cpu.describe()}};
}

// "meets", "fails", "inconclusive" for full runs; a short window only "passes" or "fails".
QString verdictName(const Evaluation& e)
{
    switch (e.verdict) {
    case SloVerdict::Meets: return e.fullLength ? QStringLiteral("meets") : QStringLiteral("passes_short_window");
    case SloVerdict::Inconclusive: return QStringLiteral("inconclusive");
    case SloVerdict::Fails: break;
    }
    return QStringLiteral("fails");
}

QJsonObject evaluationToJson(const Evaluation& e)
{
    return QJsonObject{{QStringLiteral("nodes_min"), e.nodes},
                       {QStringLiteral("nodes_max"), e.nodesMax},
                       {QStringLiteral("latency_p95_ms"), rounded(e.p95Ms, 2)},
                       {QStringLiteral("latency_p95_ci95_ms"), QJsonArray{rounded(e.p95LowMs, 2), rounded(e.p95HighMs, 2)}},
                       {QStringLiteral("error_rate"), number(e.errorRate)},
                       {QStringLiteral("slo_attainment"), number(e.attainment)},
                       {QStringLiteral("slo_attainment_ci95"), QJsonArray{number(e.attainmentLow), number(e.attainmentHigh)}},
                       {QStringLiteral("slo_attainment_intervals"), number(e.intervalAttainment)},
                       {QStringLiteral("cost_per_month_usd"), rounded(e.costPerMonthUsd, 2)},
                       {QStringLiteral("meets_slo"), e.meetsSlo && e.fullLength},
                       {QStringLiteral("verdict"), verdictName(e)},
                       {QStringLiteral("replications"), e.replications},
                       {QStringLiteral("full_length"), e.fullLength},
                       {QStringLiteral("first_breach_s"), e.breachAtS ? QJsonValue(*e.breachAtS) : QJsonValue()}};
}

}  // namespace

QString statusName(CandidateResult::Status status)
{
    switch (status) {
    case CandidateResult::Status::Recommended: return QStringLiteral("recommended");
    case CandidateResult::Status::Meets: return QStringLiteral("meets");
    case CandidateResult::Status::Fails: return QStringLiteral("fails");
    case CandidateResult::Status::Inconclusive: return QStringLiteral("inconclusive");
    case CandidateResult::Status::Unconfirmed: return QStringLiteral("unconfirmed");
    case CandidateResult::Status::Estimate: return QStringLiteral("estimate");
    case CandidateResult::Status::RuledOut: break;
    }
    return QStringLiteral("ruled_out");
}

QJsonObject candidateToJson(const CandidateResult& c, int rank)
{
    const Screening& s = c.screening;
    QJsonObject o{{QStringLiteral("rank"), rank},
                  {QStringLiteral("provider"), c.type.provider},
                  {QStringLiteral("instance_type"), c.type.name},
                  {QStringLiteral("key"), c.type.key()},
                  {QStringLiteral("vcpu"), c.type.vcpu},
                  {QStringLiteral("nodes_min"), c.nodesMin()},
                  {QStringLiteral("nodes_max"), c.nodesMax()},
                  {QStringLiteral("policy"), c.policy},
                  {QStringLiteral("status"), statusName(c.status)},
                  {QStringLiteral("simulated"), c.simulated()},
                  {QStringLiteral("latency_p95_ms"), c.chosen ? rounded(c.chosen->p95Ms, 2) : QJsonValue()},
                  {QStringLiteral("slo_attainment"), c.chosen ? number(c.chosen->attainment) : QJsonValue()},
                  {QStringLiteral("cost_per_month_usd"), rounded(c.costPerMonthUsd(), 2)},
                  {QStringLiteral("meets_slo"), c.meetsSlo()},
                  {QStringLiteral("figures"), c.figuresText()},
                  {QStringLiteral("why"), c.why},
                  {QStringLiteral("cpu_score"), cpuScoreToJson(c.cpuAssumed())},
                  {QStringLiteral("screening"),
                   QJsonObject{{QStringLiteral("service_mean_ms"), rounded(s.serviceMeanS * 1000, 3)},
                               {QStringLiteral("workers_per_node"), s.workers},
                               {QStringLiteral("node_capacity_rps"), rounded(s.nodeCapacityRps, 2)},
                               {QStringLiteral("nodes_lower_bound"), s.nodesLowerBound},
                               {QStringLiteral("nodes_erlang_c"), s.nodesAtPeak ? QJsonValue(*s.nodesAtPeak) : QJsonValue()},
                               {QStringLiteral("analytic_p95_ms"), s.nodesAtPeak ? rounded(s.analyticP95Ms, 2) : QJsonValue()},
                               {QStringLiteral("analytic_exact"), s.exact},
                               {QStringLiteral("lower_bound_cost_per_month_usd"), rounded(s.lowerBoundCostUsd, 2)}}}};
    if (c.chosen) {
        o.insert(QStringLiteral("latency_p95_ci95_ms"), QJsonArray{rounded(c.chosen->p95LowMs, 2), rounded(c.chosen->p95HighMs, 2)});
        o.insert(QStringLiteral("slo_attainment_ci95"), QJsonArray{number(c.chosen->attainmentLow), number(c.chosen->attainmentHigh)});
        o.insert(QStringLiteral("slo_attainment_intervals"), number(c.chosen->intervalAttainment));
        o.insert(QStringLiteral("error_rate"), number(c.chosen->errorRate));
        o.insert(QStringLiteral("replications"), c.chosen->replications);
        o.insert(QStringLiteral("verdict"), verdictName(*c.chosen));
        o.insert(QStringLiteral("full_length"), c.chosen->fullLength);
    }
    if (c.fewer) o.insert(QStringLiteral("one_node_fewer"), evaluationToJson(*c.fewer));
    if (c.fullRunCostFloorUsd > 0) o.insert(QStringLiteral("full_run_cost_floor_per_month_usd"), rounded(c.fullRunCostFloorUsd, 2));
    return o;
}

QJsonObject recommendationToJson(const Recommendation& r, int top)
{
    QJsonArray candidates;
    for (size_t i = 0; i < r.candidates.size(); ++i) {
        if (top > 0 && int(i) >= top) break;
        candidates.append(candidateToJson(r.candidates[i], int(i) + 1));
    }
    // Every simulated configuration, as the chart draws it: `on_front` marks the Pareto front
    // (full-length runs only), `full_length` false a point from the short window around the peak,
    // whose cost and p95 are the busiest minutes' and not the day's.
    QJsonArray pareto;
    for (const ParetoPoint& p : r.pareto) {
        pareto.append(QJsonObject{{QStringLiteral("key"), p.key},
                                  {QStringLiteral("provider"), p.key.section(QLatin1Char('/'), 0, 0)},
                                  {QStringLiteral("instance_type"), p.key.section(QLatin1Char('/'), 1)},
                                  {QStringLiteral("policy"), p.policy},
                                  {QStringLiteral("nodes_min"), p.nodes},
                                  {QStringLiteral("nodes_max"), p.nodesMax},
                                  {QStringLiteral("cost_per_month_usd"), rounded(p.costPerMonthUsd, 2)},
                                  {QStringLiteral("latency_p95_ms"), rounded(p.p95Ms, 2)},
                                  {QStringLiteral("meets_slo"), p.meetsSlo},
                                  {QStringLiteral("full_length"), p.fullLength},
                                  {QStringLiteral("on_front"), p.onFront}});
    }
    QJsonArray cases;
    for (const SensitivityCase& c : r.sensitivity) {
        QJsonObject o{{QStringLiteral("id"), c.id}, {QStringLiteral("label"), c.label}, {QStringLiteral("applicable"), c.applicable}};
        if (!c.note.isEmpty()) o.insert(QStringLiteral("note"), c.note);
        if (c.result) {
            o.insert(QStringLiteral("latency_p95_ms"), rounded(c.result->p95Ms, 2));
            o.insert(QStringLiteral("slo_attainment"), number(c.result->attainment));
            o.insert(QStringLiteral("meets_slo"), c.result->meetsSlo);
            o.insert(QStringLiteral("peak_nodes"), rounded(c.result->peakNodes, 2));
            // A window's fleet priced for a month is not what the fleet costs (ParetoPoint).
            if (c.result->fullLength) o.insert(QStringLiteral("cost_per_month_usd"), rounded(c.result->costPerMonthUsd, 2));
        }
        cases.append(o);
    }
    QJsonObject sensitivity{{QStringLiteral("cases"), cases}};
    const SensitivityBase& base = r.sensitivityBase;
    if (base.result) {
        sensitivity.insert(QStringLiteral("over"), base.peakWindow ? QStringLiteral("peak_window") : QStringLiteral("whole_run"));
        sensitivity.insert(QStringLiteral("from_s"), rounded(base.fromS, 0));
        sensitivity.insert(QStringLiteral("to_s"), rounded(base.toS, 0));
        sensitivity.insert(QStringLiteral("base_latency_p95_ms"), rounded(base.result->p95Ms, 2));
        sensitivity.insert(QStringLiteral("base_meets_slo"), base.result->meetsSlo);
        sensitivity.insert(QStringLiteral("base_peak_nodes"), rounded(base.result->peakNodes, 2));
    }
    const CandidateResult* winner = r.winner();
    return QJsonObject{{QStringLiteral("scenario"), r.scenarioName},
                       {QStringLiteral("slo"), QJsonObject{{QStringLiteral("latency_p95_ms"), r.sloP95Ms},
                                                           {QStringLiteral("error_rate"), r.sloErrorRate}}},
                       {QStringLiteral("confidence"), r.confidence},
                       {QStringLiteral("recommended"), winner ? QJsonValue(candidateToJson(*winner, r.recommended + 1)) : QJsonValue()},
                       {QStringLiteral("candidates"), candidates},
                       {QStringLiteral("candidates_total"), int(r.candidates.size())},
                       {QStringLiteral("pareto"), pareto},
                       {QStringLiteral("sensitivity"), sensitivity},
                       {QStringLiteral("simulations"), r.simulations},
                       {QStringLiteral("elapsed_s"), rounded(r.elapsedS, 3)}};
}

}  // namespace headroom
