#include "arrivals.h"

#include "client.h"

#include <algorithm>

namespace headroom::sim {

void Arrivals::start()
{
    const double first = nextAfter(0);
    if (first < w_.s.doc.durationS) w_.loop.postInOrder(EventLoop::Lane::Arrivals, first, EventKind::Arrival);
}

void Arrivals::onArrival()
{
    const double next = nextAfter(w_.now);
    if (next < w_.s.doc.durationS) w_.loop.postInOrder(EventLoop::Lane::Arrivals, next, EventKind::Arrival);
    w_.client->arrive();
}

// Thinning against a piecewise-constant majorant: within each segment of the rate curve the bound
// is the larger end point, and the memoryless property lets a candidate that runs past the
// segment restart from its end.
double Arrivals::nextAfter(double t)
{
    const double end = w_.s.doc.durationS;
    Rng& rng = w_.rng;
    if (constant_) return meanGap_ > 0 ? t + rng.exponential(meanGap_) : end + 1;
    const auto& pts = w_.s.ratePoints;
    for (;;) {
        while (rateSegment_ + 1 < pts.size() && t >= pts[rateSegment_ + 1].first) ++rateSegment_;
        const bool last = rateSegment_ + 1 >= pts.size();
        const bool beforeFirst = t < pts[0].first;
        const double r0 = pts[rateSegment_].second;
        const double r1 = last || beforeFirst ? r0 : pts[rateSegment_ + 1].second;
        const double segEnd = beforeFirst ? pts[0].first : (last ? end + 1 : pts[rateSegment_ + 1].first);
        const double bound = std::max(r0, r1);
        if (t >= end) return end + 1;
        if (bound <= 0) {
            t = segEnd;
            continue;
        }
        const double candidate = t + rng.exponential(1 / bound);
        if (candidate >= segEnd) {
            t = segEnd;
            continue;
        }
        double rate = r0;
        if (!last && !beforeFirst) {
            const double t0 = pts[rateSegment_].first, t1 = pts[rateSegment_ + 1].first;
            rate = r0 + (r1 - r0) * (candidate - t0) / (t1 - t0);
        }
        t = candidate;
        if (rng.uniform() * bound < rate) return candidate;
    }
}

}  // namespace headroom::sim
