#include "stored_results.h"

#include "plan/recommendation_json.h"
#include "plan/recommender.h"
#include "recommendation_codec.h"
#include "simulation_codec.h"

#include "core/errors.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace headroom::runs {

namespace {

QJsonArray sortedList(QStringList values)
{
    for (QString& v : values) v = v.trimmed().toLower();
    values.sort();
    values.removeDuplicates();
    return QJsonArray::fromStringList(values);
}

}  // namespace

RunKey simulationKey(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const SimulationOptions& options)
{
    const quint64 seed = options.seed.value_or(scenario.seed);
    const int replications = options.replications > 0 ? options.replications : scenario.replications;
    // Threads are left out: the results do not depend on them.
    return makeRunKey(RunKind::Simulate, scenario, seed, replications,
                      QJsonObject{{QStringLiteral("timeseries"), options.keepTimeseries}}, catalog, ws);
}

RunKey recommendationKey(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const RecommendOptions& options)
{
    const QJsonObject o{{QStringLiteral("providers"), sortedList(options.providers)},
                        {QStringLiteral("instance_types"), sortedList(options.instanceTypes)},
                        {QStringLiteral("confidence"), options.confidence},
                        {QStringLiteral("max_nodes"), options.maxNodes},
                        {QStringLiteral("short_replications"), options.shortReplications},
                        {QStringLiteral("short_span_s"), options.shortSpanS},
                        {QStringLiteral("oversize_factor"), options.oversizeFactor},
                        {QStringLiteral("sensitivity"), options.sensitivity},
                        {QStringLiteral("confirm_at_once"), options.confirmAtOnce},
                        // Seeds derived per candidate (candidate_hash.h): answers stored when every
                        // candidate met the scenario's own seed are not taken for this one.
                        {QStringLiteral("seeds"), QStringLiteral("per-candidate")}};
    return makeRunKey(RunKind::Recommend, scenario, scenario.seed, scenario.replications, o, catalog, ws);
}

QString simulationHeadline(const SimulationResult& r)
{
    return QStringLiteral("p95 %1 ms, $%2, SLO %3")
        .arg(r.summary.latencyP95.mean, 0, 'f', 1)
        .arg(r.summary.costUsd.mean, 0, 'f', 2)
        .arg(r.summary.sloMet ? QStringLiteral("met") : QStringLiteral("missed"));
}

QString recommendationHeadline(const Recommendation& r)
{
    const CandidateResult* w = r.winner();
    if (!w) return QStringLiteral("no candidate meets the SLO");
    const QString nodes = w->nodesMin() == w->nodesMax() ? QString::number(w->nodesMin())
                                                         : QStringLiteral("%1–%2").arg(w->nodesMin()).arg(w->nodesMax());
    return QStringLiteral("%1 × %2, $%3/month").arg(nodes, w->type.key()).arg(w->costPerMonthUsd(), 0, 'f', 2);
}

SimulationOutcome simulateStored(const Workspace& ws, const Catalog& catalog, const ResolvedScenario& scenario,
                                 const SimulationOptions& options, Reuse reuse)
{
    const RunKey key = simulationKey(ws, catalog, scenario.doc, options);
    if (reuse == Reuse::Allowed)
        if (std::optional<StoredRun> stored = findRun(ws, key))
            return {decodeSimulation(stored->detail), *stored, true};
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    SimulationOutcome out;
    out.result = simulate(scenario, options);
    const double wallS = double(clock.nsecsElapsed()) / 1e9;
    const qint64 id = saveRun(ws, key, started, wallS, simulationHeadline(out.result), toJson(out.result),
                              encodeSimulation(out.result));
    out.run = *runById(ws, id);
    return out;
}

std::optional<RecommendationOutcome> findRecommendation(const Workspace& ws, const Catalog& catalog, const Scenario& scenario,
                                                        const RecommendOptions& options)
{
    std::optional<StoredRun> stored = findRun(ws, recommendationKey(ws, catalog, scenario, options));
    if (!stored) return std::nullopt;
    return RecommendationOutcome{decodeRecommendation(stored->detail), *stored, true};
}

RecommendationOutcome recommendationRun(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, qint64 id)
{
    const std::optional<StoredRun> stored = runById(ws, id);
    if (!stored || stored->kind != RunKind::Recommend)
        throw InputError(ws.path(), QStringLiteral("--run %1: no stored recommendation with this id (see headroom runs)").arg(id));
    const RunKey current = recommendationKey(ws, catalog, scenario, {});
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT scenario_sha256, catalog_sha256, datasets_sha256, result_format FROM run WHERE id = ?"), {id});
    q.next();
    const auto refuse = [&](const QString& what) {
        throw InputError(ws.path(), QStringLiteral("--run %1: the recommendation was made for %2; run headroom recommend "
                                                   "for this one").arg(id).arg(what));
    };
    if (q.value(0).toString() != current.scenarioSha256) refuse(QStringLiteral("another scenario (\"%1\")").arg(stored->scenarioName));
    if (q.value(1).toString() != current.catalogSha256) refuse(QStringLiteral("another catalog"));
    if (q.value(2).toString() != current.datasetsSha256) refuse(QStringLiteral("other datasets"));
    if (q.value(3).toInt() != kResultFormat) refuse(QStringLiteral("an older program"));
    return {decodeRecommendation(stored->detail), *stored, true};
}

RecommendationOutcome recommendStored(const Workspace& ws, const Catalog& catalog, const Scenario& scenario,
                                      const QString& fileName, const RecommendOptions& options, Reuse reuse)
{
    if (reuse == Reuse::Allowed)
        if (std::optional<RecommendationOutcome> stored = findRecommendation(ws, catalog, scenario, options)) return *stored;
    const RunKey key = recommendationKey(ws, catalog, scenario, options);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    RecommendationOutcome out;
    out.result = recommend(scenario, catalog, &ws, fileName, options);
    const double wallS = double(clock.nsecsElapsed()) / 1e9;
    const qint64 id = saveRun(ws, key, started, wallS, recommendationHeadline(out.result), recommendationToJson(out.result),
                              encodeRecommendation(out.result));
    out.run = *runById(ws, id);
    return out;
}

}  // namespace headroom::runs
