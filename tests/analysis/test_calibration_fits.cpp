// Calibration from load levels: the demand curve over rate, the service-time shape and the
// fixed delay (DESIGN §5).
#include "analysis/calibration_demand.h"
#include "analysis/calibration_service.h"
#include "analysis/calibration_shape.h"
#include "analysis/distributions.h"
#include "core/errors.h"

#include <gtest/gtest.h>
#include <cmath>
#include <random>

using namespace headroom;
using namespace headroom::calibration;

namespace {

std::vector<double> lognormalSample(double mean, double cv, int n, unsigned seed)
{
    const auto l = stats::Lognormal::fromMeanCv(mean, cv);
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> d(l.mu, l.sigma);
    std::vector<double> v(static_cast<size_t>(n));
    for (double& x : v) x = d(rng);
    return v;
}

}  // namespace

TEST(CalibrationShape, IncompleteGammaMatchesClosedForms)
{
    for (double x : {0.01, 0.5, 1.0, 3.0, 20.0}) {
        EXPECT_NEAR(regularizedLowerGamma(1, x), 1 - std::exp(-x), 1e-12) << x;        // exponential
        EXPECT_NEAR(regularizedLowerGamma(0.5, x), std::erf(std::sqrt(x)), 1e-12) << x;  // chi-square, 1 dof
    }
    EXPECT_NEAR(gammaCdf(6, 6, 1), 1 - std::exp(-1.0), 1e-12);
    EXPECT_NEAR(lognormalCdf(stats::Lognormal::fromMeanCv(6, 0.8).quantile(0.9), 6, 0.8), 0.9, 1e-9);
}

TEST(CalibrationShape, LognormalTimesAreRecognisedAsLognormal)
{
    const ShapeFit s = fitShape(lognormalSample(6, 0.8, 4000, 1), QStringLiteral("test"), QStringLiteral("t"));
    EXPECT_EQ(s.family, QStringLiteral("lognormal"));
    EXPECT_NEAR(s.mean, 6, 0.25);
    EXPECT_NEAR(s.cv, 0.8, 0.08);
    EXPECT_LT(s.ksLognormal, s.ksCritical);
    EXPECT_GT(s.ksGamma, s.ksLognormal);
    EXPECT_TRUE(s.goodness.contains(QStringLiteral("not rejected"))) << s.goodness.toStdString();
}

TEST(CalibrationShape, GammaTimesAreRecognisedAsGamma)
{
    std::mt19937_64 rng(2);
    std::gamma_distribution<double> g(1 / 0.36, 6 * 0.36);  // mean 6, cv 0.6
    std::vector<double> v(4000);
    for (double& x : v) x = g(rng);
    const ShapeFit s = fitShape(v, QStringLiteral("test"), QStringLiteral("t"));
    EXPECT_EQ(s.family, QStringLiteral("gamma"));
    EXPECT_NEAR(s.cv, 0.6, 0.05);
    EXPECT_LT(s.ksGamma, s.ksCritical);
}

