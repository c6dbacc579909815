#include "validation_causes.h"

#include <QStringList>
#include <cmath>

namespace headroom::validation {

namespace {
constexpr double kSharedCpuPct = 5;  // other work on the server's CPU beyond this disturbs the run
}

QString likelyCause(const ValidationResult& r, size_t i)
{
    const LevelComparison& l = r.levels[i];
    if (std::abs(l.errorMeanPct) <= kLargeErrorPct && std::abs(l.errorP95Pct) <= kLargeErrorPct) return {};
    const calibration::ServiceCalibration& c = r.calibration;
    QStringList why;
    const double overMs = l.predicted.mean - l.measured.latency.mean;
    const double overP95Ms = l.predicted.p95 - l.measured.latency.p95;

    // A server that shared its CPU was not measured alone: say so before blaming any input.
    if (l.measured.otherCpuPct > kSharedCpuPct || c.calibrationOtherCpuPct > kSharedCpuPct)
        why << QStringLiteral("shared CPU: other processes took %1 % of the server's CPU during this run (%2 % during the "
                              "calibration run), so the server had less capacity than the model was given; measure on a "
                              "quiet machine")
                   .arg(l.measured.otherCpuPct, 0, 'f', 0).arg(c.calibrationOtherCpuPct, 0, 'f', 0);
    if (l.calibrationLevel || l.utilization < 0.3) {
        const bool sameShift = std::abs(overP95Ms - overMs) < 0.3 * std::max(std::abs(overMs), 0.1);
        why << (sameShift ? QStringLiteral("fixed delay: mean and p95 are off by the same %1 ms, a constant every request "
                                           "pays (delay taken as %2 ms, from %3)")
                                .arg(overMs, 0, 'f', 2).arg(c.fixedDelayMs, 0, 'f', 2).arg(c.fixedDelaySource)
                          : QStringLiteral("service-time mean: at low load latency is mostly delay and service time, and "
                                           "the miss is not a constant shift"));
    }
    if (l.measured.demandMs && *l.measured.demandMs > 0) {
        const double off = 100 * (l.demandUsedMs - *l.measured.demandMs) / *l.measured.demandMs;
        if (std::abs(off) > 5)
            why << QStringLiteral("CPU per request: %1 ms measured at this rate, %2 ms on the fitted curve (%3 %)")
                       .arg(*l.measured.demandMs, 0, 'f', 2).arg(l.demandUsedMs, 0, 'f', 2).arg(off, 0, 'f', 1);
    }
    if (i > 0) {
        const LevelComparison& prev = r.levels[i - 1];
        if (l.utilization > prev.utilization && std::abs(l.errorMeanPct) > std::abs(prev.errorMeanPct) + kLargeErrorPct / 2)
            why << QStringLiteral("capacity: the error grows with load (%1 % at %2 % busy, %3 % here at %4 %), so the "
                                  "modelled server saturates %5 than the real one: check the worker count (and how "
                                  "workers share the vCPUs) and the CPU per request near saturation")
                       .arg(prev.errorMeanPct, 0, 'f', 0).arg(prev.utilization * 100, 0, 'f', 0)
                       .arg(l.errorMeanPct, 0, 'f', 0).arg(l.utilization * 100, 0, 'f', 0)
                       .arg(l.errorMeanPct > 0 ? QStringLiteral("sooner") : QStringLiteral("later"));
    }
    if (std::abs(l.errorP95Pct - l.errorMeanPct) > kLargeErrorPct || std::abs(l.errorP99Pct - l.errorMeanPct) > 2 * kLargeErrorPct) {
        const QString shape = c.cpuShape ? QStringLiteral("%1, CV %2").arg(c.cpuShape->family).arg(c.cpuShape->cv, 0, 'f', 2)
                                         : QStringLiteral("the scenario's");
        why << QStringLiteral("service-time shape: the tail misses by more than the mean (p95 %1 %, p99 %2 %, mean %3 %); "
                              "the shape used is %4")
                   .arg(l.errorP95Pct, 0, 'f', 0).arg(l.errorP99Pct, 0, 'f', 0).arg(l.errorMeanPct, 0, 'f', 0).arg(shape);
    }
    if (why.isEmpty())
        why << QStringLiteral("no input stands out: near saturation a run of %1 requests is short, and the measurement "
                              "itself may be noisy (another load on the machine?)").arg(l.measured.requests);
    return why.join(QStringLiteral("; ")) + QLatin1Char('.');
}

}  // namespace headroom::validation
