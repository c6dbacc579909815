// Stored runs (DESIGN §3 `run`): a result is taken from the workspace for the same inputs,
// exactly as it was computed, and never when any input differs.
#include "support/temp_workspace.h"

#include "catalog/catalog.h"
#include "core/errors.h"
#include "plan/recommendation_json.h"
#include "runs/recommendation_codec.h"
#include "store/run_record.h"
#include "runs/simulation_codec.h"
#include "runs/as_written_run.h"
#include "runs/stored_results.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <gtest/gtest.h>
#include <atomic>

using namespace headroom;
using namespace headroom::runs;

namespace {

// 100 requests/s of exponential 20 ms CPU time for five minutes: a second of work.
const QByteArray kScenario = R"({"schema":"headroom.scenario/1","name":"api","duration_s":300,"warmup_s":30,"seed":5,
  "replications":2,"traffic":{"kind":"poisson","rate_rps":100},"service":{"cpu_ms":{"dist":"exponential","mean":20}},
  "cluster":{"instance_type":"aws/c6i.large","nodes":1,"balancer":"random"},"slo":{"latency_p95_ms":100}})";

QByteArray compact(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

class StoredRuns : public testing::Test {
protected:
    test::TempWorkspace tmp;
    Scenario doc = parseScenario(kScenario, QStringLiteral("s.json"));
    Catalog catalog = Catalog::load(tmp.ws());

    RecommendOptions options() const
    {
        RecommendOptions o;
        o.instanceTypes = {QStringLiteral("aws/c6i.large"), QStringLiteral("hetzner/CX32")};
        o.sensitivity = false;
        return o;
    }
    int runCount() { return sql::scalar(tmp.ws().database(), QStringLiteral("SELECT count(*) FROM run WHERE kind = 'recommend'")).toInt(); }
};

TEST_F(StoredRuns, RecommendationIsStoredAndReusedWithoutSimulating)
{
    int progressCalls = 0;
    RecommendOptions o = options();
    o.progress = [&](double) { ++progressCalls; };
    const RecommendationOutcome first = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), o);
    EXPECT_FALSE(first.reused);
    EXPECT_GT(progressCalls, 0);
    EXPECT_GT(first.result.simulations, 0);
    EXPECT_EQ(runCount(), 1);

    progressCalls = 0;
    const RecommendationOutcome again = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), o);
    EXPECT_TRUE(again.reused);
    EXPECT_EQ(progressCalls, 0) << "a reused recommendation runs no simulation";
    EXPECT_EQ(again.run.id, first.run.id);
    EXPECT_EQ(runCount(), 1);
    // The stored answer is the computed one, field for field.
    EXPECT_EQ(compact(encodeRecommendation(again.result)), compact(encodeRecommendation(first.result)));
    EXPECT_EQ(compact(recommendationToJson(again.result)), compact(recommendationToJson(first.result)));
    EXPECT_EQ(again.run.kind, RunKind::Recommend);
    EXPECT_EQ(again.run.headline, recommendationHeadline(first.result));
    EXPECT_TRUE(again.run.madeAtText().startsWith(QStringLiteral("made at "))) << again.run.madeAtText().toStdString();

    const RecommendationOutcome forced =
        recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), o, Reuse::Recompute);
    EXPECT_FALSE(forced.reused);
    EXPECT_GT(progressCalls, 0);
    EXPECT_EQ(runCount(), 2);
}

TEST_F(StoredRuns, TheWinnersFullRunIsKeptAsTheSimulationAReportAsksFor)
{
    // A fixed fleet, and the same service behind an autoscaler (the winner is then a range).
    const QByteArray autoscaled = QByteArray(kScenario).replace(
        R"("slo":)", R"("autoscaling":{"policy":"k8s_hpa","target":0.6,"min":1,"max":6,
          "lead_time":{"boot_s":{"dist":"lognormal","mean":40,"cv":0.3}}},"slo":)");
    for (const QByteArray& text : {kScenario, autoscaled}) {
        const Scenario scenario = parseScenario(text, QStringLiteral("s.json"));
        const RecommendationOutcome made = recommendStored(tmp.ws(), catalog, scenario, QStringLiteral("s.json"), options());
        const CandidateResult* winner = made.result.winner();
        ASSERT_NE(winner, nullptr);
        ASSERT_TRUE(winner->chosen && winner->chosen->fullLength);
        const ResolvedScenario configured =
            resolveScenario(recommendedScenario(scenario, *winner), catalog, &tmp.ws(), QStringLiteral("s.json"));
        const SimulationOptions o = recommendedSimulationOptions(scenario, *winner);
        EXPECT_EQ(o.replications, winner->chosen->replications);
        const SimulationOutcome kept = simulateStored(tmp.ws(), catalog, configured, o);
        EXPECT_TRUE(kept.reused) << "the report's simulation of the winner was simulated again";
        // What was kept is what simulating it gives, digit for digit, and the recommendation's figure.
        EXPECT_EQ(compact(toJson(kept.result)), compact(toJson(simulate(configured, o))));
        EXPECT_DOUBLE_EQ(kept.result.summary.latencyP95.mean, winner->chosen->p95Ms);
    }
}

