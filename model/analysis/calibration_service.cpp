#include "calibration_service.h"

#include "core/errors.h"
#include "descriptive_stats.h"
#include "erlang_c.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace headroom::calibration {

namespace {

double meanOf(const Distribution& d)
{
    if (d.kind != Distribution::Kind::Empirical) return d.mean;
    return d.values.empty() ? 0 : stats::mean(d.values);
}

Distribution fromShape(const QString& family, double meanMs, double cv)
{
    Distribution d;
    if (cv <= 1e-9) {
        d.kind = Distribution::Kind::Deterministic;
        d.mean = meanMs;
        return d;
    }
    d.kind = family == QLatin1String("gamma") ? Distribution::Kind::Gamma : Distribution::Kind::Lognormal;
    d.mean = meanMs;
    d.cv = cv;
    return d;
}

// Mean wait for a worker in M/G/c at low load (Allen–Cunneen: Erlang C scaled by (1 + cv²)/2).
double lowLoadWaitMs(double rateRps, double holdMs, double cv, int workers)
{
    if (!(holdMs > 0)) return 0;
    queueing::MMc q{rateRps, 1000 / holdMs, std::max(1, workers)};
    if (!q.stable()) return 0;
    return 1000 * q.meanWait() * (1 + cv * cv) / 2;
}

// One worker per vCPU at most: a request that waits for its CPU waits for other processes, and
// the CPU is slower for the app by the share they took while it wanted to run.
double speedFromCpuWaits(double cpuSumMs, double waitingForCpuMs, QStringList& notes)
{
    const double speed = cpuSumMs / (cpuSumMs + waitingForCpuMs);
    if (speed >= 0.95) return 1;
    notes << QStringLiteral("The app waited for its CPU %1 % of its CPU time (other processes on it): CPU work is "
                            "taken as %2× slower, shared by the workers on that CPU.")
                 .arg(100 * waitingForCpuMs / cpuSumMs, 0, 'f', 0).arg(1 / speed, 0, 'f', 2);
    return speed;
}

// More workers than vCPUs: a request also waits while its sibling workers run, and the model
// already shares the vCPUs between the workers. Counting that wait as a slower CPU would charge
// the sharing twice (the model then saturates far sooner than the server does), so only what
// other processes were measured to take slows the CPU.
double speedBesideSiblingWorkers(const LevelEvidence& low, int workers, int vcpu, double waitPct, QStringList& notes)
{
    const QString waited = QStringLiteral("The app waited for its CPU %1 % of its CPU time; with %2 workers on %3 vCPU "
                                          "that is mostly its sibling workers, whom the model shares the CPU with")
                               .arg(waitPct, 0, 'f', 0).arg(workers).arg(vcpu);
    if (!low.otherCpuMeasured) {
        notes << waited + QStringLiteral(": no reading of other processes (cpu.other_processes_pct) was imported, so "
                                         "the CPU is taken as the workers' alone.");
        return 1;
    }
    const double taken = std::clamp(low.otherCpuPct / 100, 0.0, 0.95);
    if (taken < 0.05) {
        notes << waited + QStringLiteral("; other processes took %1 % of it, too little to slow it.").arg(low.otherCpuPct, 0, 'f', 1);
        return 1;
    }
    notes << waited + QStringLiteral("; other processes took %1 % of it: CPU work is taken as %2× slower.")
                          .arg(low.otherCpuPct, 0, 'f', 0).arg(1 / (1 - taken), 0, 'f', 2);
    return 1 - taken;
}

}  // namespace

