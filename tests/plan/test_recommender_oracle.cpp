// The recommender against brute force. For each bundled scenario (compressed so that a day
// takes an hour, with a tenth of the traffic, to stay fast), an oracle simulates every instance
// type of a small catalog at every node count in full and keeps the cheapest configuration that
// meets the SLO. The recommender, which screens, runs short windows and confirms, must never be
// beaten by it, and must recommend something whenever the oracle finds anything feasible.
#include "catalog/catalog.h"
#include "plan/candidate_config.h"
#include "plan/candidate_hash.h"
#include "plan/evaluation.h"
#include "plan/policy_sweep.h"
#include "plan/recommender.h"
#include "plan_scenarios.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"

#include <gtest/gtest.h>
#include <limits>

using namespace headroom;

namespace {

constexpr int kMaxNodes = 6;
const QStringList kTypes = {QStringLiteral("aws/t3.small"), QStringLiteral("aws/c6i.large"), QStringLiteral("aws/c7g.large")};

Scenario compressed(const char* file, double trafficScale)
{
    Scenario s = loadScenarioFile(QStringLiteral(HEADROOM_TEST_DATA_DIR "/scenarios/") + QString::fromLatin1(file));
    constexpr double kTimeFactor = 24;  // a day in an hour
    s.durationS /= kTimeFactor;
    s.warmupS = std::min(s.warmupS, 120.0);
    for (auto& p : s.traffic.points) p.first /= kTimeFactor;
    s.traffic.rateRps *= trafficScale;
    s.traffic.scale *= trafficScale;
    s.replications = 2;
    return s;
}

struct Best {
    double costUsd = std::numeric_limits<double>::infinity();
    QString what;
    QString key;
    int nodes = 0;
};

// Every (type, count) in full, judged as the recommender judges a full run.
Best oracle(const Scenario& doc, const Catalog& catalog, const RecommendOptions& options, const QStringList& types = kTypes)
{
    Best best;
    const EvaluationSettings settings = confirmationSettings(options.minReplications,
                                                             std::max(options.maxReplications, doc.replications), options.confidence);
    for (const QString& key : types) {
        const InstanceType type = *catalog.find(key);
        for (int n = 1; n <= kMaxNodes; ++n) {
            Scenario configured = withConfiguration(doc, type, n, kMaxNodes);
            // The recommender's own random stream for this type (one policy: the id is the
            // type's key), so that both judge the same replications and their costs compare to
            // the cent, not only within the statistics' spread.
            configured.seed = candidateSeed(doc.seed, candidateId(key, QString(), false));
            const Evaluation e =
                evaluateConfiguration(resolveScenario(configured, catalog, nullptr, QStringLiteral("oracle.json")), settings);
            if (e.meetsSlo && e.costPerMonthUsd < best.costUsd) {
                best.costUsd = e.costPerMonthUsd;
                best.what = QStringLiteral("%1 × %2").arg(n).arg(key);
                best.key = key;
                best.nodes = n;
            }
            if (e.meetsSlo && !autoscales(doc)) break;  // a fixed fleet only costs more with more nodes
        }
    }
    return best;
}

void expectNotBeaten(const char* file, double trafficScale)
{
    const Scenario doc = compressed(file, trafficScale);
    const Catalog catalog = Catalog::shipped();
    RecommendOptions options;
    options.instanceTypes = kTypes;
    options.maxNodes = kMaxNodes;
    options.sensitivity = false;
    const Recommendation r = recommend(doc, catalog, nullptr, QString::fromLatin1(file), options);
    const Best b = oracle(doc, catalog, options);
    const CandidateResult* winner = r.winner();
    if (!std::isfinite(b.costUsd)) {
        SUCCEED() << file << ": nothing in the small catalog meets the SLO";
        return;
    }
    ASSERT_NE(winner, nullptr) << file << ": the oracle found " << b.what.toStdString() << " at $" << b.costUsd;
    EXPECT_EQ(winner->figures, CandidateResult::Figures::FullRun);
    EXPECT_LE(winner->costPerMonthUsd(), b.costUsd * (1 + 1e-9))
        << file << ": recommended " << winner->type.key().toStdString() << " at $" << winner->costPerMonthUsd()
        << ", the oracle found " << b.what.toStdString() << " at $" << b.costUsd;
    for (const CandidateResult& c : r.candidates)
        if (c.meetsSlo()) {
            EXPECT_EQ(c.figures, CandidateResult::Figures::FullRun) << c.type.key().toStdString();
        }
}

}  // namespace

