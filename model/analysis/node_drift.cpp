#include "node_drift.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace headroom::drift {

namespace {
constexpr double kWindowS = 30 * 86400.0;
}

std::vector<NodeDrift> analyze(const std::vector<homogeneity::NodeRuns>& nodes, int minRuns)
{
    std::vector<NodeDrift> out;
    for (const homogeneity::NodeRuns& n : nodes) {
        if (int(n.values.size()) < minRuns || n.t.size() != n.values.size()) continue;
        std::vector<size_t> order(n.t.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return n.t[a] < n.t[b]; });
        NodeDrift d;
        d.node = n.node;
        d.runs = int(n.values.size());
        for (size_t i : order) {
            d.t.push_back(n.t[i]);
            d.v.push_back(n.values[i]);
        }
        d.firstT = d.t.front();
        d.lastT = d.t.back();
        double sumT = 0, sumV = 0;
        for (size_t i = 0; i < d.t.size(); ++i) {
            sumT += d.t[i];
            sumV += d.v[i];
        }
        const double meanT = sumT / double(d.runs);
        d.mean = sumV / double(d.runs);
        double sxy = 0, sxx = 0;
        for (size_t i = 0; i < d.t.size(); ++i) {
            sxy += (d.t[i] - meanT) * (d.v[i] - d.mean);
            sxx += (d.t[i] - meanT) * (d.t[i] - meanT);
        }
        d.trendPctPer30Days = sxx > 0 && d.mean != 0 ? 100 * (sxy / sxx) * kWindowS / d.mean : 0;
        std::map<long long, std::pair<double, int>> windows;
        for (size_t i = 0; i < d.t.size(); ++i) {
            auto& [sum, count] = windows[(long long)std::floor((d.t[i] - d.firstT) / kWindowS)];
            sum += d.v[i];
            ++count;
        }
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& [w, sc] : windows) {
            if (sc.second < 3) continue;
            lo = std::min(lo, sc.first / sc.second);
            hi = std::max(hi, sc.first / sc.second);
        }
        d.monthlyMeanRangePct = std::isfinite(lo) && d.mean != 0 ? 100 * (hi - lo) / std::abs(d.mean) : 0;
        out.push_back(std::move(d));
    }
    std::stable_sort(out.begin(), out.end(), [](const NodeDrift& a, const NodeDrift& b) { return a.runs > b.runs; });
    return out;
}

QJsonObject NodeDrift::toJson() const
{
    return QJsonObject{{QStringLiteral("node"), node},
                       {QStringLiteral("runs"), runs},
                       {QStringLiteral("mean"), mean},
                       {QStringLiteral("first_t"), firstT},
                       {QStringLiteral("last_t"), lastT},
                       {QStringLiteral("days"), (lastT - firstT) / 86400.0},
                       {QStringLiteral("trend_pct_per_30_days"), trendPctPer30Days},
                       {QStringLiteral("monthly_mean_range_pct"), monthlyMeanRangePct}};
}

}  // namespace headroom::drift