TEST_F(StoredRuns, TheScenarioAsWrittenIsKeptBesideARecommendation)
{
    // What `headroom simulate` and the report's "scenario as written" section ask for: the
    // scenario's own seed and replications. The recommendation simulates it beside its sweep.
    const RecommendationOutcome made = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), options());
    ASSERT_FALSE(made.reused);
    const ResolvedScenario asWritten = resolveScenario(doc, catalog, &tmp.ws(), QStringLiteral("s.json"));
    const SimulationOutcome kept = simulateStored(tmp.ws(), catalog, asWritten, asWrittenOptions(asWritten.doc));
    EXPECT_TRUE(kept.reused) << "the scenario as written was not kept beside the recommendation";
    EXPECT_TRUE(kept.run.headline.contains(QStringLiteral("recommendation %1").arg(made.run.id)))
        << kept.run.headline.toStdString();
    // Kept is what simulating it gives, digit for digit: the seed and the replications of the scenario.
    EXPECT_EQ(compact(toJson(kept.result)), compact(toJson(simulate(asWritten, {}))));
    EXPECT_EQ(kept.result.replications, doc.replications);
    // `simulate` with no options asks for the same key.
    EXPECT_TRUE(simulateStored(tmp.ws(), catalog, asWritten, {}).reused);
    const int simulations = sql::scalar(tmp.ws().database(),
        QStringLiteral("SELECT count(*) FROM run WHERE kind = 'simulate' AND headline LIKE '%beside%'")).toInt();
    EXPECT_EQ(simulations, 1);

    // `ready` hands over the same answer that is returned, once, stored or not.
    std::vector<qint64> handed;
    const RecommendationOutcome again = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), options(), Reuse::Allowed,
                                                        [&](const RecommendationOutcome& o) { handed.push_back(o.run.id); });
    EXPECT_EQ(handed, std::vector<qint64>{again.run.id});
    // A second recommendation of the same scenario with other filters finds it stored and keeps no second copy.
    RecommendOptions other = options();
    other.instanceTypes = {QStringLiteral("aws/c6i.large")};
    handed.clear();
    const RecommendationOutcome made2 = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), other, Reuse::Allowed,
                                                        [&](const RecommendationOutcome& o) { handed.push_back(o.run.id); });
    EXPECT_FALSE(made2.reused);
    EXPECT_EQ(handed, std::vector<qint64>{made2.run.id});
    EXPECT_EQ(sql::scalar(tmp.ws().database(), QStringLiteral("SELECT count(*) FROM run WHERE kind = 'simulate' AND headline LIKE '%beside%'")).toInt(), 1);
}

// With what-if runs the scenario as written starts only once the answer is stored: the answer
// is handed over first, and cancelling the work that is left (a new recommendation started on
// the page) keeps the answer and nothing half-made beside it, and never ends the program (a
// failed run's future threw again from the destructor that waited for it).
TEST_F(StoredRuns, TheAnswerComesBeforeTheScenarioAsWrittenAndSurvivesACancelAfterIt)
{
    RecommendOptions withWhatIfs = options();
    withWhatIfs.sensitivity = true;
    std::atomic<bool> cancel{false};
    withWhatIfs.cancel = &cancel;
    bool settledBeforeAnswer = false;
    withWhatIfs.settled = [&] { settledBeforeAnswer = true; };
    std::vector<qint64> handed;
    const RecommendationOutcome out = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), withWhatIfs, Reuse::Allowed,
                                                      [&](const RecommendationOutcome& o) {
                                                          EXPECT_TRUE(settledBeforeAnswer);
                                                          EXPECT_FALSE(o.result.sensitivity.empty()) << "the what-ifs are part of the answer";
                                                          handed.push_back(o.run.id);
                                                          cancel = true;  // what is left is the scenario as written
                                                      });
    ASSERT_EQ(handed.size(), 1u);
    EXPECT_EQ(out.run.id, handed.front());
    EXPECT_EQ(runCount(), 1) << "the answer stays stored";
    const ResolvedScenario asWritten = resolveScenario(doc, catalog, &tmp.ws(), QStringLiteral("s.json"));
    EXPECT_FALSE(findRun(tmp.ws(), simulationKey(tmp.ws(), catalog, doc, asWrittenOptions(asWritten.doc))).has_value())
        << "a cancelled run of the scenario as written is not kept";
}

