// Where the winner's what-ifs run: a window around the traffic peak, the winner beside them on
// the same random streams; the whole run when the scenario is no longer than the window, or when a
// standard-mode burstable fleet's credits carry the hours before the peak into it.
#include "plan/evaluation.h"
#include "plan/recommendation_json.h"
#include "plan/recommender.h"
#include "plan_scenarios.h"
#include "scenario/resolved_scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>
#include <thread>

using namespace headroom;

namespace {

// Two hours at 100 requests/s with a ten-minute spike to 170 at 01:00: a fixed fleet sized for the
// day's p95 runs much closer to its limit in the spike than on average.
Scenario spikyDay()
{
    Scenario s = test::mmcScenario(0, 20, 120, 7200);
    s.traffic.kind = Traffic::Kind::Profile;
    s.traffic.points = {{0, 100}, {3540, 100}, {3600, 170}, {4200, 170}, {4260, 100}, {7200, 100}};
    return s;
}

const SensitivityCase* findCase(const Recommendation& r, const QString& id)
{
    for (const SensitivityCase& c : r.sensitivity)
        if (c.id == id) return &c;
    return nullptr;
}

TEST(RecommenderSensitivity, WhatIfsRunAroundThePeakBesideTheWinnersOwnWindow)
{
    RecommendOptions options;
    options.instanceTypes = {QStringLiteral("hetzner/CX32")};
    options.whatIfSpanS = 1200;
    const Recommendation r = recommend(spikyDay(), test::shippedWithoutCpuScores(), nullptr, QStringLiteral("spike.json"), options);
    ASSERT_NE(r.winner(), nullptr);
    const SensitivityBase& where = r.sensitivityBase;
    ASSERT_TRUE(where.peakWindow);
    // The window holds the spike's start, where the fleet has least to spare, and is as long as asked.
    EXPECT_LE(where.fromS, 3600);
    EXPECT_GE(where.toS, 3600);
    EXPECT_DOUBLE_EQ(where.toS - where.fromS, 1200);
    ASSERT_TRUE(where.result.has_value());
    EXPECT_FALSE(where.result->fullLength);
    EXPECT_EQ(where.result->replications, options.whatIfReplications);
    // The spike is slower than the day: the window is where the margin is thinnest.
    EXPECT_GT(where.result->p95Ms, r.winner()->chosen->p95Ms);

    const SensitivityCase* less = findCase(r, QStringLiteral("traffic_x0.8"));
    const SensitivityCase* more = findCase(r, QStringLiteral("traffic_x1.2"));
    const SensitivityCase* lost = findCase(r, QStringLiteral("node_lost"));
    ASSERT_TRUE(less && more && lost && less->result && more->result);
    for (const SensitivityCase* c : {less, more}) {
        EXPECT_FALSE(c->result->fullLength);
        EXPECT_EQ(c->result->replications, options.whatIfReplications);
    }
    // On the same random streams as the winner's window: more traffic slower, less faster.
    EXPECT_GT(more->result->p95Ms, where.result->p95Ms);
    EXPECT_LT(less->result->p95Ms, where.result->p95Ms);
    if (lost->applicable) {
        ASSERT_TRUE(lost->result.has_value());
        EXPECT_GT(lost->result->p95Ms, where.result->p95Ms);
        EXPECT_DOUBLE_EQ(lost->result->peakNodes, where.result->peakNodes - 1);
    }

    // A window's fleet priced for a month is no monthly cost: the JSON leaves it out and says where.
    const QJsonObject json = recommendationToJson(r).value(QStringLiteral("sensitivity")).toObject();
    EXPECT_EQ(json.value(QStringLiteral("over")).toString(), QStringLiteral("peak_window"));
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("base_latency_p95_ms")).toDouble(), std::round(where.result->p95Ms * 100) / 100);
    for (const QJsonValue& v : json.value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = v.toObject();
        if (!c.value(QStringLiteral("applicable")).toBool()) continue;
        EXPECT_FALSE(c.contains(QStringLiteral("cost_per_month_usd"))) << c.value(QStringLiteral("id")).toString().toStdString();
        EXPECT_TRUE(c.value(QStringLiteral("peak_nodes")).isDouble());
    }
}

