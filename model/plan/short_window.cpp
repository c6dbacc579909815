#include "short_window.h"

#include <algorithm>

namespace headroom {

double rateAtTime(const std::vector<std::pair<double, double>>& points, double t)
{
    if (points.empty()) return 0;
    if (t <= points.front().first) return points.front().second;
    for (size_t i = 1; i < points.size(); ++i) {
        if (t <= points[i].first) {
            const auto& [t0, r0] = points[i - 1];
            const auto& [t1, r1] = points[i];
            return t1 > t0 ? r0 + (r1 - r0) * (t - t0) / (t1 - t0) : r1;
        }
    }
    return points.back().second;
}

double peakTime(const std::vector<std::pair<double, double>>& points)
{
    double best = -1, at = 0;
    for (const auto& [t, r] : points)
        if (r > best) best = r, at = t;
    return at;
}

ShortWindow shortWindow(const ResolvedScenario& scenario, double spanS, const InitialNodesForRate& initialNodesForRate)
{
    ShortWindow w;
    w.scenario = scenario;
    Scenario& doc = w.scenario.doc;
    const double measured = doc.durationS - doc.warmupS;
    if (spanS <= 0 || measured <= spanS) return w;
    w.cut = true;
    // Balances carried from one run to the next would make a window around the peak follow
    // itself, peak after peak with no quiet hours between: up to eight runs of the window for a
    // figure that means nothing. The window runs once, its nodes starting with the credits a
    // launch brings. In unlimited mode that changes only the surcharge, which a window does not
    // price; in standard mode it is a pessimistic screen, and the full runs, which carry the
    // balances day over day, have the last word (every type whose cheapest possible fleet is
    // below the best confirmed cost is searched in full whatever its window showed).
    if (w.scenario.burstable) w.scenario.carryCredits = false;

    // Three quarters of the window lead up to the peak (where an autoscaler falls behind), one
    // quarter follows it; the window slides to stay inside the measured part of the run.
    const double peak = peakTime(scenario.ratePoints);
    double start = std::clamp(peak - 0.75 * spanS, doc.warmupS, doc.durationS - spanS);
    const double end = start + spanS;
    start -= doc.warmupS;  // the warm-up runs on the traffic just before the window
    w.offsetS = start;

    std::vector<std::pair<double, double>> cut{{0.0, rateAtTime(scenario.ratePoints, start)}};
    for (const auto& [t, r] : scenario.ratePoints)
        if (t > start && t < end) cut.emplace_back(t - start, r);
    cut.emplace_back(end - start, rateAtTime(scenario.ratePoints, end));
    if (scenario.ratePoints.size() <= 1) cut.resize(1);  // a constant rate stays one point
    w.scenario.ratePoints = cut;
    doc.durationS = end - start;
    if (doc.autoscaling && doc.autoscaling->policy != Autoscaling::Policy::None) {
        const int lo = doc.autoscaling->min, hi = std::max(doc.autoscaling->min, doc.autoscaling->max);
        const int initial = initialNodesForRate ? initialNodesForRate(cut.front().second) : lo;
        doc.cluster.nodes = std::clamp(initial, lo, hi);
        // A schedule is written in the scenario's clock.
        for (ScheduledCapacity& s : doc.autoscaling->schedule) s.atS -= start;
    }
    return w;
}

}  // namespace headroom
