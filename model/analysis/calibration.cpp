#include "calibration.h"

#include "core/errors.h"
#include "descriptive_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::calibration {

namespace {

// Linear interpolation of (t, v) at x; NaN outside [t.front(), t.back()]. t must be sorted.
double valueAt(const std::vector<double>& t, const std::vector<double>& v, double x)
{
    if (t.empty() || x < t.front() || x > t.back()) return NAN;
    const auto it = std::lower_bound(t.begin(), t.end(), x);
    const size_t hi = size_t(it - t.begin());
    if (t[hi] == x || hi == 0) return v[hi];
    const size_t lo = hi - 1;
    return v[lo] + (x - t[lo]) / (t[hi] - t[lo]) * (v[hi] - v[lo]);
}

void sortByTime(std::vector<double>& t, std::vector<double>& v)
{
    const size_t n = std::min(t.size(), v.size());
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return t[a] < t[b]; });
    std::vector<double> st, sv;
    for (size_t i : idx) {
        st.push_back(t[i]);
        sv.push_back(v[i]);
    }
    t.swap(st);
    v.swap(sv);
}

}  // namespace

Demand serviceDemand(const FleetSeries& fleetIn, const QString& where)
{
    if (fleetIn.nodes < 1 || fleetIn.vcpuPerNode < 1)
        throw InputError(where, QStringLiteral("expected at least one node with at least one vCPU, got %1 nodes × %2 vCPU")
                                    .arg(fleetIn.nodes).arg(fleetIn.vcpuPerNode));
    FleetSeries fleet = fleetIn;
    sortByTime(fleet.utilT, fleet.utilPct);
    sortByTime(fleet.rateT, fleet.rateRps);
    Demand d;
    d.nodes = fleet.nodes;
    d.vcpuPerNode = fleet.vcpuPerNode;
    d.cpuScore = fleet.cpuScore;
    const double vcpus = double(fleet.nodes) * fleet.vcpuPerNode;
    double busySum = 0, rateSum = 0, utilSum = 0;
    for (size_t i = 0; i < fleet.utilT.size(); ++i) {
        const double u = fleet.utilPct[i];
        const double x = valueAt(fleet.rateT, fleet.rateRps, fleet.utilT[i]);
        if (!std::isfinite(u) || !std::isfinite(x) || x <= 0 || u < 0) continue;
        // Busy vCPU-seconds per second over requests per second = CPU seconds per request.
        const double busy = u / 100 * vcpus;
        d.t.push_back(fleet.utilT[i]);
        d.demandMs.push_back(1000 * busy / x);
        busySum += busy;
        rateSum += x;
        utilSum += u;
    }
    d.intervals = int(d.demandMs.size());
    if (d.intervals == 0)
        throw InputError(where, QStringLiteral("no utilisation sample falls inside the request-rate series with "
                                               "traffic above 0; expected overlapping CPU and request-rate series"));
    d.meanUtilPct = utilSum / d.intervals;
    d.meanRateRps = rateSum / d.intervals;
    d.meanMs = stats::mean(d.demandMs);
    d.medianMs = stats::median(d.demandMs);
    d.p10Ms = stats::quantile(d.demandMs, 0.10);
    d.p90Ms = stats::quantile(d.demandMs, 0.90);
    d.cv = d.intervals > 1 ? stats::coefficientOfVariation(d.demandMs) : 0;
    d.pooledMs = 1000 * busySum / rateSum;
    return d;
}

QJsonObject Demand::scenarioService() const
{
    QJsonObject service{{QStringLiteral("cpu_ms"), QJsonObject{{QStringLiteral("dist"), QStringLiteral("exponential")},
                                                               {QStringLiteral("mean"), pooledMs}}}};
    if (cpuScore > 0) service[QStringLiteral("reference_cpu_score")] = cpuScore;
    return service;
}

QJsonObject Demand::toJson() const
{
    return QJsonObject{{QStringLiteral("intervals"), intervals},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("vcpu_per_node"), vcpuPerNode},
                       {QStringLiteral("mean_util_pct"), meanUtilPct},
                       {QStringLiteral("mean_rate_rps"), meanRateRps},
                       {QStringLiteral("demand_ms"), QJsonObject{{QStringLiteral("mean"), meanMs},
                                                                 {QStringLiteral("pooled"), pooledMs},
                                                                 {QStringLiteral("median"), medianMs},
                                                                 {QStringLiteral("p10"), p10Ms},
                                                                 {QStringLiteral("p90"), p90Ms},
                                                                 {QStringLiteral("cv"), cv}}},
                       {QStringLiteral("service"), scenarioService()}};
}

Projection project(int nodes, double utilPct, const InstanceType& from, const InstanceType& to,
                   double targetUtilPct, double demandMs)
{
    const QString where = QStringLiteral("calibration");
    for (const InstanceType* t : {&from, &to}) {
        if (t->vcpu < 1) throw InputError(where, QStringLiteral("%1: vCPU count unknown").arg(t->key()));
        if (!(t->cpuScore > 0))
            throw InputError(where, QStringLiteral("%1: no per-vCPU benchmark score; import one or set cpu_score in the catalog")
                                        .arg(t->key()));
    }
    if (!(utilPct > 0 && utilPct <= 100) || !(targetUtilPct > 0 && targetUtilPct <= 100))
        throw InputError(where, QStringLiteral("utilisation must be in (0, 100] percent, got %1 and %2").arg(utilPct).arg(targetUtilPct));
    if (nodes < 1) throw InputError(where, QStringLiteral("expected at least one node, got %1").arg(nodes));
    Projection p;
    p.from = from.key();
    p.to = to.key();
    p.nodesFrom = nodes;
    p.utilFromPct = utilPct;
    p.targetUtilPct = targetUtilPct;
    p.scoreFrom = from.cpuScore;
    p.scoreTo = to.cpuScore;
    p.speedRatio = to.cpuScore / from.cpuScore;
    const double busyVcpus = nodes * from.vcpu * utilPct / 100;        // on the old type
    const double busyOnTarget = busyVcpus / p.speedRatio;               // faster vCPUs are busy less
    p.nodesExact = busyOnTarget / (to.vcpu * targetUtilPct / 100);
    // A hair above an integer from rounding in the inputs should not cost a whole node.
    p.nodesNeeded = std::max(1, int(std::ceil(p.nodesExact - 1e-9)));
    p.demandOnTargetMs = demandMs > 0 ? demandMs / p.speedRatio : 0;
    p.text = QStringLiteral("%1 × %2 at %3 % ≈ %4 × %5 at %6 %")
                 .arg(nodes).arg(from.name).arg(utilPct, 0, 'g', 3).arg(p.nodesNeeded).arg(to.name)
                 .arg(targetUtilPct, 0, 'g', 3);
    return p;
}

QJsonObject Projection::toJson() const
{
    return QJsonObject{{QStringLiteral("from"), from},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("nodes_from"), nodesFrom},
                       {QStringLiteral("util_from_pct"), utilFromPct},
                       {QStringLiteral("target_util_pct"), targetUtilPct},
                       {QStringLiteral("score_from"), scoreFrom},
                       {QStringLiteral("score_to"), scoreTo},
                       {QStringLiteral("speed_ratio"), speedRatio},
                       {QStringLiteral("nodes_exact"), nodesExact},
                       {QStringLiteral("nodes_needed"), nodesNeeded},
                       {QStringLiteral("demand_on_target_ms"), demandOnTargetMs},
                       {QStringLiteral("text"), text}};
}

}  // namespace headroom::calibration