// A report asked for while the scenario as written is still being simulated after a
// recommendation's answer waits for that run instead of simulating the same inputs beside it.
TEST_F(StoredRuns, ASimulationOfTheSameInputsUnderWayIsWaitedForNotRunTwice)
{
    const ResolvedScenario asWritten = resolveScenario(doc, catalog, &tmp.ws(), QStringLiteral("s.json"));
    const SimulationOptions options = asWrittenOptions(asWritten.doc);
    AsWrittenRun running(tmp.ws(), catalog, doc, QStringLiteral("s.json"), nullptr);
    running.start();
    const SimulationOutcome joined = simulateStored(tmp.ws(), catalog, asWritten, options);
    EXPECT_TRUE(joined.reused) << "simulated a second time";
    EXPECT_EQ(compact(toJson(joined.result)), compact(toJson(simulate(asWritten, options))));
    // Its owner (here the same thread, which had not kept it yet) finds it kept: one copy.
    EXPECT_FALSE(running.keep(QStringLiteral("test")).has_value());
    EXPECT_EQ(sql::scalar(tmp.ws().database(), QStringLiteral("SELECT count(*) FROM run WHERE kind = 'simulate'")).toInt(), 1);
    // Over and stored: asked again, it comes from the store.
    EXPECT_TRUE(simulateStored(tmp.ws(), catalog, asWritten, options).reused);
}

TEST_F(StoredRuns, SimulationComesBackExactly)
{
    const ResolvedScenario resolved = resolveScenario(doc, catalog, &tmp.ws(), QStringLiteral("s.json"));
    const SimulationOutcome first = simulateStored(tmp.ws(), catalog, resolved, {});
    ASSERT_FALSE(first.reused);
    ASSERT_FALSE(first.result.timeseries.empty());
    ASSERT_EQ(first.result.perReplication.size(), 2u);
    const SimulationOutcome again = simulateStored(tmp.ws(), catalog, resolved, {});
    EXPECT_TRUE(again.reused);
    EXPECT_EQ(compact(encodeSimulation(again.result)), compact(encodeSimulation(first.result)));
    EXPECT_EQ(compact(toJson(again.result)), compact(toJson(first.result)));
    EXPECT_EQ(again.result.summary.latencyP95.mean, first.result.summary.latencyP95.mean);  // every bit
    EXPECT_EQ(again.result.perReplication[1].timeseries.size(), first.result.perReplication[1].timeseries.size());
    // The stored `result` is what `headroom simulate --json` prints.
    EXPECT_EQ(compact(again.run.result), compact(toJson(first.result)));
}