ServiceCalibration calibrate(const std::vector<LevelEvidence>& levels, const Scenario& base, int workers, int vcpu)
{
    if (levels.empty()) throw InputError(QStringLiteral("validate"), QStringLiteral("expected at least one load-test dataset"));
    const LevelEvidence& low = levels.front();
    const QString where = QStringLiteral("dataset %1").arg(low.datasetId);
    ServiceCalibration c;
    c.calibrationDataset = low.datasetId;
    c.calibrationRateRps = low.rateRps;
    c.scenarioCpuMeanMs = meanOf(base.service.cpuMs);
    c.calibrationOtherCpuPct = low.otherCpuPct;
    if (low.otherCpuPct > 5)
        c.notes << QStringLiteral("Other processes took %1 % of the server's CPU during the calibration run: the time the "
                                  "app spent off CPU is partly theirs, and every figure here is disturbed by them.")
                       .arg(low.otherCpuPct, 0, 'f', 0);

    std::vector<DemandPoint> points;
    for (const LevelEvidence& l : levels)
        if (l.demandMs) points.push_back({l.rateRps, *l.demandMs});
    if (!points.empty()) {
        c.demand = fitDemandCurve(points, where);
        if (points.size() == 1) c.notes << QStringLiteral("CPU per request was read at one rate only; it is taken as constant.");
    } else {
        c.notes << QStringLiteral("No CPU reading (cpu.util_pct with http.requests_per_s) in the datasets: the scenario's "
                                  "CPU time per request (%1 ms) is used.").arg(c.scenarioCpuMeanMs, 0, 'g', 4);
    }
    const double cpuLow = c.cpuMeanAt(low.rateRps);

    // The app's own per-request times split the worker's hold into CPU and waiting.
    const bool paired = !low.serverTimeMs.empty() && low.serverTimeMs.size() == low.latencyMs.size();
    const bool cpuSplit = paired && low.serverCpuMs.size() == low.serverTimeMs.size();
    double ioMeanMs = 0;
    const bool ioReported = cpuSplit && low.serverIoMs.size() == low.serverTimeMs.size();
    if (cpuSplit) {
        std::vector<double> io(low.serverTimeMs.size());
        double waitingForCpu = 0;
        for (size_t i = 0; i < io.size(); ++i) {
            const double offCpu = std::max(0.0, low.serverTimeMs[i] - low.serverCpuMs[i]);
            io[i] = ioReported ? std::min(offCpu, std::max(0.0, low.serverIoMs[i])) : offCpu;
            waitingForCpu += offCpu - io[i];
        }
        if (ioReported) {
            const double cpuSum = stats::mean(low.serverCpuMs) * double(io.size());
            if (vcpu > 0 && workers > vcpu) c.cpuSpeed = speedBesideSiblingWorkers(low, workers, vcpu, 100 * waitingForCpu / cpuSum, c.notes);
            else c.cpuSpeed = speedFromCpuWaits(cpuSum, waitingForCpu, c.notes);
        }
        ioMeanMs = stats::mean(io);
        c.appCpuMeanMs = stats::mean(low.serverCpuMs);
        c.cpuShape = fitShape(low.serverCpuMs, QStringLiteral("the app's per-request CPU times at low load"), where);
        // Below a twentieth of the CPU time the waiting is scheduling noise, not a call.
        const auto positive = std::count_if(io.begin(), io.end(), [](double x) { return x > 0; });
        if (ioMeanMs > 0.05 * c.appCpuMeanMs && ioMeanMs > 0.05 && positive >= 20)
            c.ioShape = fitShape(io, ioReported ? QStringLiteral("the app's reported time in calls at low load")
                                                : QStringLiteral("the app's per-request time off CPU (wall − CPU) at low load"),
                                 where);
    } else if (paired) {
        c.cpuShape = fitShape(low.serverTimeMs, QStringLiteral("the app's per-request times at low load"), where);
        c.appCpuMeanMs = c.cpuShape->mean;
        ioMeanMs = std::max(0.0, c.appCpuMeanMs - cpuLow);
        if (ioMeanMs > 0.05 * cpuLow) {
            c.notes << QStringLiteral("The app's times exceed the CPU per request by %1 ms: taken as a wait that holds the "
                                      "worker, with the times' shape.").arg(ioMeanMs, 0, 'f', 2);
            ShapeFit io = *c.cpuShape;
            io.mean = ioMeanMs;
            c.ioShape = io;
        }
    }
    if (c.demand && c.appCpuMeanMs > 0) {
        c.overheadMs = cpuLow - (cpuSplit ? c.appCpuMeanMs : c.appCpuMeanMs - ioMeanMs);
        if (c.overheadMs < 0) {
            c.notes << QStringLiteral("The CPU reading (%1 ms per request) is below the app's own CPU time (%2 ms); "
                                      "check that the reading covers every server process.").arg(cpuLow, 0, 'f', 2)
                           .arg(c.appCpuMeanMs, 0, 'f', 2);
            c.overheadMs = 0;
        }
    }

    const double holdLow = cpuLow / c.cpuSpeed + (c.ioShape ? c.ioShape->mean : (base.service.io ? base.service.io->calls * meanOf(base.service.io->rttMs) : 0));
    if (paired) {
        // Most requests at low load wait for no one: the median of (client − app) is the
        // delay outside the worker plus the server's own work around the app.
        std::vector<double> gap(low.latencyMs.size());
        for (size_t i = 0; i < gap.size(); ++i) gap[i] = low.latencyMs[i] - low.serverTimeMs[i];
        c.fixedDelayMs = std::max(0.0, stats::median(gap) - c.overheadMs / c.cpuSpeed);
        c.fixedDelaySource = QStringLiteral("median of client latency − app time at %1 requests/s, less the server's own CPU per request")
                                 .arg(low.rateRps, 0, 'f', 1);
    } else if (low.latency.p50 > 0 && low.latency.p99 > low.latency.mean && low.latency.mean > low.latency.p50) {
        const PercentileFit f = fitShiftedLognormal(low.latency.mean, low.latency.p50, low.latency.p99, 0.99, low.latency.p95, 0.95, where);
        c.fixedDelayMs = f.shiftMs;
        c.fixedDelaySource = QStringLiteral("the constant part of a shifted lognormal through the low-load mean, p50 and p99");
        if (!c.cpuShape) {
            ShapeFit s = f.shape;
            c.cpuShape = s;
        }
    } else {
        const double cv = c.cpuShape ? c.cpuShape->cv : base.service.cpuMs.cv;
        const double wait = lowLoadWaitMs(low.rateRps, holdLow, cv, workers);
        c.fixedDelayMs = std::max(0.0, low.latency.mean - holdLow - wait);
        c.fixedDelaySource = QStringLiteral("low-load mean latency − worker hold − modelled wait");
    }
    if (vcpu > 0 && c.demand && workers > vcpu && !c.ioShape)
        c.notes << QStringLiteral("%1 workers share %2 vCPU with no waiting off CPU: extra workers add no capacity, only "
                                  "sharing.").arg(workers).arg(vcpu);
    return c;
}

