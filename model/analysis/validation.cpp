#include "validation.h"

#include "core/errors.h"
#include "validation_causes.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace headroom::validation {

namespace {

double errorPct(double predicted, double measured)
{
    return measured > 0 && std::isfinite(measured) && std::isfinite(predicted) ? 100 * (predicted - measured) / measured : NAN;
}

QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

double holdMeanMs(const Scenario& s)
{
    double io = 0;
    if (s.service.io) io = s.service.io->calls * s.service.io->rttMs.mean;
    return s.service.cpuMs.mean + io;
}

}  // namespace

Scenario withRunLength(Scenario s, double rateRps, double requests)
{
    const double duration = std::clamp(requests / std::max(rateRps, 1e-9), 120.0, 36000.0);
    s.durationS = std::round(duration);
    s.warmupS = std::round(duration / 10);
    s.intervalS = std::max(1.0, std::round(duration / 20));
    return s;
}

ValidationResult validate(const Scenario& base, const std::vector<calibration::LevelEvidence>& levels, int vcpu,
                          int workers, const Predictor& predict)
{
    if (levels.empty()) throw InputError(QStringLiteral("validate"), QStringLiteral("expected at least one load-test dataset"));
    ValidationResult r;
    r.calibration = calibration::calibrate(levels, base, workers, vcpu);
    r.calibratedScenario = r.calibration.apply(base, r.calibration.calibrationRateRps);
    for (const calibration::LevelEvidence& m : levels) {
        LevelComparison l;
        l.measured = m;
        l.measured.latencyMs.clear();
        l.measured.serverTimeMs.clear();
        l.measured.serverCpuMs.clear();
        l.calibrationLevel = m.datasetId == r.calibration.calibrationDataset;
        const Scenario s = withRunLength(r.calibration.apply(base, m.rateRps), m.rateRps);
        l.demandUsedMs = r.calibration.cpuMeanAt(m.rateRps);  // CPU seconds, comparable with the reading
        l.predicted = predict(s);
        // The fixed delay holds no worker: it shifts every percentile by the same amount.
        const double f = r.calibration.fixedDelayMs;
        l.predicted.mean += f;
        l.predicted.p50 += f;
        l.predicted.p95 += f;
        l.predicted.p99 += f;
        // Busy share of the CPU the server gets: its CPU work as slowed by a shared CPU.
        const double cpu = m.rateRps * s.service.cpuMs.mean / 1000 / std::max(1, vcpu);
        const double worker = m.rateRps * holdMeanMs(s) / 1000 / std::max(1, workers);
        l.utilization = std::max(cpu, worker);
        l.errorMeanPct = errorPct(l.predicted.mean, m.latency.mean);
        l.errorP95Pct = errorPct(l.predicted.p95, m.latency.p95);
        l.errorP99Pct = errorPct(l.predicted.p99, m.latency.p99);
        r.levels.push_back(std::move(l));
    }
    for (size_t i = 0; i < r.levels.size(); ++i) {
        LevelComparison& l = r.levels[i];
        l.cause = likelyCause(r, i);
        if (l.utilization <= r.upToUtilization) {
            if (std::isfinite(l.errorMeanPct)) r.worstMeanPct = std::max(r.worstMeanPct, std::abs(l.errorMeanPct));
            if (std::isfinite(l.errorP95Pct)) r.worstP95Pct = std::max(r.worstP95Pct, std::abs(l.errorP95Pct));
        }
    }
    const double worst = std::max(r.worstMeanPct, r.worstP95Pct);
    r.verdict = QStringLiteral("Up to %1 % utilisation the model predicted mean latency within %2 % and p95 within %3 % "
                               "of what was measured at %4 load level(s)%5.")
                    .arg(r.upToUtilization * 100, 0, 'f', 0).arg(r.worstMeanPct, 0, 'f', 1).arg(r.worstP95Pct, 0, 'f', 1)
                    .arg(r.levels.size())
                    .arg(worst <= 10   ? QStringLiteral(": good enough to plan with")
                         : worst <= 20 ? QStringLiteral(": usable, with that margin")
                                       : QStringLiteral(": not yet trustworthy; see the likely causes"));
    return r;
}

