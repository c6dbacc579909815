// The candidate table says which CPU score each row was judged with, and a type without one is
// flagged instead of silently counting as the reference.
#include "catalog/catalog.h"
#include "plan/recommendation_json.h"
#include "plan/recommender.h"
#include "plan_scenarios.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

QJsonObject rowOf(const QJsonObject& json, const QString& key)
{
    for (const QJsonValue& v : json.value(QStringLiteral("candidates")).toArray())
        if (v.toObject().value(QStringLiteral("key")).toString() == key) return v.toObject();
    ADD_FAILURE() << "no candidate " << key.toStdString();
    return {};
}

}  // namespace

TEST(RecommenderCpuScores, RowsShowTheScoreAssumedAndFlagTypesWithout)
{
    // Three 2-vCPU types measured against the scenario's own c6i.large: a hyper-threaded x86
    // pair, two Graviton cores, and a DigitalOcean type that nobody has scored.
    RecommendOptions options;
    options.instanceTypes = {QStringLiteral("aws/c6i.large"), QStringLiteral("aws/c7g.large"), QStringLiteral("digitalocean/c-2")};
    options.sensitivity = false;
    options.threads = 2;
    const Recommendation r = recommend(test::mmcScenario(40, 10, 200, 300), Catalog::shipped(), nullptr,
                                       QStringLiteral("scores.json"), options);
    const QJsonObject json = recommendationToJson(r, 0);

    const QJsonObject c7g = rowOf(json, QStringLiteral("aws/c7g.large")).value(QStringLiteral("cpu_score")).toObject();
    EXPECT_TRUE(c7g.value(QStringLiteral("known")).toBool());
    EXPECT_DOUBLE_EQ(c7g.value(QStringLiteral("single_core_bogo_ops_per_s")).toDouble(), 1532.29);
    EXPECT_DOUBLE_EQ(c7g.value(QStringLiteral("all_cores_bogo_ops_per_s")).toDouble(), 3041.99);
    EXPECT_DOUBLE_EQ(c7g.value(QStringLiteral("reference_bogo_ops_per_s")).toDouble(), 1879.34);
    EXPECT_EQ(c7g.value(QStringLiteral("reference")).toString(), QStringLiteral("aws/c6i.large"));
    EXPECT_NEAR(c7g.value(QStringLiteral("speed")).toDouble(), 1532.29 / 1879.34, 1e-4);
    EXPECT_NEAR(c7g.value(QStringLiteral("busy_node_reference_vcpus")).toDouble(), 3041.99 / 1879.34, 1e-4);
    EXPECT_TRUE(c7g.value(QStringLiteral("source")).toString().contains(QStringLiteral("Spare Cores")));

    const QJsonObject c6i = rowOf(json, QStringLiteral("aws/c6i.large")).value(QStringLiteral("cpu_score")).toObject();
    EXPECT_DOUBLE_EQ(c6i.value(QStringLiteral("speed")).toDouble(), 1);
    EXPECT_NEAR(c6i.value(QStringLiteral("busy_node_reference_vcpus")).toDouble(), 1918.44 / 1879.34, 1e-4);

    const QJsonObject none = rowOf(json, QStringLiteral("digitalocean/c-2")).value(QStringLiteral("cpu_score")).toObject();
    EXPECT_FALSE(none.value(QStringLiteral("known")).toBool());
    EXPECT_TRUE(none.value(QStringLiteral("single_core_bogo_ops_per_s")).isNull());
    EXPECT_EQ(none.value(QStringLiteral("note")).toString(), QStringLiteral("no CPU score: assumed 1 vCPU = reference"));
    EXPECT_DOUBLE_EQ(none.value(QStringLiteral("busy_node_reference_vcpus")).toDouble(), 2);  // as before scores existed

    // The screen sizes nodes from the same capacity: a c6i.large node sustains about one vCPU
    // of 10 ms requests (102/s), a c7g.large 1.62 vCPUs at 0.815 speed (162/s).
    for (const CandidateResult& c : r.candidates) {
        if (c.type.key() == QLatin1String("aws/c6i.large")) {
            EXPECT_NEAR(c.screening.nodeCapacityRps, 100 * 1918.44 / 1879.34, 1e-6);
        }
        if (c.type.key() == QLatin1String("aws/c7g.large")) {
            EXPECT_NEAR(c.screening.nodeCapacityRps, 100 * 3041.99 / 1879.34, 1e-6);
        }
        if (c.type.key() == QLatin1String("digitalocean/c-2")) {
            EXPECT_NEAR(c.screening.nodeCapacityRps, 200, 1e-6);
        }
    }
}
