#include "arrivals.h"

#include "request_path.h"

#include <algorithm>
#include <cmath>

namespace headroom::sim {

void Arrivals::start()
{
    const double first = nextAfter(0);
    if (first < w_.s.doc.durationS) w_.loop.postInOrder(EventLoop::Lane::Arrivals, first, EventKind::Arrival);
}

// By inversion of the cumulative rate: a unit exponential E is spent walking along the rate
// curve, and the arrival falls where the area under the curve since t reaches E. Within a segment
// the rate is linear, so the area is a quadratic in the time and is solved for in closed form; a
// segment whose area is less than what is left of E is crossed whole. One draw per arrival, and
// none wasted on rejected candidates as thinning against a majorant would (on a day's profile,
// with rates that rise from 60 to 300 over a segment, two candidates in five were rejected).
double Arrivals::nextAlongCurve(double t)
{
    const double end = w_.s.doc.durationS;
    Rng& rng = w_.rng;
    const auto& pts = w_.s.ratePoints;
    double left = rng.exponential(1.0);  // area still to cover
    for (;;) {
        if (t >= end) return end + 1;
        while (rateSegment_ + 1 < pts.size() && t >= pts[rateSegment_ + 1].first) ++rateSegment_;
        const bool last = rateSegment_ + 1 >= pts.size();
        const bool beforeFirst = t < pts[0].first;
        const double t0 = pts[rateSegment_].first, r0 = pts[rateSegment_].second;
        const double segEnd = beforeFirst ? pts[0].first : (last ? end : pts[rateSegment_ + 1].first);
        // The rate's slope over the segment: flat before the first point and after the last.
        const double slope = last || beforeFirst ? 0 : (pts[rateSegment_ + 1].second - r0) / (segEnd - t0);
        const double rateNow = beforeFirst ? r0 : r0 + slope * (t - t0);
        const double rateAtEnd = rateNow + slope * (segEnd - t);
        const double area = (rateNow + rateAtEnd) / 2 * (segEnd - t);
        if (!(area > 0) || left > area) {
            left -= std::max(0.0, area);
            t = segEnd;
            continue;
        }
        // rateNow·d + slope/2·d² = left, in the form that needs no division by the slope and
        // stays exact when the slope is zero or the rate starts at zero.
        const double root = std::sqrt(std::max(0.0, rateNow * rateNow + 2 * slope * left));
        return t + 2 * left / (rateNow + root);
    }
}

}  // namespace headroom::sim