double ServiceCalibration::cpuMeanAt(double rateRps) const
{
    return demand ? demand->at(rateRps) : scenarioCpuMeanMs;
}

Scenario ServiceCalibration::apply(const Scenario& base, double rateRps) const
{
    Scenario s = base;
    s.traffic = Traffic{};
    s.traffic.kind = Traffic::Kind::Poisson;
    s.traffic.rateRps = rateRps;
    // On a CPU the server shares, its CPU work takes longer by 1 / cpuSpeed.
    const double cpuMean = cpuMeanAt(rateRps) / cpuSpeed;
    if (cpuShape) {
        // The server's own work is about the same for every request: it adds to the mean, not
        // to the spread, so the CV of the whole is the app's spread over the larger mean.
        const double sd = cpuShape->cv * (appCpuMeanMs > 0 ? appCpuMeanMs : cpuShape->mean) / cpuSpeed;
        s.service.cpuMs = fromShape(cpuShape->family, cpuMean, sd / cpuMean);
    } else {
        // Same shape, every value scaled (Distribution::scaled lives in the scenario library).
        const double factor = cpuMean / std::max(1e-12, meanOf(base.service.cpuMs));
        s.service.cpuMs.mean *= factor;
        for (double& v : s.service.cpuMs.values) v *= factor;
    }
    if (ioShape) s.service.io = IoSpec{1, fromShape(ioShape->family, ioShape->mean, ioShape->cv)};
    else if (cpuShape && cpuShape->samples > 0 && appCpuMeanMs > 0) s.service.io.reset();  // measured: no wait
    return s;
}

QJsonObject ServiceCalibration::toJson() const
{
    QJsonArray n;
    for (const QString& s : notes) n.append(s);
    return QJsonObject{{QStringLiteral("calibration_dataset"), calibrationDataset},
                       {QStringLiteral("calibration_rate_rps"), calibrationRateRps},
                       {QStringLiteral("demand"), demand ? QJsonValue(demand->toJson()) : QJsonValue()},
                       {QStringLiteral("scenario_cpu_mean_ms"), scenarioCpuMeanMs},
                       {QStringLiteral("cpu_shape"), cpuShape ? QJsonValue(cpuShape->toJson()) : QJsonValue()},
                       {QStringLiteral("app_cpu_mean_ms"), appCpuMeanMs},
                       {QStringLiteral("io_shape"), ioShape ? QJsonValue(ioShape->toJson()) : QJsonValue()},
                       {QStringLiteral("overhead_ms"), overheadMs},
                       {QStringLiteral("cpu_speed"), cpuSpeed},
                       {QStringLiteral("fixed_delay_ms"), fixedDelayMs},
                       {QStringLiteral("fixed_delay_source"), fixedDelaySource},
                       {QStringLiteral("calibration_other_cpu_pct"), calibrationOtherCpuPct},
                       {QStringLiteral("notes"), n}};
}

}  // namespace headroom::calibration
