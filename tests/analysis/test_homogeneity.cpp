#include "analysis/homogeneity.h"
#include "support/fixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>
#include <map>

using namespace headroom;

namespace {

// Each line of the PKB subset is one iperf run between a freshly created VM pair (its own
// run_uri), so every run is its own "node"; zones are told apart by the sending_zone label.
std::map<QString, std::vector<homogeneity::NodeRuns>> runsByZone(const QString& path)
{
    std::map<QString, std::vector<homogeneity::NodeRuns>> out;
    static const QRegularExpression zoneRe(QStringLiteral("sending_zone:([^|]*)\\|"));
    for (const QByteArray& line : test::readFile(path).split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString zone = zoneRe.match(o.value(QStringLiteral("labels")).toString()).captured(1);
        out[zone].push_back({o.value(QStringLiteral("run_uri")).toString(), {o.value(QStringLiteral("value")).toDouble()}});
    }
    return out;
}

struct Plain {
    double mean, cv, p10, p90;
};
// The expected numbers, computed here the textbook way on the raw values.
Plain plainStatistics(std::vector<double> v)
{
    double sum = 0;
    for (double x : v) sum += x;
    const double m = sum / double(v.size());
    double sq = 0;
    for (double x : v) sq += (x - m) * (x - m);
    const double sd = std::sqrt(sq / double(v.size() - 1));
    std::sort(v.begin(), v.end());
    auto q = [&](double p) {  // linear interpolation between order statistics
        const double h = p * double(v.size() - 1);
        const size_t i = size_t(h);
        return v[i] + (h - double(i)) * (v[std::min(i + 1, v.size() - 1)] - v[i]);
    };
    return {m, sd / m, q(0.1), q(0.9)};
}

}  // namespace

TEST(Homogeneity, GceIperfZonesDifferSharply)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    auto zones = runsByZone(path);
    ASSERT_EQ(zones.size(), 2u);
    for (const QString& zone : {QStringLiteral("us-central1-a"), QStringLiteral("us-central1-b")}) {
        const auto& runs = zones[zone];
        ASSERT_EQ(runs.size(), 146u) << zone.toStdString();  // SOURCE.txt: 146 lines per zone
        std::vector<double> values;
        for (const auto& r : runs) values.push_back(r.values.front());
        const Plain expected = plainStatistics(values);
        const auto result = homogeneity::analyze(runs);
        EXPECT_EQ(result.nodes, 146);
        EXPECT_NEAR(result.grandMean, expected.mean, 1e-9);
        EXPECT_NEAR(result.betweenNodeCv, expected.cv, 1e-12);
        EXPECT_NEAR(result.p10, expected.p10, 1e-9);
        EXPECT_NEAR(result.p90, expected.p90, 1e-9);
        EXPECT_TRUE(std::isnan(result.withinNodeCv));  // one run per VM pair
        // The speed factor has mean 1 and the between-node spread.
        EXPECT_NEAR(result.speedFactor.mean(), 1.0, 1e-12);
        EXPECT_NEAR(result.speedFactor.cv(), expected.cv, 1e-12);
    }
    // SOURCE.txt: CV about 0.61 in zone a and 0.14 in zone b; medians 1420 and 2198.
    const auto a = homogeneity::analyze(zones[QStringLiteral("us-central1-a")]);
    const auto b = homogeneity::analyze(zones[QStringLiteral("us-central1-b")]);
    EXPECT_NEAR(a.betweenNodeCv, 0.61, 0.005);
    EXPECT_NEAR(b.betweenNodeCv, 0.14, 0.005);
    EXPECT_DOUBLE_EQ(a.p50, 1420);
    EXPECT_DOUBLE_EQ(b.p50, 2198);
}

TEST(Homogeneity, GceZoneBFlagsTheSlowRunsAsOutliers)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    auto zones = runsByZone(path);
    const auto& runs = zones[QStringLiteral("us-central1-b")];
    // Independent count: |0.6745 (x − median)| / MAD > 3.5.
    std::vector<double> v;
    for (const auto& r : runs) v.push_back(r.values.front());
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    const double med = (sorted[72] + sorted[73]) / 2;  // 146 values
    std::vector<double> dev;
    for (double x : v) dev.push_back(std::abs(x - med));
    std::sort(dev.begin(), dev.end());
    const double mad = (dev[72] + dev[73]) / 2;
    int expected = 0;
    for (double x : v) expected += std::abs(0.6745 * (x - med) / mad) > 3.5;
    const auto result = homogeneity::analyze(runs);
    EXPECT_DOUBLE_EQ(result.medianOfMeans, med);
    EXPECT_DOUBLE_EQ(result.madOfMeans, mad);
    EXPECT_EQ(result.outliers, expected);
}

TEST(Homogeneity, SeparatesWithinNodeFromBetweenNodeSpread)
{
    // Three nodes, three runs each. Node means 10, 12, 14 → between CV = 2/12.
    // Within: every node has deviations −1, 0, +1 → pooled sd 1 → within CV 1/12.
    const std::vector<homogeneity::NodeRuns> runs = {
        {QStringLiteral("n1"), {9, 10, 11}}, {QStringLiteral("n2"), {11, 12, 13}}, {QStringLiteral("n3"), {13, 14, 15}}};
    const auto r = homogeneity::analyze(runs);
    EXPECT_EQ(r.nodes, 3);
    EXPECT_EQ(r.runs, 9);
    EXPECT_NEAR(r.grandMean, 12, 1e-12);
    EXPECT_NEAR(r.betweenNodeCv, 2.0 / 12.0, 1e-12);
    EXPECT_NEAR(r.withinNodeCv, 1.0 / 12.0, 1e-12);
    EXPECT_NEAR(r.perNode[0].cv, 0.1, 1e-12);
    EXPECT_EQ(r.outliers, 0);
}

TEST(Homogeneity, OneSlowNodeAmongAlikeNodesIsAnOutlier)
{
    std::vector<homogeneity::NodeRuns> runs;
    const double means[] = {100, 101, 99, 100.5, 99.5, 60};
    for (int i = 0; i < 6; ++i) runs.push_back({QStringLiteral("n%1").arg(i), {means[i]}});
    const auto r = homogeneity::analyze(runs);
    EXPECT_EQ(r.outliers, 1);
    EXPECT_TRUE(r.perNode[5].outlier);
    // median 99.75, MAD = median(|x − 99.75|) = median(0.25,1.25,0.75,0.75,0.25,39.75) = 0.75
    EXPECT_NEAR(r.perNode[5].robustZ, 0.6745 * (60 - 99.75) / 0.75, 1e-9);
    EXPECT_EQ(r.toJson().value(QStringLiteral("outlier_rule")).toObject().value(QStringLiteral("threshold")).toDouble(), 3.5);
}

TEST(Homogeneity, EmptyInputGivesNoNodesAndNoCrash)
{
    const auto r = homogeneity::analyze({});
    EXPECT_EQ(r.nodes, 0);
    EXPECT_TRUE(std::isnan(r.betweenNodeCv));
    EXPECT_FALSE(QJsonDocument(r.toJson()).toJson().isEmpty());
}