TEST(RecommenderSensitivity, AScenarioNoLongerThanTheWindowIsStressedWhole)
{
    RecommendOptions options;
    options.instanceTypes = {QStringLiteral("hetzner/CX32")};
    options.whatIfSpanS = 1800;
    const Recommendation r =
        recommend(test::mmcScenario(100, 20, 100, 1800), test::shippedWithoutCpuScores(), nullptr, QStringLiteral("s.json"), options);
    ASSERT_NE(r.winner(), nullptr);
    const SensitivityBase& where = r.sensitivityBase;
    EXPECT_FALSE(where.peakWindow);
    EXPECT_DOUBLE_EQ(where.fromS, 60);
    EXPECT_DOUBLE_EQ(where.toS, 1800);
    // The base is the winner's own confirmation, on the same streams: not simulated again.
    ASSERT_TRUE(where.result.has_value());
    EXPECT_TRUE(where.result->fullLength);
    EXPECT_DOUBLE_EQ(where.result->p95Ms, r.winner()->chosen->p95Ms);
    const QJsonObject json = recommendationToJson(r).value(QStringLiteral("sensitivity")).toObject();
    EXPECT_EQ(json.value(QStringLiteral("over")).toString(), QStringLiteral("whole_run"));
    const QJsonObject first = json.value(QStringLiteral("cases")).toArray().first().toObject();
    EXPECT_TRUE(first.value(QStringLiteral("cost_per_month_usd")).isDouble());
}

TEST(RecommenderSensitivity, AStandardModeBurstableFleetIsStressedOverWholeRuns)
{
    // The bank a t3 node brings to the peak is what the hours before it left: a window starting
    // with a launch's credits would say nothing about it.
    Scenario s = spikyDay();
    s.cluster.instanceTypeKey = QStringLiteral("aws/t3.medium");
    CpuCredits credits;
    credits.mode = CpuCredits::Mode::Standard;
    credits.initial = 100;
    s.cluster.cpuCredits = credits;
    RecommendOptions options;
    options.instanceTypes = {QStringLiteral("aws/t3.medium")};
    options.whatIfSpanS = 1200;
    const Recommendation r = recommend(s, test::shippedWithoutCpuScores(), nullptr, QStringLiteral("t3.json"), options);
    ASSERT_NE(r.winner(), nullptr);
    EXPECT_FALSE(r.sensitivityBase.peakWindow);
    const SensitivityCase* more = findCase(r, QStringLiteral("traffic_x1.2"));
    ASSERT_TRUE(more && more->result);
    EXPECT_TRUE(more->result->fullLength);
}

// Replications run ahead by other threads (as idle cores run a candidate's what-ifs while it is
// confirmed) give what a batch run at once gives, to the bit.
TEST(RecommenderSensitivity, ReplicationsRunAheadChangeNothing)
{
    const Catalog catalog = test::shippedWithoutCpuScores();
    std::vector<ResolvedScenario> scenarios;
    for (double rate : {80.0, 120.0}) {
        Scenario doc = test::mmcScenario(rate, 20, 100, 900);
        doc.cluster.instanceTypeKey = QStringLiteral("hetzner/CX32");
        doc.cluster.nodes = 2;
        scenarios.push_back(resolveScenario(doc, catalog, nullptr, QStringLiteral("ahead.json")));
    }
    EvaluationSettings settings;
    settings.replications = 3;
    const std::vector<Evaluation> atOnce = evaluateSideBySide(scenarios, settings);

    SideBySideBatch batch(scenarios, settings);
    std::thread ahead([&] {
        for (int i = 0; i < 4; ++i) EXPECT_TRUE(batch.runOne());
    });
    ahead.join();
    EXPECT_EQ(batch.started(), 4);
    const std::vector<Evaluation> split = batch.finish();
    EXPECT_EQ(batch.started(), 6);
    EXPECT_FALSE(batch.runOne()) << "nothing is left to start";
    ASSERT_EQ(split.size(), atOnce.size());
    for (size_t i = 0; i < split.size(); ++i) {
        EXPECT_EQ(split[i].p95Ms, atOnce[i].p95Ms) << i;
        EXPECT_EQ(split[i].errorRate, atOnce[i].errorRate) << i;
        EXPECT_EQ(split[i].replications, 3) << i;
    }
    EXPECT_LT(split[0].p95Ms, split[1].p95Ms) << "the busier configuration is slower";
}

// Started ahead or not, the what-ifs are the same: the answer does not depend on the schedule.
TEST(RecommenderSensitivity, WhatIfsStartedAheadGiveTheSameAnswer)
{
    auto run = [](bool ahead) {
        RecommendOptions options;
        options.instanceTypes = {QStringLiteral("hetzner/CX32")};
        options.whatIfSpanS = 1200;
        options.whatIfsAhead = ahead;
        QJsonObject json =
            recommendationToJson(recommend(spikyDay(), test::shippedWithoutCpuScores(), nullptr, QStringLiteral("spike.json"), options));
        json.remove(QStringLiteral("elapsed_s"));
        return QJsonDocument(json).toJson();
    };
    const QByteArray ahead = run(true);
    EXPECT_EQ(ahead, run(false));
    EXPECT_TRUE(ahead.contains("peak_window"));
}

}  // namespace