TEST_F(StoredRuns, NumbersThatJsonCannotSpellSurvive)
{
    Recommendation r;
    CandidateResult c;
    c.type.provider = QStringLiteral("aws");
    c.type.name = QStringLiteral("t3.micro");
    c.screening.estimateCostUsd = std::numeric_limits<double>::infinity();
    c.screening.nodesAtPeak = 7;
    Evaluation e;
    e.breachAtS = 3600.5;
    e.p95Ms = 0.1 + 0.2;  // not a short decimal
    c.chosen = e;
    r.candidates.push_back(c);
    r.recommended = 0;
    ParetoPoint p;
    p.key = c.type.key();
    p.policy = QStringLiteral("k8s_hpa@0.6");
    p.p95Ms = 0.1 + 0.2;
    r.pareto.push_back(p);
    const Recommendation back = decodeRecommendation(encodeRecommendation(r));
    ASSERT_EQ(back.pareto.size(), 1u);
    EXPECT_EQ(back.pareto[0].policy, p.policy);
    EXPECT_EQ(back.pareto[0].p95Ms, 0.1 + 0.2);
    ASSERT_EQ(back.candidates.size(), 1u);
    EXPECT_TRUE(std::isinf(back.candidates[0].screening.estimateCostUsd));
    EXPECT_EQ(back.candidates[0].screening.nodesAtPeak, 7);
    EXPECT_FALSE(back.candidates[0].screening.nodesAtLow.has_value());
    EXPECT_EQ(back.candidates[0].chosen->p95Ms, 0.1 + 0.2);
    EXPECT_EQ(back.candidates[0].chosen->breachAtS, 3600.5);
    EXPECT_FALSE(back.candidates[0].fewer.has_value());
    EXPECT_EQ(back.recommended, 0);
    EXPECT_EQ(back.winner()->type.key(), QStringLiteral("aws/t3.micro"));
}

// A Pareto point from the short window around the peak stays one after a stored result is read
// back, and a full-length point stays full-length: the chart and the front rest on it.
TEST(StoredRunCodecs, AParetoPointKeepsWhereItsFiguresComeFrom)
{
    Recommendation r;
    for (const bool fullLength : {true, false}) {
        ParetoPoint p;
        p.key = QStringLiteral("hetzner/CPX31");
        p.policy = QStringLiteral("target_tracking@0.6");
        p.nodes = 1;
        p.nodesMax = fullLength ? 4 : 5;
        p.costPerMonthUsd = fullLength ? 32.4 : 67.86;
        p.p95Ms = 40;
        p.fullLength = fullLength;
        p.meetsSlo = p.onFront = fullLength;
        r.pareto.push_back(p);
    }
    const Recommendation back = decodeRecommendation(encodeRecommendation(r));
    ASSERT_EQ(back.pareto.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(back.pareto[i].fullLength, r.pareto[i].fullLength) << i;
        EXPECT_EQ(back.pareto[i].onFront, r.pareto[i].onFront) << i;
        EXPECT_EQ(back.pareto[i].nodesMax, r.pareto[i].nodesMax) << i;
        EXPECT_EQ(back.pareto[i].costPerMonthUsd, r.pareto[i].costPerMonthUsd) << i;
    }
}

TEST_F(StoredRuns, LayoutAndKeyOrderOfTheScenarioDoNotMatter)
{
    const QByteArray reordered = R"({
      "name": "api", "schema": "headroom.scenario/1", "seed": 5, "warmup_s": 30.0, "duration_s": 3e2,
      "replications": 2,
      "slo": {"latency_p95_ms": 100},
      "cluster": {"balancer": "random", "nodes": 1, "instance_type": "aws/c6i.large"},
      "service": {"cpu_ms": {"mean": 20, "dist": "exponential"}},
      "traffic": {"rate_rps": 100, "kind": "poisson"}
    })";
    const Scenario same = parseScenario(reordered, QStringLiteral("other.json"));
    EXPECT_EQ(recommendationKey(tmp.ws(), catalog, same, options()).digest(),
              recommendationKey(tmp.ws(), catalog, doc, options()).digest());
}

