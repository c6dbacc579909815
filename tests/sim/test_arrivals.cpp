// New requests follow the scenario's rate curve as a Poisson process: in every interval the count
// has the curve's area as its mean and as its variance.
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

using namespace headroom;

namespace {

// A ramp up from zero, a fall within one second, a flat stretch, a ramp down to zero.
const std::vector<std::pair<double, double>> kCurve{{0, 0}, {1800, 400}, {1801, 100}, {3600, 100}, {5400, 0}};

// The rate at t.
double rateAt(double t)
{
    for (size_t i = kCurve.size() - 1; i > 0; --i) {
        const auto& [t0, r0] = kCurve[i - 1];
        const auto& [t1, r1] = kCurve[i];
        if (t >= t0 && t < t1) return r0 + (r1 - r0) * (t - t0) / (t1 - t0);
    }
    return kCurve.back().second;
}

// The area under the curve over [a, b], by the midpoint rule on one-second steps: exact for a
// curve that is linear between whole seconds.
double areaBetween(double a, double b)
{
    double sum = 0;
    for (double t = a; t < b; t += 1) sum += rateAt(t + 0.5);
    return sum;
}

}  // namespace

TEST(Arrivals, CountsPerIntervalArePoissonWithTheCurvesArea)
{
    QByteArray points = "[";
    for (const auto& [t, r] : kCurve) points += QByteArray("[") + QByteArray::number(t) + "," + QByteArray::number(r) + "],";
    points.chop(1);
    points += "]";
    // Far more capacity than the traffic needs: every request is served, none is retried.
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":5400,"warmup_s":0,"interval_s":60,"seed":5,"replications":12,
        "traffic":{"kind":"profile","points":)" + points + R"(},
        "service":{"cpu_ms":{"dist":"deterministic","value":1}},
        "cluster":{"instance_type":{"vcpu":64,"memory_gib":256,"price_per_hour_usd":1},"nodes":2}})";
    SimulationOptions options;
    options.threads = 2;
    const SimulationResult r = simulate(test::resolved(json), options);
    ASSERT_EQ(r.perReplication.size(), 12u);

    // Pearson's statistic over every (replication, interval): (count − area)² / area has mean 1
    // for a Poisson count, so the sum has the cell count as mean and √(2 × cells) as spread. A
    // wrong area (a mis-solved quadratic, a segment crossed wrongly) moves the means; arrivals that clump
    // or are too regular move the variances.
    double pearson = 0;
    int cells = 0;
    double arrived = 0, expected = 0;
    for (const ReplicationResult& rep : r.perReplication) {
        ASSERT_EQ(rep.timeseries.size(), 90u);
        for (const IntervalPoint& p : rep.timeseries) {
            const double area = areaBetween(p.tS, p.tS + 60);
            arrived += p.arrivals;
            expected += area;
            if (area < 1e-9) {
                EXPECT_EQ(p.arrivals, 0) << "arrivals where the rate is zero, at " << p.tS;
                continue;
            }
            pearson += (p.arrivals - area) * (p.arrivals - area) / area;
            ++cells;
        }
    }
    const double spread = std::sqrt(2.0 * cells);
    EXPECT_NEAR(pearson, cells, 5 * spread) << "over " << cells << " intervals";
    // The total alone: the area of the whole curve, 12 times, to within 5 standard deviations.
    EXPECT_NEAR(arrived, expected, 5 * std::sqrt(expected));
    EXPECT_NEAR(expected, 12 * (1800 * 200 + 250 + 1799 * 100 + 1800 * 50), 1e-6);
}

TEST(Arrivals, ARateThatStartsLaterHasNoArrivalsBeforeIt)
{
    // The curve's first point is at 600 s: before it the rate is the first point's.
    const QByteArray json = R"({"schema":"headroom.scenario/1","duration_s":1200,"warmup_s":0,"interval_s":60,"seed":9,"replications":4,
        "traffic":{"kind":"profile","points":[[600,0],[1200,300]]},
        "service":{"cpu_ms":{"dist":"deterministic","value":1}},
        "cluster":{"instance_type":{"vcpu":64,"memory_gib":256,"price_per_hour_usd":1},"nodes":1}})";
    SimulationOptions options;
    options.threads = 1;
    const SimulationResult r = simulate(test::resolved(json), options);
    double late = 0;
    for (const ReplicationResult& rep : r.perReplication)
        for (const IntervalPoint& p : rep.timeseries) {
            if (p.tS < 600) EXPECT_EQ(p.arrivals, 0) << "at " << p.tS;
            else late += p.arrivals;
        }
    // 4 × the triangle's area (600 s × 300 / 2 = 90,000).
    EXPECT_NEAR(late, 4 * 90000.0, 5 * std::sqrt(4 * 90000.0));
}
