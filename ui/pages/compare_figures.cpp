#include "compare_figures.h"

#include "catalog/catalog.h"
#include "plan/monthly_cost.h"
#include "plan/screening.h"
#include "plan/short_window.h"
#include "runs/stored_results.h"
#include "scenario/resolved_scenario.h"
#include "sim/simulator.h"

#include <QObject>
#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom {

namespace {

// What-if answers come from one replication over at most half an hour around the peak: enough
// to rank the candidates within about a second, refined by the Recommend page's full runs.
constexpr double kWhatIfSpanS = 1800;

ResolvedScenario applyWhatIf(ResolvedScenario r, const WhatIf& w)
{
    for (auto& p : r.ratePoints) p.second *= w.traffic;
    r.peakRateRps *= w.traffic;
    r.bootS = r.bootS.scaled(w.boot);
    r.provisioningS = r.provisioningS.scaled(w.boot);
    if (w.imageMb >= 0 && r.doc.autoscaling && r.doc.autoscaling->leadTime.pullBytesPerS > 0)
        r.imagePullS = w.imageMb * 1e6 / r.doc.autoscaling->leadTime.pullBytesPerS;
    if (w.speedCv >= 0) r.doc.cluster.speedCv = w.speedCv;
    return r;
}

QString riskOf(const ResolvedScenario& r)
{
    const double cv = r.doc.cluster.speedCv;
    if (r.burstable) return QObject::tr("high: burstable, throttled when credits run out");
    if (!r.instanceType.dedicatedCpu)
        return cv > 0.1 ? QObject::tr("high: shared vCPUs, node speed CV %1").arg(cv)
                        : QObject::tr("medium: shared vCPUs, noisy neighbours expected");
    return QObject::tr("low: dedicated vCPUs, node speed CV %1").arg(cv);
}

// Lead time and homogeneity risk: the same for the estimate and the simulation.
void describeFleet(CompareFigures& f, const ResolvedScenario& r, const WhatIf& w, const Catalog& catalog)
{
    if (r.doc.autoscaling) {
        f.leadTimeS = r.provisioningS.expectedValue() + r.bootS.expectedValue() + r.imagePullS + r.startS.expectedValue()
                    + r.readinessS.expectedValue() + r.registrationS.expectedValue();
        f.leadTimeBasis = QObject::tr("scenario lead time");
    } else if (const auto boots = catalog.bootTimesOf(r.instanceType.provider)) {
        f.leadTimeS = boots->userDataStartP50 * w.boot;
        f.leadTimeBasis = boots->assumed
                              ? QObject::tr("%1: no timings published; median of other providers").arg(r.instanceType.provider)
                              : QObject::tr("%1 median boot (catalog, %2 runs)").arg(r.instanceType.provider).arg(boots->runs);
    } else {
        f.leadTimeBasis = QObject::tr("no boot times for %1").arg(r.instanceType.provider);
    }
    f.homogeneityRisk = riskOf(r);
}

bool neutral(const WhatIf& w)
{
    return w.traffic == 1 && w.boot == 1 && w.imageMb < 0 && w.speedCv < 0;
}

}  // namespace

CompareFigures simulatedFigures(const CompareCandidate& c, const WhatIf& w, const Catalog& catalog, const Workspace* ws,
                                const std::atomic<bool>* cancel)
{
    const ResolvedScenario r = applyWhatIf(resolveScenario(c.scenario, catalog, nullptr, c.label), w);
    const ShortWindow window = shortWindow(r, kWhatIfSpanS);
    SimulationOptions options;
    options.replications = 1;
    options.threads = 1;
    options.cancel = cancel;
    // The candidates as they are come back from the workspace when they were simulated before;
    // what-if moves are explored, not kept (they would bury the runs worth listing).
    const QJsonObject variant{{QStringLiteral("compare_window_s"), kWhatIfSpanS}};
    const SimulationResult result = ws && neutral(w)
                                        ? runs::simulateStoredVariant(*ws, catalog, c.scenario, variant, window.scenario, options).result
                                        : simulate(window.scenario, options);
    CompareFigures f;
    f.costPerMonthUsd = monthlyCostUsd(window.scenario, result);
    f.p95Ms = result.summary.latencyP95.mean;
    f.sloP95Ms = r.doc.slo ? r.doc.slo->latencyP95Ms : 0;
    const double minutes = std::max(window.scenario.doc.durationS - window.scenario.doc.warmupS, 1.0) / 60;
    f.attainment = std::clamp(1 - result.summary.minutesOverSlo.mean / minutes, 0.0, 1.0);
    describeFleet(f, r, w, catalog);
    for (const IntervalPoint& p : result.timeseries)
        if (p.tS >= window.scenario.doc.warmupS && p.completed > 0)
            f.p95Series << QPointF((p.tS + window.offsetS) / 60.0, p.p95Ms);
    return f;
}


CompareFigures estimateFigures(const CompareCandidate& c, const WhatIf& w, const Catalog& catalog)
{
    const ResolvedScenario r = applyWhatIf(resolveScenario(c.scenario, catalog, nullptr, c.label), w);
    const auto& scaling = r.doc.autoscaling;
    const int maxNodes = scaling ? scaling->max : r.doc.cluster.nodes;
    const Screening screen = screenCandidate(r, std::max(1, maxNodes));
    CompareFigures f;
    f.estimate = true;
    f.sloP95Ms = r.doc.slo ? r.doc.slo->latencyP95Ms : 0;
    // The fleet at the peak: fixed, or what the analytic queue needs within the autoscaler's bounds
    // (its maximum when even that is not enough, so the estimate shows the overload).
    const int nodes = scaling ? std::clamp(screen.nodesAtPeak.value_or(scaling->max), scaling->min, scaling->max)
                              : r.doc.cluster.nodes;
    f.p95Ms = analyticP95Ms(screen, r.peakRateRps, nodes);
    f.costPerMonthUsd = scaling ? std::max(screen.lowerBoundCostUsd, std::isfinite(screen.estimateCostUsd)
                                                                          ? screen.estimateCostUsd
                                                                          : monthlyCostOfNodesUsd(r, scaling->max))
                                : monthlyCostOfNodesUsd(r, nodes);
    f.attainment = std::numeric_limits<double>::quiet_NaN();
    describeFleet(f, r, w, catalog);
    return f;
}

}  // namespace headroom