// Every input of a run, changed in turn, gives another key, so the stored result is not taken.
TEST_F(StoredRuns, EveryChangedInputMissesTheStoredResult)
{
    const RecommendationOutcome stored = recommendStored(tmp.ws(), catalog, doc, QStringLiteral("s.json"), options());
    ASSERT_FALSE(stored.reused);
    const RunKey base = recommendationKey(tmp.ws(), catalog, doc, options());
    ASSERT_TRUE(findRun(tmp.ws(), base).has_value());
    const auto missed = [&](const RunKey& key, const char* what) {
        EXPECT_NE(key.digest(), base.digest()) << what;
        EXPECT_FALSE(findRun(tmp.ws(), key).has_value()) << what;
    };

    Scenario faster = doc;
    faster.traffic.rateRps = 101;
    missed(recommendationKey(tmp.ws(), catalog, faster, options()), "a scenario value");
    Scenario slower = doc;
    slower.slo->latencyP95Ms = 99;
    missed(recommendationKey(tmp.ws(), catalog, slower, options()), "the SLO");
    Scenario reseeded = doc;
    reseeded.seed = 6;
    missed(recommendationKey(tmp.ws(), catalog, reseeded, options()), "the seed");

    RecommendOptions noFilter = options();
    noFilter.instanceTypes.removeLast();
    missed(recommendationKey(tmp.ws(), catalog, doc, noFilter), "the instance-type filter");
    RecommendOptions providers = options();
    providers.providers = {QStringLiteral("aws")};
    missed(recommendationKey(tmp.ws(), catalog, doc, providers), "the provider filter");
    RecommendOptions sensitivity = options();
    sensitivity.sensitivity = true;
    missed(recommendationKey(tmp.ws(), catalog, doc, sensitivity), "--no-sensitivity");
    RecommendOptions confidence = options();
    confidence.confidence = 0.95;
    missed(recommendationKey(tmp.ws(), catalog, doc, confidence), "the confidence");

    RunKey newer = base;
    newer.programVersion += QStringLiteral(".1");
    missed(newer, "the program version");
    RunKey format = base;
    format.resultFormat += 1;
    missed(format, "the result format");

    // A catalog row: the same type at another price, as a user row in the workspace.
    InstanceType dearer = *catalog.find(QStringLiteral("aws/c6i.large"));
    dearer.pricePerHour *= 1.01;
    Catalog::importUserRows(tmp.ws(), {dearer});
    const Catalog changed = Catalog::load(tmp.ws());
    missed(recommendationKey(tmp.ws(), changed, doc, options()), "a catalog row");
}

TEST_F(StoredRuns, ImportingOrReimportingADatasetMissesTheStoredResult)
{
    const auto sqlExec = [&](const QString& statement) { sql::exec(tmp.ws().database(), statement); };
    sqlExec(QStringLiteral("INSERT INTO dataset(name, format, source, sha256, imported_at) "
                           "VALUES('trace.csv', 'csv', '/tmp/trace.csv', 'aaa', '2026-01-01T00:00:00Z')"));
    const ResolvedScenario resolved = resolveScenario(doc, catalog, &tmp.ws(), QStringLiteral("s.json"));
    SimulationOptions one;
    one.replications = 1;
    ASSERT_FALSE(simulateStored(tmp.ws(), catalog, resolved, one).reused);
    ASSERT_TRUE(simulateStored(tmp.ws(), catalog, resolved, one).reused);

    // The same file imported again with other content: another hash, the old result is stale.
    sqlExec(QStringLiteral("UPDATE dataset SET sha256 = 'bbb', imported_at = '2026-01-02T00:00:00Z'"));
    EXPECT_FALSE(simulateStored(tmp.ws(), catalog, resolved, one).reused);
    ASSERT_TRUE(simulateStored(tmp.ws(), catalog, resolved, one).reused);
    // Removed.
    sqlExec(QStringLiteral("DELETE FROM dataset"));
    EXPECT_FALSE(simulateStored(tmp.ws(), catalog, resolved, one).reused);

    // Replications and seed of a simulation are inputs too.
    SimulationOptions two = one;
    two.replications = 2;
    EXPECT_FALSE(simulateStored(tmp.ws(), catalog, resolved, two).reused);
    SimulationOptions seeded = one;
    seeded.seed = 99;
    EXPECT_FALSE(simulateStored(tmp.ws(), catalog, resolved, seeded).reused);
    EXPECT_TRUE(simulateStored(tmp.ws(), catalog, resolved, seeded).reused);
}

TEST_F(StoredRuns, AScenarioWithoutANameIsStoredToo)
{
    QByteArray unnamed = kScenario;
    unnamed.replace(R"("name":"api",)", "");
    const Scenario nameless = parseScenario(unnamed, QStringLiteral("s.json"));
    ASSERT_TRUE(nameless.name.isEmpty());
    const ResolvedScenario resolved = resolveScenario(nameless, catalog, &tmp.ws(), QStringLiteral("s.json"));
    SimulationOptions one;
    one.replications = 1;
    EXPECT_FALSE(simulateStored(tmp.ws(), catalog, resolved, one).reused);
    EXPECT_TRUE(simulateStored(tmp.ws(), catalog, resolved, one).reused);
    EXPECT_EQ(listRuns(tmp.ws()).at(0).scenarioName, QString());
}

