#include "fleet_series.h"

#include "core/errors.h"
#include "store/series_queries.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace headroom::analysis {

namespace {

// Value of a time-sorted series at x by linear interpolation; NaN outside its range.
double at(const Series& s, double x)
{
    if (s.t.empty() || x < s.t.front() || x > s.t.back()) return NAN;
    const auto it = std::lower_bound(s.t.begin(), s.t.end(), x);
    const size_t hi = size_t(it - s.t.begin());
    if (s.t[hi] == x || hi == 0) return s.v[hi];
    const size_t lo = hi - 1;
    return s.v[lo] + (x - s.t[lo]) / (s.t[hi] - s.t[lo]) * (s.v[hi] - s.v[lo]);
}

std::vector<Series> seriesOf(const Workspace& ws, const Selection& filter, const QString& metric)
{
    Selection f;
    f.metric = metric;
    f.datasetId = filter.datasetId;
    f.instanceType = filter.instanceType;
    std::vector<Series> all = seriesByTime(ws, f);
    std::erase_if(all, [&](const Series& s) { return s.t.empty() || (!filter.node.isEmpty() && s.node != filter.node); });
    return all;
}

}  // namespace

calibration::FleetSeries loadFleetSeries(const Workspace& ws, const Selection& filter)
{
    const auto util = seriesOf(ws, filter, QStringLiteral("cpu.util_pct"));
    const auto rate = seriesOf(ws, filter, QStringLiteral("http.requests_per_s"));
    if (util.empty())
        throw InputError(QStringLiteral("workspace"), QStringLiteral("no cpu.util_pct series match; import the fleet's CPU monitoring"));
    if (rate.empty())
        throw InputError(QStringLiteral("workspace"),
                         QStringLiteral("no http.requests_per_s series match; import the fleet's request rate"));
    calibration::FleetSeries f;
    QSet<QString> nodes;
    for (const Series& s : util) nodes.insert(s.node);
    f.nodes = std::max<qsizetype>(1, nodes.size());
    for (double t : util.front().t) {
        double sum = 0;
        int n = 0;
        for (const Series& s : util) {
            const double v = at(s, t);
            if (std::isfinite(v)) {
                sum += v;
                ++n;
            }
        }
        if (n > 0) {
            f.utilT.push_back(t);
            f.utilPct.push_back(sum / n);
        }
    }
    for (double t : rate.front().t) {
        double sum = 0;
        bool complete = true;
        for (const Series& s : rate) {
            const double v = at(s, t);
            complete = complete && std::isfinite(v);
            sum += std::isfinite(v) ? v : 0;
        }
        // Summing a partial set would understate the fleet's rate; skip those instants.
        if (complete) {
            f.rateT.push_back(t);
            f.rateRps.push_back(sum);
        }
    }
    return f;
}

}  // namespace headroom::analysis
