#include "resource_estimate.h"

#include "core/errors.h"

#include <QThread>
#include <algorithm>
#include <cmath>
#include <unistd.h>

namespace headroom {

namespace {

// Sizes of what a replication keeps, rounded up from the simulator's structures.
constexpr double kBytesPerInterval = 160;    // one IntervalPoint plus its latency sketch share
constexpr double kBytesPerNode = 1024;       // node state, its queue head, balancer entry
constexpr double kBytesPerWorker = 64;
constexpr double kBytesPerQueuedRequest = 96;
constexpr double kBaseBytes = 64.0 * 1024 * 1024;

// Requests arriving over the run: the integral of the piecewise linear rate curve.
double expectedArrivals(const ResolvedScenario& s)
{
    const auto& pts = s.ratePoints;
    const double end = s.doc.durationS;
    if (pts.empty()) return s.peakRateRps * end;
    double total = 0;
    if (pts.front().first > 0) total += pts.front().second * std::min(pts.front().first, end);
    for (size_t i = 1; i < pts.size(); ++i) {
        const double t0 = pts[i - 1].first, t1 = std::min(pts[i].first, end);
        if (t1 <= t0) continue;
        const double r1 = pts[i - 1].second + (pts[i].second - pts[i - 1].second) * (t1 - t0) / (pts[i].first - t0);
        total += (pts[i - 1].second + r1) / 2 * (t1 - t0);
    }
    if (pts.back().first < end) total += pts.back().second * (end - std::max(0.0, pts.back().first));
    return total;
}

double physicalMemoryBytes()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? double(pages) * double(pageSize) : 8e9;
}

QString bytesText(double b)
{
    if (b >= 1e12) return QStringLiteral("%1 TB").arg(b / 1e12, 0, 'g', 3);
    if (b >= 1e9) return QStringLiteral("%1 GB").arg(b / 1e9, 0, 'g', 3);
    return QStringLiteral("%1 MB").arg(b / 1e6, 0, 'f', 0);
}

QString durationText(double s)
{
    if (s >= 86400 * 365) return QStringLiteral("%1 years").arg(s / (86400 * 365), 0, 'g', 3);
    if (s >= 86400) return QStringLiteral("%1 days").arg(s / 86400, 0, 'g', 3);
    return QStringLiteral("%1 hours").arg(s / 3600, 0, 'g', 3);
}

}  // namespace

ResourceEstimate estimateResources(const ResolvedScenario& s, int replications, int threads, bool keepTimeseries)
{
    ResourceEstimate e;
    e.requests = expectedArrivals(s) * replications;  // rate points already include traffic.scale
    double nodes = s.doc.cluster.nodes;
    if (s.doc.autoscaling) nodes = std::max(nodes, double(s.doc.autoscaling->max));
    for (const auto& step : s.doc.autoscaling ? s.doc.autoscaling->schedule : std::vector<ScheduledCapacity>{})
        nodes = std::max(nodes, double(step.nodes));
    const double workers = nodes * std::max(1, s.workersPerNode);
    const double intervals = keepTimeseries ? std::ceil(s.doc.durationS / std::max(1.0, s.doc.intervalS)) : 0;
    // Requests in flight: at most a queue's worth per node when queues are bounded; otherwise
    // a few seconds of peak traffic (an overloaded run times requests out within seconds).
    const double queued = s.doc.cluster.queueLimit ? nodes * double(*s.doc.cluster.queueLimit)
                                                   : s.peakRateRps * 10;
    const double perRun = intervals * kBytesPerInterval + nodes * kBytesPerNode + workers * kBytesPerWorker +
                          std::min(queued, s.peakRateRps * 60) * kBytesPerQueuedRequest;
    // Replications running at once each hold their state; the time series of finished ones stay.
    const double concurrent = std::min(replications, std::max(1, threads));
    e.memoryBytes = kBaseBytes + concurrent * perRun + (replications - concurrent) * intervals * kBytesPerInterval;
    e.cpuSeconds = e.requests / ResourceEstimate::kRequestsPerCpuSecond +
                   intervals * replications * 1e-6 + nodes * replications * 1e-6;
    return e;
}

void refuseUnlessFits(const ResolvedScenario& s, int replications, bool keepTimeseries, const QString& where)
{
    const int cores = std::max(1, QThread::idealThreadCount());
    const ResourceEstimate e = estimateResources(s, replications, cores, keepTimeseries);
    const double memoryLimit = physicalMemoryBytes() / 2;
    const double timeLimitS = 86400;  // of wall time, all cores busy
    if (e.memoryBytes > memoryLimit)
        throw InputError(where, QStringLiteral("this scenario would need about %1 of memory (%2 requests, %3 intervals per "
                                               "replication, up to %4 nodes); this machine allows %5. Shorten the "
                                               "run, use longer intervals, or fewer nodes or replications")
                                    .arg(bytesText(e.memoryBytes))
                                    .arg(e.requests, 0, 'g', 3)
                                    .arg(std::ceil(s.doc.durationS / std::max(1.0, s.doc.intervalS)), 0, 'f', 0)
                                    .arg(s.doc.autoscaling ? std::max(s.doc.cluster.nodes, s.doc.autoscaling->max) : s.doc.cluster.nodes)
                                    .arg(bytesText(memoryLimit)));
    if (e.cpuSeconds / cores > timeLimitS)
        throw InputError(where, QStringLiteral("this scenario would take about %1 on this machine's %2 cores (%3 requests "
                                               "to simulate at about %4 per second per core); at most a day is attempted. "
                                               "Lower the traffic, shorten the run or use fewer replications")
                                    .arg(durationText(e.cpuSeconds / cores))
                                    .arg(cores)
                                    .arg(e.requests, 0, 'g', 3)
                                    .arg(ResourceEstimate::kRequestsPerCpuSecond, 0, 'f', 0));
}

}  // namespace headroom