TEST_F(StoredRuns, ListedNewestFirstAndDeleted)
{
    const ResolvedScenario resolved = resolveScenario(doc, catalog, &tmp.ws(), QStringLiteral("s.json"));
    SimulationOptions one;
    one.replications = 1;
    const SimulationOutcome a = simulateStored(tmp.ws(), catalog, resolved, one);
    one.seed = 7;
    const SimulationOutcome b = simulateStored(tmp.ws(), catalog, resolved, one);
    const std::vector<StoredRun> list = listRuns(tmp.ws());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, b.run.id);
    EXPECT_EQ(list[0].seed, 7u);
    EXPECT_EQ(list[1].seed, 5u);
    EXPECT_EQ(list[0].scenarioName, QStringLiteral("api"));
    EXPECT_GT(list[0].wallS, 0);
    EXPECT_TRUE(list[0].headline.startsWith(QStringLiteral("p95 "))) << list[0].headline.toStdString();
    EXPECT_TRUE(list[0].result.isEmpty()) << "the list leaves the bodies out";
    EXPECT_TRUE(deleteRun(tmp.ws(), a.run.id));
    EXPECT_FALSE(deleteRun(tmp.ws(), a.run.id));
    EXPECT_EQ(listRuns(tmp.ws()).size(), 1u);
}

// Where the what-ifs ran and the winner's own figure there come back as stored: the tornado is
// drawn from that figure, and a window's what-ifs show nodes where a whole run's show cost.
TEST(StoredRunCodecs, TheWhatIfsKeepWhereTheyRan)
{
    Recommendation r;
    r.sensitivityBase.peakWindow = true;
    r.sensitivityBase.fromS = 52650;
    r.sensitivityBase.toS = 54450;
    Evaluation base;
    base.p95Ms = 54.7;
    base.peakNodes = 8.5;
    base.fullLength = false;
    r.sensitivityBase.result = base;
    const Recommendation back = decodeRecommendation(encodeRecommendation(r));
    EXPECT_TRUE(back.sensitivityBase.peakWindow);
    EXPECT_EQ(back.sensitivityBase.fromS, 52650);
    EXPECT_EQ(back.sensitivityBase.toS, 54450);
    ASSERT_TRUE(back.sensitivityBase.result.has_value());
    EXPECT_EQ(back.sensitivityBase.result->p95Ms, 54.7);
    EXPECT_EQ(back.sensitivityBase.result->peakNodes, 8.5);
    EXPECT_FALSE(back.sensitivityBase.result->fullLength);
    EXPECT_FALSE(decodeRecommendation(encodeRecommendation(Recommendation{})).sensitivityBase.result.has_value());
}

// The codecs name every field of these structs; a field added to one of them must be added to
// the codec (and kResultFormat raised), or stored results would come back without it. The sizes
// are those of x86-64 with GCC; a new field changes them.
TEST(StoredRunCodecs, CoverEveryFieldOfTheStructs)
{
    EXPECT_EQ(sizeof(Evaluation), 160u) << "Evaluation changed: update recommendation_codec.cpp";
    EXPECT_EQ(sizeof(Screening), 224u) << "Screening changed: update recommendation_codec.cpp";
    EXPECT_EQ(sizeof(InstanceType), 320u) << "InstanceType changed: update recommendation_codec.cpp";
    // (ParetoPoint's bools share its last 8 bytes: one more bool leaves the size as it is.)
    EXPECT_EQ(sizeof(ParetoPoint), 80u) << "ParetoPoint changed: update recommendation_codec.cpp";
    EXPECT_EQ(sizeof(IntervalPoint), 112u) << "IntervalPoint changed: update simulation_codec.cpp";
    EXPECT_EQ(sizeof(ReplicationResult), 264u) << "ReplicationResult changed: update simulation_codec.cpp";
    EXPECT_EQ(sizeof(SimulationSummary), 280u) << "SimulationSummary changed: update simulation_codec.cpp";
    EXPECT_EQ(sizeof(SimulationResult), 376u) << "SimulationResult changed: update simulation_codec.cpp";
    EXPECT_EQ(sizeof(CandidateResult), 976u) << "CandidateResult changed: update recommendation_codec.cpp";
    EXPECT_EQ(sizeof(SensitivityCase), 248u) << "SensitivityCase changed: update recommendation_codec.cpp";
    EXPECT_EQ(sizeof(Recommendation), 352u) << "Recommendation changed: update recommendation_codec.cpp";
}

}  // namespace
