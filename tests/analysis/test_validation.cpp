// Validation against measurements (DESIGN §5): calibrate from levels, predict each rate, put the
// prediction beside the measurement and name the likely cause of a large error. A formula
// (Pollaczek–Khinchine, M/G/1) stands in for the simulator so the expected answers are exact.
#include "analysis/distributions.h"
#include "analysis/validation.h"

#include <QJsonArray>
#include <gtest/gtest.h>
#include <cmath>
#include <random>

using namespace headroom;
using namespace headroom::validation;

namespace {

constexpr double kDelayMs = 2, kOverheadMs = 0.5, kIoMs = 3;

// Mean response of M/G/1 with the scenario's hold (CPU + I/O); percentiles as fixed multiples
// of the mean, the same rule on both sides so only the mean carries information.
Prediction pollaczekKhinchine(const Scenario& s)
{
    const double cpu = s.service.cpuMs.mean, cv = s.service.cpuMs.cv;
    const double io = s.service.io ? s.service.io->rttMs.mean : 0;
    const double ioCv = s.service.io ? s.service.io->rttMs.cv : 0;
    const double hold = cpu + io;
    const double second = cpu * cpu * (1 + cv * cv) + io * io * (1 + ioCv * ioCv) + 2 * cpu * io;
    const double lambda = s.traffic.rateRps / 1000;  // per ms
    const double rho = lambda * hold;
    Prediction p;
    p.mean = hold + lambda * second / (2 * (1 - rho));
    p.p50 = 0.8 * p.mean;
    p.p95 = 2.5 * p.mean;
    p.p99 = 4 * p.mean;
    return p;
}

// A load level as a real run would give it: per-request times at the calibration level, the
// CPU reading (app CPU + server overhead) at every level, and latency from the same formula.
std::vector<calibration::LevelEvidence> levels(double cpuMean, double cv, double highLevelFactor = 1)
{
    const auto l = stats::Lognormal::fromMeanCv(cpuMean, cv);
    std::mt19937_64 rng(11);
    std::lognormal_distribution<double> draw(l.mu, l.sigma);
    std::vector<calibration::LevelEvidence> out;
    const double demand = cpuMean + kOverheadMs;
    int id = 1;
    for (double rate : {10.0, 50.0, 70.0, 85.0}) {
        calibration::LevelEvidence e;
        e.datasetId = id++;
        e.rateRps = rate;
        e.requests = 10000;
        e.demandMs = demand;
        if (rate == 10) {
            double sum = 0;
            for (int i = 0; i < 20000; ++i) {
                const double c = draw(rng);
                sum += c;
                e.serverCpuMs.push_back(c);
                e.serverTimeMs.push_back(c + kIoMs);
                e.latencyMs.push_back(c + kIoMs + kOverheadMs + kDelayMs);
            }
            // The app's own CPU in this sample, so the reading and the per-request times agree.
            e.demandMs = sum / 20000 + kOverheadMs;
        }
        Scenario truth;
        truth.traffic.rateRps = rate;
        truth.service.cpuMs.kind = Distribution::Kind::Lognormal;
        truth.service.cpuMs.mean = demand;
        truth.service.cpuMs.cv = cv * cpuMean / demand;
        truth.service.io = IoSpec{1, Distribution::constant(kIoMs)};
        const Prediction p = pollaczekKhinchine(truth);
        const double factor = rate == 85 ? highLevelFactor : 1;
        e.latency = {(p.mean + kDelayMs) * factor, (p.p50 + kDelayMs) * factor, (p.p95 + kDelayMs) * factor,
                     (p.p99 + kDelayMs) * factor};
        out.push_back(e);
    }
    return out;
}

Scenario base()
{
    Scenario s;
    s.service.cpuMs = Distribution::exponential(10);
    return s;
}

}  // namespace

TEST(Validation, CalibratedModelPredictsEveryLevelWhenTheModelHolds)
{
    const ValidationResult r = validate(base(), levels(6, 0.8), 1, 1, pollaczekKhinchine);
    ASSERT_EQ(r.levels.size(), 4u);
    EXPECT_TRUE(r.levels[0].calibrationLevel);
    EXPECT_NEAR(r.calibration.fixedDelayMs, kDelayMs, 1e-3);  // the demand curve smooths the levels
    EXPECT_NEAR(r.calibration.overheadMs, kOverheadMs, 1e-3);
    for (const LevelComparison& l : r.levels) {
        // Small differences only: the I/O wait is fitted as a distribution with a little spread.
        EXPECT_LT(std::abs(l.errorMeanPct), 2) << l.measured.rateRps;
        EXPECT_TRUE(l.cause.isEmpty()) << l.cause.toStdString();
    }
    EXPECT_LT(r.worstMeanPct, 2);
    EXPECT_NEAR(r.levels.back().utilization, 85 * (6.5 + 3) / 1000, 0.01);
    EXPECT_TRUE(r.verdict.contains(QStringLiteral("good enough"))) << r.verdict.toStdString();
}

