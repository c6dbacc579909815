// The recommendation as `headroom recommend --json` prints it: its Pareto points say which come
// from full-length runs and which only from the short window around the peak.
#include "plan/ranking.h"
#include "plan/recommendation_json.h"
#include "support/simulated_candidate.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

CandidateResult run(const QString& name, double cost, double p95, bool fullLength)
{
    return test::simulatedCandidate(name, cost, p95, fullLength, QStringLiteral("target_tracking@0.6"), 4);
}

TEST(RecommendationJson, EveryParetoPointSaysWhetherItIsAFullRunAndOnTheFront)
{
    // The window point is cheaper and faster than both full runs (a peak fleet priced for a
    // month can still be cheap); the dearer full run is faster than the cheaper one.
    Recommendation r;
    r.candidates = {run(QStringLiteral("CPX31"), 67.86, 20, false), run(QStringLiteral("CPX21"), 80, 90, true),
                    run(QStringLiteral("CCX13"), 120, 60, true)};
    r.pareto = paretoPoints(r.candidates);
    const QJsonArray pareto = recommendationToJson(r).value(QStringLiteral("pareto")).toArray();
    ASSERT_EQ(pareto.size(), 3);
    QStringList seen;
    for (const QJsonValue& v : pareto) {
        const QJsonObject p = v.toObject();
        const QString type = p.value(QStringLiteral("instance_type")).toString();
        seen << type;
        ASSERT_TRUE(p.value(QStringLiteral("full_length")).isBool()) << type.toStdString();
        ASSERT_TRUE(p.value(QStringLiteral("on_front")).isBool()) << type.toStdString();
        const bool window = type == QStringLiteral("CPX31");
        EXPECT_EQ(p.value(QStringLiteral("full_length")).toBool(), !window) << type.toStdString();
        EXPECT_EQ(p.value(QStringLiteral("on_front")).toBool(), !window) << type.toStdString();
        EXPECT_EQ(p.value(QStringLiteral("meets_slo")).toBool(), !window) << type.toStdString();
    }
    EXPECT_EQ(seen, (QStringList{QStringLiteral("CPX31"), QStringLiteral("CPX21"), QStringLiteral("CCX13")}));
    EXPECT_DOUBLE_EQ(pareto.at(0).toObject().value(QStringLiteral("cost_per_month_usd")).toDouble(), 67.86);
}

}  // namespace