TEST(RecommenderOracle, PythonWebApi) { expectNotBeaten("python_web_api.json", 0.1); }
TEST(RecommenderOracle, BurstableFleet) { expectNotBeaten("burstable_fleet.json", 0.5); }
TEST(RecommenderOracle, WorkerPool) { expectNotBeaten("worker_pool.json", 0.5); }

namespace {

// A day-shaped lognormal workload in half an hour, on a fixed fleet of up to kMaxNodes.
Scenario dayShapedLognormal()
{
    Scenario doc = test::mmcScenario(400, 12, 60, 1800);
    doc.traffic.kind = Traffic::Kind::Profile;
    doc.traffic.points = {{0, 150}, {900, 400}, {1800, 200}};
    doc.service.cpuMs.kind = Distribution::Kind::Lognormal;
    doc.service.cpuMs.cv = 1.0;
    doc.cluster.balancer = Balancer::LeastConnections;
    return doc;
}

// Recommends over `types` and checks that the winner is the exhaustive search's, configuration
// and cost; returns the recommendation for further checks.
Recommendation expectTheOraclesWinner(const Scenario& doc, const QStringList& types)
{
    const Catalog catalog = Catalog::shipped();
    RecommendOptions options;
    options.instanceTypes = types;
    options.maxNodes = kMaxNodes;
    options.sensitivity = false;
    const Recommendation r = recommend(doc, catalog, nullptr, QStringLiteral("same_winner.json"), options);
    const Best b = oracle(doc, catalog, options, types);
    EXPECT_TRUE(std::isfinite(b.costUsd)) << "the case must have a feasible configuration";
    const CandidateResult* winner = r.winner();
    EXPECT_NE(winner, nullptr) << "the oracle found " << b.what.toStdString();
    if (!winner) return r;
    EXPECT_EQ(winner->type.key(), b.key) << "the oracle found " << b.what.toStdString();
    EXPECT_EQ(winner->chosen->nodes, b.nodes) << "the oracle found " << b.what.toStdString();
    EXPECT_NEAR(winner->costPerMonthUsd(), b.costUsd, 1e-6);
    return r;
}

}  // namespace

// Exhaustive and recommended pick the same configuration: a fixed fleet with a day-shaped
// lognormal workload over five types of three providers, where every (type, count) is
// simulated in full and the cheapest one that meets the SLO must be the recommendation itself.
TEST(RecommenderOracle, SameWinnerAsExhaustiveSearch)
{
    expectTheOraclesWinner(dayShapedLognormal(),
                           {QStringLiteral("aws/c6i.large"), QStringLiteral("aws/c7g.large"), QStringLiteral("hetzner/CX22"),
                            QStringLiteral("hetzner/CPX31"), QStringLiteral("gcp/e2-standard-2")});
}

// The same with target tracking, where the recommender confirms in full only the candidates whose
// policy floor (policy_floor.h) could still beat the best confirmed cost: ruling the others out on
// the floor must not lose the exhaustive search's winner.
TEST(RecommenderOracle, SameWinnerAsExhaustiveSearchWhenAutoscaled)
{
    Scenario doc = dayShapedLognormal();
    Autoscaling scaling;
    scaling.policy = Autoscaling::Policy::TargetTracking;
    scaling.target = 0.6;
    scaling.min = 1;
    scaling.max = kMaxNodes;
    doc.autoscaling = scaling;
    // Close in price, so that several pass their windows and the floor has something to decide.
    const Recommendation r = expectTheOraclesWinner(
        doc, {QStringLiteral("hetzner/CX22"), QStringLiteral("hetzner/CX32"), QStringLiteral("hetzner/CPX21"),
              QStringLiteral("hetzner/CPX31"), QStringLiteral("hetzner/CX42")});
    const CandidateResult* winner = r.winner();
    ASSERT_NE(winner, nullptr);
    // The floor did rule something out, or this case would not test it.
    int ruledOutOnTheFloor = 0;
    for (const CandidateResult& c : r.candidates)
        if (c.status == CandidateResult::Status::Unconfirmed && c.fullRunCostFloorUsd > winner->costPerMonthUsd()
            && c.fullRunCostFloorUsd > c.screening.lowerBoundCostUsd) {
            ++ruledOutOnTheFloor;
            EXPECT_TRUE(c.why.contains(QStringLiteral("scaling policy keeps running"))) << c.why.toStdString();
            // Its cost is the floor it was ruled out on, not the peak window's fleet priced for a month.
            EXPECT_DOUBLE_EQ(c.costPerMonthUsd(), c.fullRunCostFloorUsd) << c.type.key().toStdString();
        }
    EXPECT_GT(ruledOutOnTheFloor, 0);
}