TEST(Validation, ErrorGrowingWithLoadIsBlamedOnCapacity)
{
    // The real server was 40 % slower than the model at the top rate only.
    const ValidationResult r = validate(base(), levels(6, 0.8, 1.4), 1, 1, pollaczekKhinchine);
    const LevelComparison& top = r.levels.back();
    EXPECT_NEAR(top.errorMeanPct, 100 * (1 / 1.4 - 1), 2);
    EXPECT_TRUE(top.cause.contains(QStringLiteral("capacity"))) << top.cause.toStdString();
    EXPECT_TRUE(top.cause.contains(QStringLiteral("later"))) << top.cause.toStdString();
    EXPECT_TRUE(r.levels[1].cause.isEmpty());
    EXPECT_TRUE(r.verdict.contains(QStringLiteral("not yet trustworthy")));
}

TEST(Validation, LowLoadShiftIsBlamedOnTheFixedDelay)
{
    auto ls = levels(6, 0.8);
    for (auto& l : ls)
        if (l.rateRps == 50) {  // 5 ms more at every percentile of a low-load level
            l.latency.mean += 5;
            l.latency.p50 += 5;
            l.latency.p95 += 5;
            l.latency.p99 += 5;
        }
    const ValidationResult r = validate(base(), ls, 1, 1, pollaczekKhinchine);
    ASSERT_LT(r.levels[1].utilization, 0.5);
    ASSERT_GT(r.levels[1].utilization, 0.3);
    // 50/s is 47 % busy: above the low-load band, so the constant shift shows as a tail
    // difference; the calibration level itself stays clean.
    EXPECT_TRUE(r.levels[0].cause.isEmpty());
    EXPECT_FALSE(r.levels[1].cause.isEmpty());
}

TEST(Validation, JsonCarriesBothSidesAndTheErrors)
{
    const ValidationResult r = validate(base(), levels(6, 0.8, 1.4), 1, 1, pollaczekKhinchine);
    const QJsonObject o = r.toJson();
    const QJsonArray ls = o.value(QStringLiteral("levels")).toArray();
    ASSERT_EQ(ls.size(), 4);
    const QJsonObject top = ls.last().toObject();
    const double m = top[QStringLiteral("measured")].toObject()[QStringLiteral("p95")].toDouble();
    const double p = top[QStringLiteral("predicted")].toObject()[QStringLiteral("p95")].toDouble();
    EXPECT_NEAR(top[QStringLiteral("error_pct")].toObject()[QStringLiteral("p95")].toDouble(), 100 * (p - m) / m, 1e-9);
    EXPECT_TRUE(top[QStringLiteral("cause")].isString());
    EXPECT_EQ(o[QStringLiteral("calibration")].toObject()[QStringLiteral("demand")].toObject()[QStringLiteral("points")].toArray().size(), 4);
    EXPECT_GT(o[QStringLiteral("worst_error_pct")].toObject()[QStringLiteral("mean")].toDouble(), 25);
    EXPECT_TRUE(r.table().contains(QStringLiteral("1*")));
}

TEST(Validation, ASharedCpuIsNamedBeforeAnyInput)
{
    auto ls = levels(6, 0.8, 1.4);
    ls.back().otherCpuPct = 60;  // a build ran on the server's CPU during the top level
    const ValidationResult r = validate(base(), ls, 1, 1, pollaczekKhinchine);
    EXPECT_TRUE(r.levels.back().cause.startsWith(QStringLiteral("shared CPU: other processes took 60 %"))) << r.levels.back().cause.toStdString();
    EXPECT_TRUE(r.levels[1].cause.isEmpty());  // small errors need no cause, shared CPU or not
    EXPECT_EQ(r.toJson()[QStringLiteral("levels")].toArray().last().toObject()[QStringLiteral("measured")].toObject()[QStringLiteral("other_cpu_pct")].toDouble(), 60);
}
