#include "report_data.h"
#include "report_validation.h"

#include "analysis/measured_lead_time.h"
#include "core/errors.h"
#include "model.h"
#include "plan/candidate_config.h"
#include "plan/monthly_cost.h"
#include "plan/recommender.h"
#include "runs/stored_results.h"
#include "scenario/scenario_parser.h"
#include "store/series_queries.h"
#include "store/workspace.h"


namespace headroom::report {

namespace {

void checkCancel(const ReportRequest& request)
{
    if (request.cancel && request.cancel->load()) throw Cancelled();
}

// The same inputs, in the same (insertion) order, as `headroom analyze quality`, so the report's
// findings are the command's findings.
quality::Report qualityOf(const Workspace& ws, int* seriesCount)
{
    const std::vector<Series> inputs = seriesAsRecorded(ws, Selection{});
    *seriesCount = int(inputs.size());
    return quality::check(inputs);
}

}  // namespace

ReportData gatherReportData(const Workspace& ws, const ReportRequest& request)
{
    ReportData data;
    data.scenarioPath = request.scenarioPath;
    data.workspacePath = ws.path();
    data.generatedAt = QDateTime::currentDateTimeUtc();
    data.version = versionString();
    data.catalog = Catalog::load(ws);

    const Scenario doc = loadScenarioFile(request.scenarioPath);
    data.scenario = resolveScenario(doc, data.catalog, &ws, request.scenarioPath);
    data.seed = request.seed ? *request.seed : doc.seed;
    checkCancel(request);

    // The same call `headroom simulate` makes, so the figures agree for the same seed.
    SimulationOptions options;
    options.seed = data.seed;
    options.replications = request.replications;
    options.cancel = request.cancel;
    const double simShare = request.recommend && doc.slo && doc.slo->latencyP95Ms > 0 ? 0.3 : 0.9;
    if (request.progress) options.progress = [&](double f) { request.progress(0.02 + simShare * f); };
    const runs::Reuse reuse = request.reuseStored ? runs::Reuse::Allowed : runs::Reuse::Recompute;
    runs::SimulationOutcome simulated = runs::simulateStored(ws, data.catalog, data.scenario, options, reuse);
    data.simulation = std::move(simulated.result);
    data.runsUsed.push_back({QStringLiteral("simulation"), simulated.run, simulated.reused});
    data.monthlyCostUsd = monthlyCostUsd(data.scenario, data.simulation);
    checkCancel(request);

    if (!request.recommend) {
        data.recommendSkipped = QStringLiteral("the recommender was not run for this report");
    } else if (!doc.slo) {
        data.recommendSkipped = QStringLiteral("the scenario states no SLO, and the recommender needs one to judge candidates");
    } else if (doc.slo->latencyP95Ms <= 0) {
        data.recommendSkipped = QStringLiteral("the scenario's SLO has no latency_p95_ms, and the recommender ranks "
                                               "candidates by p95 latency against it");
    } else {
        // The same call `headroom recommend` makes, with the same filters.
        RecommendOptions ro;
        ro.providers = request.providers;
        ro.instanceTypes = request.instanceTypes;
        ro.sensitivity = request.sensitivity;
        ro.cancel = request.cancel;
        if (request.progress) ro.progress = [&](double f) { request.progress(0.32 + 0.5 * f); };
        runs::RecommendationOutcome recommended =
            request.recommendationRunId > 0
                ? runs::recommendationRun(ws, data.catalog, doc, request.recommendationRunId)
                : runs::recommendStored(ws, data.catalog, doc, request.scenarioPath, ro, reuse);
        data.recommendation = std::move(recommended.result);
        data.runsUsed.push_back({QStringLiteral("recommendation"), recommended.run, recommended.reused});
        checkCancel(request);
        if (const CandidateResult* w = data.recommendation->winner(); w && w->chosen) {
            // The winner as a scenario of its own, simulated like `headroom simulate` would, with
            // the seed and replications that settled its verdict: the recommender's own full run,
            // which it left in the store, so the figures agree and nothing is simulated twice.
            const Scenario configured = runs::recommendedScenario(doc, *w);
            data.winnerScenario = resolveScenario(configured, data.catalog, &ws, request.scenarioPath);
            SimulationOptions wo = runs::recommendedSimulationOptions(doc, *w);
            if (request.seed) wo.seed = request.seed;
            wo.cancel = request.cancel;
            if (request.progress) wo.progress = [&](double f) { request.progress(0.82 + 0.12 * f); };
            runs::SimulationOutcome winner = runs::simulateStored(ws, data.catalog, *data.winnerScenario, wo, reuse);
            data.winnerSimulation = std::move(winner.result);
            data.runsUsed.push_back({QStringLiteral("simulation of the recommended configuration"), winner.run, winner.reused});
        }
    }

    data.datasets = listDatasets(ws);
    data.fleet = analysis::analyzeFleetMetrics(ws, request.cancel);
    data.licences = dataLicences(ws);
    checkCancel(request);
    data.quality = qualityOf(ws, &data.qualitySeries);
    // Measured phases only: the scenario's own settings and the catalog defaults are shown beside them.
    // The Lead time page's call with its default choice (every provider, no catalog defaults).
    if (analysis::MeasuredLeadTime measured = analysis::measuredLeadTime(ws, Selection{}); !measured.observations.empty())
        data.measuredLeadTime = std::move(measured.report);
    gatherValidation(ws, data, request);
    if (request.progress) request.progress(1.0);
    return data;
}

}  // namespace headroom::report