TEST(CalibrationShape, TooFewTimesIsAnInputErrorNamingTheDataset)
{
    try {
        fitShape({1, 2, 3}, QStringLiteral("test"), QStringLiteral("dataset 4"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("dataset 4"));
    }
}

TEST(CalibrationShape, ShiftedLognormalRecoversDelayAndShapeFromPercentiles)
{
    // Latency = 3 ms constant + lognormal(mean 6, CV 0.8): its exact mean, median, p95 and p99.
    const auto l = stats::Lognormal::fromMeanCv(6, 0.8);
    const PercentileFit f = fitShiftedLognormal(3 + 6, 3 + l.quantile(0.5), 3 + l.quantile(0.99), 0.99,
                                                3 + l.quantile(0.95), 0.95, QStringLiteral("t"));
    EXPECT_NEAR(f.shiftMs, 3, 1e-6);
    EXPECT_NEAR(f.shape.mean, 6, 1e-6);
    EXPECT_NEAR(f.shape.cv, 0.8, 1e-6);
    EXPECT_TRUE(f.shape.goodness.contains(QStringLiteral("(0.0 %)"))) << f.shape.goodness.toStdString();
}

TEST(CalibrationDemand, LinearDemandIsFittedAndHeldNearTheMeasuredRange)
{
    // 6.9 ms at 20/s falling 0.006 ms per request/s: the shape the first try showed.
    std::vector<DemandPoint> pts;
    for (double r : {20.0, 60.0, 90.0, 120.0}) pts.push_back({r, 7.02 - 0.006 * r});
    const DemandCurve c = fitDemandCurve(pts, QStringLiteral("t"));
    EXPECT_EQ(c.kind, DemandCurve::Kind::Linear);
    EXPECT_NEAR(c.a, 7.02, 1e-9);
    EXPECT_NEAR(c.b, -0.006, 1e-12);
    EXPECT_NEAR(c.at(100), 6.42, 1e-9);  // a rate nobody measured, inside the range
    // Beyond the range: no further than half the measured change (0.6 ms) past the end.
    EXPECT_NEAR(c.at(1000), 7.02 - 0.72 - 0.3, 1e-9);
    EXPECT_NEAR(c.at(0), 7.02 - 0.12 + 0.12, 1e-9);  // the line itself is within half a step here
}

TEST(CalibrationDemand, PowerLawWinsWhenTheDataBend)
{
    std::vector<DemandPoint> pts;
    for (double r : {10.0, 40.0, 90.0, 160.0}) pts.push_back({r, 12 * std::pow(r, -0.2)});
    const DemandCurve c = fitDemandCurve(pts, QStringLiteral("t"));
    EXPECT_EQ(c.kind, DemandCurve::Kind::Power);
    EXPECT_NEAR(c.b, -0.2, 1e-9);
    EXPECT_LT(c.powerRmseMs, c.linearRmseMs);
}

TEST(CalibrationDemand, OneLevelIsConstantAndNoLevelIsAnError)
{
    EXPECT_EQ(fitDemandCurve({{50, 6}}, QStringLiteral("t")).at(500), 6);
    EXPECT_THROW(fitDemandCurve({{0, 6}}, QStringLiteral("t")), InputError);
}

TEST(CalibrationService, SplitsWorkerHoldDelayAndServerOverhead)
{
    // Per request at low load: the app burns lognormal CPU (6 ms) and waits 4 ms on a database;
    // gunicorn adds 0.5 ms of CPU around the app; the client pays 2 ms that hold no worker.
    LevelEvidence low;
    low.datasetId = 1;
    low.rateRps = 10;
    const auto cpu = lognormalSample(6, 0.8, 3000, 3);
    for (double c : cpu) {
        low.serverCpuMs.push_back(c);
        low.serverTimeMs.push_back(c + 4);
        low.latencyMs.push_back(c + 4 + 0.5 + 2);
    }
    const double appCpu = stats::Lognormal::fit(cpu).mean();
    low.demandMs = 0;
    double sum = 0;
    for (double c : cpu) sum += c;
    low.demandMs = sum / double(cpu.size()) + 0.5;
    LevelEvidence high = low;
    high.datasetId = 2;
    high.rateRps = 60;
    high.demandMs = *low.demandMs - 0.3;  // warmer caches at load
    Scenario base;
    base.service.cpuMs = Distribution::exponential(10);

    const ServiceCalibration c = calibrate({low, high}, base, 1, 1);
    EXPECT_EQ(c.calibrationDataset, 1);
    ASSERT_TRUE(c.demand.has_value());
    EXPECT_EQ(c.demand->kind, DemandCurve::Kind::Linear);
    EXPECT_NEAR(c.overheadMs, 0.5, 1e-9);
    EXPECT_NEAR(c.fixedDelayMs, 2, 1e-9);
    ASSERT_TRUE(c.ioShape.has_value());
    EXPECT_NEAR(c.ioShape->mean, 4, 1e-9);
    ASSERT_TRUE(c.cpuShape.has_value());
    EXPECT_EQ(c.cpuShape->family, QStringLiteral("lognormal"));
    EXPECT_NEAR(appCpu, c.appCpuMeanMs, 0.3);

    const Scenario at60 = c.apply(base, 60);
    EXPECT_EQ(at60.traffic.rateRps, 60);
    EXPECT_NEAR(at60.service.cpuMs.mean, *high.demandMs, 1e-9);
    EXPECT_EQ(at60.service.cpuMs.kind, Distribution::Kind::Lognormal);
    // The overhead adds to the mean, not the spread.
    EXPECT_NEAR(at60.service.cpuMs.cv * at60.service.cpuMs.mean, c.cpuShape->cv * c.appCpuMeanMs, 1e-9);
    ASSERT_TRUE(at60.service.io.has_value());
    EXPECT_EQ(at60.service.io->calls, 1);
    EXPECT_NEAR(at60.service.io->rttMs.mean, 4, 1e-9);
}

TEST(CalibrationService, WithoutCpuReadingTheScenarioDemandIsKeptAndSaid)
{
    LevelEvidence low;
    low.datasetId = 3;
    low.rateRps = 5;
    low.latency = {9, 8, 15, 20};
    Scenario base;
    base.service.cpuMs = Distribution::exponential(7);
    const ServiceCalibration c = calibrate({low}, base, 1, 1);
    EXPECT_FALSE(c.demand.has_value());
    EXPECT_EQ(c.cpuMeanAt(100), 7);
    ASSERT_FALSE(c.notes.isEmpty());
    EXPECT_TRUE(c.notes.front().contains(QStringLiteral("No CPU reading")));
    EXPECT_EQ(c.apply(base, 100).service.cpuMs.kind, Distribution::Kind::Lognormal);  // shape from the percentiles
}

TEST(CalibrationService, WaitingForASharedCpuSlowsCpuWorkInsteadOfHoldingLikeACall)
{
    // The app reports 6 ms of CPU and 4 ms in a database call per request, yet its wall time is
    // 16 ms: 6 ms more were spent waiting for a CPU that other processes held (speed 0.5).
    LevelEvidence low;
    low.datasetId = 1;
    low.rateRps = 10;
    const auto cpu = lognormalSample(6, 0.5, 2000, 5);
    double sum = 0;
    for (double c : cpu) {
        sum += c;
        low.serverCpuMs.push_back(c);
        low.serverIoMs.push_back(4);
        low.serverTimeMs.push_back(2 * c + 4);
        low.latencyMs.push_back(2 * c + 4 + 3);
    }
    low.demandMs = sum / double(cpu.size());
    Scenario base;
    base.service.cpuMs = Distribution::exponential(6);
    const ServiceCalibration c = calibrate({low}, base, 1, 1);
    EXPECT_NEAR(c.cpuSpeed, 0.5, 1e-9);
    ASSERT_TRUE(c.ioShape.has_value());
    EXPECT_NEAR(c.ioShape->mean, 4, 1e-9);  // the call, not the wait for the CPU
    EXPECT_NEAR(c.fixedDelayMs, 3, 1e-9);
    const Scenario s = c.apply(base, 10);
    EXPECT_NEAR(s.service.cpuMs.mean, 2 * *low.demandMs, 1e-9);  // CPU work at half speed
    EXPECT_TRUE(c.notes.join(QLatin1Char(' ')).contains(QStringLiteral("2.00× slower")));
}

TEST(CalibrationService, WaitingForSiblingWorkersIsSharingNotASlowerCpu)
{
    // Two workers on one vCPU (as measured with gunicorn): each request waits about 18 % of its
    // CPU time while the other worker runs. The model shares the vCPU between the workers itself;
    // counting that wait as a slower CPU too charged the sharing twice and put a level that was
    // 69 % busy at 81 %, predicting +76 % mean latency. Only other processes slow the CPU.
    LevelEvidence low;
    low.datasetId = 1;
    low.rateRps = 25;
    const auto cpu = lognormalSample(6, 0.8, 2000, 9);
    double sum = 0;
    for (double c : cpu) {
        sum += c;
        low.serverCpuMs.push_back(c);
        low.serverIoMs.push_back(0);
        low.serverTimeMs.push_back(1.18 * c);
        low.latencyMs.push_back(1.18 * c + 1.5);
    }
    low.demandMs = sum / double(cpu.size());
    Scenario base;
    base.service.cpuMs = Distribution::exponential(6);

    low.otherCpuMeasured = true;
    low.otherCpuPct = 0.4;
    const ServiceCalibration quiet = calibrate({low}, base, 2, 1);
    EXPECT_EQ(quiet.cpuSpeed, 1);
    EXPECT_NEAR(quiet.apply(base, 25).service.cpuMs.mean, *low.demandMs, 1e-9);
    EXPECT_TRUE(quiet.notes.join(QLatin1Char(' ')).contains(QStringLiteral("sibling workers")));

    low.otherCpuPct = 30;
    const ServiceCalibration shared = calibrate({low}, base, 2, 1);
    EXPECT_NEAR(shared.cpuSpeed, 0.7, 1e-9);  // what the others took, not the siblings' share

    low.otherCpuMeasured = false;
    low.otherCpuPct = 0;
    const ServiceCalibration unknown = calibrate({low}, base, 2, 1);
    EXPECT_EQ(unknown.cpuSpeed, 1);
    EXPECT_TRUE(unknown.notes.join(QLatin1Char(' ')).contains(QStringLiteral("no reading of other processes")));

    // One worker per vCPU: the same waits can only be other processes.
    EXPECT_NEAR(calibrate({low}, base, 1, 1).cpuSpeed, 1 / 1.18, 1e-9);
}
