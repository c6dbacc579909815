#include "homogeneity.h"

#include "descriptive_stats.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::homogeneity {

namespace {
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
}  // namespace

Result analyze(const std::vector<NodeRuns>& nodes, const Options& options)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    Result r;
    r.outlierThreshold = options.outlierThreshold;
    std::vector<double> means;
    double pooledSquares = 0;
    int pooledDf = 0;
    for (const NodeRuns& n : nodes) {
        if (n.values.empty()) continue;
        NodeSummary s;
        s.node = n.node;
        s.count = int(n.values.size());
        s.mean = stats::mean(n.values);
        s.stdDev = stats::sampleStdDev(n.values);
        s.cv = s.mean != 0 ? s.stdDev / std::abs(s.mean) : nan;
        const auto [lo, hi] = std::minmax_element(n.values.begin(), n.values.end());
        s.min = *lo;
        s.max = *hi;
        if (s.count > 1) {
            pooledSquares += s.stdDev * s.stdDev * (s.count - 1);
            pooledDf += s.count - 1;
        }
        means.push_back(s.mean);
        r.runs += s.count;
        r.perNode.push_back(s);
    }
    r.nodes = int(r.perNode.size());
    r.grandMean = stats::mean(means);
    r.betweenNodeCv = r.nodes >= 2 ? stats::coefficientOfVariation(means) : nan;
    r.withinNodeCv = pooledDf > 0 && r.grandMean != 0 ? std::sqrt(pooledSquares / pooledDf) / std::abs(r.grandMean) : nan;
    r.p10 = stats::quantile(means, 0.10);
    r.p50 = stats::quantile(means, 0.50);
    r.p90 = stats::quantile(means, 0.90);
    r.p90OverP10 = r.p10 != 0 ? r.p90 / r.p10 : nan;
    r.medianOfMeans = stats::median(means);
    r.madOfMeans = stats::medianAbsoluteDeviation(means);
    for (NodeSummary& s : r.perNode) {
        // With MAD = 0 (more than half the nodes identical) any different node stands out.
        if (r.madOfMeans > 0) {
            s.robustZ = 0.6745 * (s.mean - r.medianOfMeans) / r.madOfMeans;
        } else {
            s.robustZ = s.mean == r.medianOfMeans ? 0 : std::copysign(INFINITY, s.mean - r.medianOfMeans);
        }
        s.outlier = r.nodes >= 3 && std::abs(s.robustZ) > options.outlierThreshold;
        if (s.outlier) ++r.outliers;
    }
    r.speedFactor = std::isfinite(r.betweenNodeCv) ? stats::Lognormal::fromMeanCv(1.0, r.betweenNodeCv)
                                                   : stats::Lognormal::fromMeanCv(1.0, 0.0);
    return r;
}

QJsonObject Result::toJson() const
{
    QJsonArray nodesJson;
    for (const NodeSummary& s : perNode)
        nodesJson.append(QJsonObject{{QStringLiteral("node"), s.node},
                                     {QStringLiteral("count"), s.count},
                                     {QStringLiteral("mean"), number(s.mean)},
                                     {QStringLiteral("std_dev"), number(s.stdDev)},
                                     {QStringLiteral("cv"), number(s.cv)},
                                     {QStringLiteral("min"), number(s.min)},
                                     {QStringLiteral("max"), number(s.max)},
                                     {QStringLiteral("robust_z"), number(s.robustZ)},
                                     {QStringLiteral("outlier"), s.outlier}});
    QJsonObject speed = speedFactor.toJson();
    speed[QStringLiteral("mean")] = 1.0;
    speed[QStringLiteral("cv")] = number(betweenNodeCv);
    return QJsonObject{
        {QStringLiteral("metric"), metric},
        {QStringLiteral("group"), group},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("grand_mean"), number(grandMean)},
        {QStringLiteral("between_node_cv"), number(betweenNodeCv)},
        {QStringLiteral("within_node_cv"), number(withinNodeCv)},
        {QStringLiteral("p10"), number(p10)},
        {QStringLiteral("p50"), number(p50)},
        {QStringLiteral("p90"), number(p90)},
        {QStringLiteral("p90_over_p10"), number(p90OverP10)},
        {QStringLiteral("median_of_means"), number(medianOfMeans)},
        {QStringLiteral("mad_of_means"), number(madOfMeans)},
        {QStringLiteral("outlier_rule"),
         QJsonObject{{QStringLiteral("statistic"), QStringLiteral("modified z = 0.6745 (node mean - median) / MAD")},
                     {QStringLiteral("threshold"), outlierThreshold}}},
        {QStringLiteral("outliers"), outliers},
        {QStringLiteral("speed_factor"), speed},
        {QStringLiteral("per_node"), nodesJson},
    };
}

}  // namespace headroom::homogeneity
