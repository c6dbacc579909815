#include "stored_results.h"

#include "as_written_run.h"
#include "plan/recommendation_json.h"
#include "plan/recommender.h"
#include "recommendation_codec.h"
#include "runs_in_flight.h"
#include "simulation_codec.h"

#include "core/errors.h"
#include "store/sql.h"
#include "store/workspace.h"

#include "plan/candidate_scenario.h"

#include <QElapsedTimer>
#include <QThread>
#include <QJsonArray>
#include <mutex>

namespace headroom::runs {

namespace {

QJsonArray sortedList(QStringList values)
{
    for (QString& v : values) v = v.trimmed().toLower();
    values.sort();
    values.removeDuplicates();
    return QJsonArray::fromStringList(values);
}

struct FullRun {
    Scenario doc;
    quint64 seed = 0;
    SimulationResult result;
};

// The recommender ran the winner in full to settle its verdict; a report that follows simulates
// exactly that configuration with that seed and those replications. Kept as a simulation run
// under the key the report will ask for, it is found there instead of simulated again, but only
// when the run's scenario as parsed, seed and replications give that very key (a trace the
// recommender froze into a profile, for one, does not, and is left to be simulated).
void keepWinnerSimulation(const Workspace& ws, const Catalog& catalog, const Scenario& scenario,
                          const Recommendation& recommendation, const std::vector<FullRun>& fullRuns, const StoredRun& made)
{
    const CandidateResult* winner = recommendation.winner();
    if (!winner || !winner->chosen || !winner->chosen->fullLength) return;
    const SimulationOptions options = recommendedSimulationOptions(scenario, *winner);
    const RunKey wanted = simulationKey(ws, catalog, recommendedScenario(scenario, *winner), options);
    if (findRun(ws, wanted)) return;
    // Catalog, datasets, program and options are the recommendation's own, so the scenario as
    // parsed, the seed and the replications decide (without fingerprinting the workspace again
    // for every run).
    for (const FullRun& run : fullRuns) {
        if (run.seed != wanted.seed || run.result.replications != wanted.replications
            || canonicalScenarioJson(run.doc) != wanted.scenarioJson)
            continue;
        // Its time is inside the recommendation's; the headline says where it came from.
        saveRun(ws, wanted, made.startedAt, 0,
                QStringLiteral("%1 (run in recommendation %2)").arg(simulationHeadline(run.result)).arg(made.id),
                toJson(run.result), encodeSimulation(run.result));
        return;
    }
}

}  // namespace

RunKey simulationKey(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const SimulationOptions& options,
                     const QJsonObject& variant)
{
    const quint64 seed = options.seed.value_or(scenario.seed);
    const int replications = options.replications > 0 ? options.replications : scenario.replications;
    // Threads are left out: the results do not depend on them.
    QJsonObject o{{QStringLiteral("timeseries"), options.keepTimeseries}};
    if (!variant.isEmpty()) o.insert(QStringLiteral("variant"), variant);
    return makeRunKey(RunKind::Simulate, scenario, seed, replications, o, catalog, ws);
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

QString whereStored(const Workspace& ws, const RunKey& key)
{
    return ws.path() + QLatin1Char('\n') + key.digest();
}

namespace {

// The result of the run of `key` under way in this program, once it ends, with a moment for its
// owner to store it; nothing when there is none, or when it failed or was cancelled.
std::optional<SimulationResult> resultInFlight(const Workspace& ws, const RunKey& key)
{
    const QString where = whereStored(ws, key);
    const std::optional<QFuture<SimulationResult>> running = runInFlight(where);
    if (!running) return std::nullopt;
    SimulationResult result;
    try {
        result = running->result();
    } catch (const std::exception&) {
        return std::nullopt;  // simulated here instead
    }
    for (int wait = 0; wait < 40 && runInFlight(where) && !findRun(ws, key); ++wait) QThread::msleep(50);
    return result;
}

}  // namespace

SimulationOutcome simulateStored(const Workspace& ws, const Catalog& catalog, const ResolvedScenario& scenario,
                                 const SimulationOptions& options, Reuse reuse)
{
    return simulateStoredVariant(ws, catalog, scenario.doc, {}, scenario, options, reuse);
}

SimulationOutcome simulateStoredVariant(const Workspace& ws, const Catalog& catalog, const Scenario& written,
                                        const QJsonObject& variant, const ResolvedScenario& scenario,
                                        const SimulationOptions& options, Reuse reuse)
{
    const RunKey key = simulationKey(ws, catalog, written, options, variant);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    SimulationOutcome out;
    if (reuse == Reuse::Allowed) {
        if (std::optional<StoredRun> stored = findRun(ws, key)) return {decodeSimulation(stored->detail), *stored, true};
        // The same inputs simulated right now elsewhere in this program (the scenario as written
        // after a recommendation's answer): that run, rather than a second one beside it.
        if (std::optional<SimulationResult> joined = resultInFlight(ws, key)) {
            if (std::optional<StoredRun> stored = findRun(ws, key)) return {decodeSimulation(stored->detail), *stored, true};
            out.result = std::move(*joined);  // its owner has not kept it (yet): kept here
            out.reused = true;
        }
    }
    if (!out.reused) out.result = simulate(scenario, options);
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
    const RunInputs made = runInputs(ws, id).value_or(RunInputs{});
    const auto refuse = [&](const QString& what) {
        throw InputError(ws.path(), QStringLiteral("--run %1: the recommendation was made for %2; run headroom recommend "
                                                   "for this one").arg(id).arg(what));
    };
    if (made.scenarioSha256 != current.scenarioSha256) refuse(QStringLiteral("another scenario (\"%1\")").arg(stored->scenarioName));
    if (made.catalogSha256 != current.catalogSha256) refuse(QStringLiteral("another catalog"));
    if (made.datasetsSha256 != current.datasetsSha256) refuse(QStringLiteral("other datasets"));
    if (made.resultFormat != kResultFormat) refuse(QStringLiteral("an older program"));
    return {decodeRecommendation(stored->detail), *stored, true};
}

RecommendationOutcome recommendStored(const Workspace& ws, const Catalog& catalog, const Scenario& scenario,
                                      const QString& fileName, const RecommendOptions& options, Reuse reuse,
                                      const std::function<void(const RecommendationOutcome&)>& ready)
{
    if (reuse == Reuse::Allowed)
        if (std::optional<RecommendationOutcome> stored = findRecommendation(ws, catalog, scenario, options)) {
            if (ready) ready(*stored);
            return *stored;
        }
    const RunKey key = recommendationKey(ws, catalog, scenario, options);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    RecommendationOutcome out;
    std::mutex fullRunsLock;
    std::vector<FullRun> fullRuns;
    RecommendOptions observed = options;
    observed.fullRunDone = [&](const ResolvedScenario& s, quint64 seed, const SimulationResult& result) {
        if (options.fullRunDone) options.fullRunDone(s, seed, result);
        const std::lock_guard<std::mutex> lock(fullRunsLock);
        fullRuns.push_back({s.doc, seed, result});
    };
    AsWrittenRun asWritten(ws, catalog, scenario, fileName, options.cancel);
    observed.settled = [&] {
        if (options.settled) options.settled();
        // Without what-if runs the settled ranking is the answer, and the scenario as written may
        // start at once. With them it waits until they are done: they are part of the answer a
        // meeting is waiting for, while this run only spares a report that may or may not follow
        // (run beside them it delayed the first-start scenario's answer by about 15 s of 80).
        if (!options.sensitivity) asWritten.start();
    };
    out.result = recommend(scenario, catalog, &ws, fileName, observed);
    const double wallS = double(clock.nsecsElapsed()) / 1e9;
    const qint64 id = saveRun(ws, key, started, wallS, recommendationHeadline(out.result), recommendationToJson(out.result),
                              encodeRecommendation(out.result));
    out.run = *runById(ws, id);
    keepWinnerSimulation(ws, catalog, scenario, out.result, fullRuns, out.run);
    if (ready) ready(out);
    asWritten.keep(QStringLiteral("recommendation %1").arg(out.run.id));
    return out;
}

Scenario recommendedScenario(const Scenario& scenario, const CandidateResult& winner)
{
    return candidateScenario(scenario, winner);
}

SimulationOptions recommendedSimulationOptions(const Scenario& scenario, const CandidateResult& winner)
{
    SimulationOptions o;
    o.seed = candidateScenario(scenario, winner).seed;
    o.replications = winner.chosen && winner.chosen->fullLength ? winner.chosen->replications : scenario.replications;
    return o;
}

}  // namespace headroom::runs