QJsonObject ValidationResult::toJson() const
{
    QJsonArray ls;
    for (const LevelComparison& l : levels) {
        const auto& m = l.measured;
        const auto& p = l.predicted;
        ls.append(QJsonObject{
            {QStringLiteral("dataset"), m.datasetId},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("rate_rps"), m.rateRps},
            {QStringLiteral("utilization"), l.utilization},
            {QStringLiteral("calibration_level"), l.calibrationLevel},
            {QStringLiteral("demand_ms"), QJsonObject{{QStringLiteral("used"), l.demandUsedMs},
                                                      {QStringLiteral("measured"), m.demandMs ? QJsonValue(*m.demandMs) : QJsonValue()}}},
            {QStringLiteral("measured"), QJsonObject{{QStringLiteral("mean"), num(m.latency.mean)},
                                                     {QStringLiteral("p50"), num(m.latency.p50)},
                                                     {QStringLiteral("p95"), num(m.latency.p95)},
                                                     {QStringLiteral("p99"), num(m.latency.p99)},
                                                     {QStringLiteral("requests"), m.requests},
                                                     {QStringLiteral("per_request"), m.perRequest},
                                                     {QStringLiteral("cpu_util_pct"), m.cpuUtilPct},
                                                     {QStringLiteral("other_cpu_pct"), m.otherCpuPct}}},
            {QStringLiteral("predicted"), QJsonObject{{QStringLiteral("mean"), p.mean},
                                                      {QStringLiteral("p50"), p.p50},
                                                      {QStringLiteral("p95"), p.p95},
                                                      {QStringLiteral("p99"), p.p99},
                                                      {QStringLiteral("mean_ci95_half_width"), p.meanHalfWidthMs},
                                                      {QStringLiteral("cpu_utilization"), p.cpuUtilization},
                                                      {QStringLiteral("worker_utilization"), p.workerUtilization},
                                                      {QStringLiteral("error_rate"), p.errorRate}}},
            {QStringLiteral("error_pct"), QJsonObject{{QStringLiteral("mean"), num(l.errorMeanPct)},
                                                      {QStringLiteral("p95"), num(l.errorP95Pct)},
                                                      {QStringLiteral("p99"), num(l.errorP99Pct)}}},
            {QStringLiteral("cause"), l.cause.isEmpty() ? QJsonValue() : QJsonValue(l.cause)}});
    }
    return QJsonObject{{QStringLiteral("calibration"), calibration.toJson()},
                       {QStringLiteral("levels"), ls},
                       {QStringLiteral("worst_error_pct"), QJsonObject{{QStringLiteral("mean"), worstMeanPct},
                                                                       {QStringLiteral("p95"), worstP95Pct},
                                                                       {QStringLiteral("up_to_utilization"), upToUtilization}}},
                       {QStringLiteral("verdict"), verdict}};
}

QString ValidationResult::table() const
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                      .arg(QStringLiteral("dataset"), -8).arg(QStringLiteral("rate/s"), 8).arg(QStringLiteral("busy"), 6)
                      .arg(QStringLiteral("D ms"), 6)
                      .arg(QStringLiteral("mean meas→pred"), 20).arg(QStringLiteral("err"), 7)
                      .arg(QStringLiteral("p95 meas→pred"), 20).arg(QStringLiteral("err"), 7)
                      .arg(QStringLiteral("p99 meas→pred"), 20).arg(QStringLiteral("err"), 7);
    auto pair = [](double m, double p) { return QStringLiteral("%1 → %2").arg(m, 0, 'f', 1).arg(p, 0, 'f', 1); };
    auto pct = [](double e) { return std::isfinite(e) ? QStringLiteral("%1%2 %").arg(e > 0 ? QStringLiteral("+") : QString()).arg(e, 0, 'f', 1) : QStringLiteral("–"); };
    for (const LevelComparison& l : levels) {
        const auto& m = l.measured.latency;
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                   .arg(QString::number(l.measured.datasetId) + (l.calibrationLevel ? QStringLiteral("*") : QString()), -8)
                   .arg(l.measured.rateRps, 8, 'f', 1).arg(QStringLiteral("%1%").arg(l.utilization * 100, 0, 'f', 0), 6)
                   .arg(l.demandUsedMs, 6, 'f', 2)
                   .arg(pair(m.mean, l.predicted.mean), 20).arg(pct(l.errorMeanPct), 7)
                   .arg(pair(m.p95, l.predicted.p95), 20).arg(pct(l.errorP95Pct), 7)
                   .arg(pair(m.p99, l.predicted.p99), 20).arg(pct(l.errorP99Pct), 7);
    }
    out += QStringLiteral("(* calibration level; latency in ms, client side; busy = the busier of CPU and workers)\n");
    return out;
}

}  // namespace headroom::validation
