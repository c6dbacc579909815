#include "analysis/lead_time.h"
#include "analysis/lead_time_total.h"
#include "catalog/catalog.h"
#include "support/fixtures.h"

#include <QDateTime>
#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>

using namespace headroom;

namespace {

double epoch(const QString& iso) { return double(QDateTime::fromString(iso, Qt::ISODate).toSecsSinceEpoch()); }

// Spare Cores inspector timings: provisioning = api_end − api_start and
// boot = user_data_start − machine_start (SOURCE.txt), for rows where all stages exist.
std::vector<leadtime::Observation> sparecoresObservations(const QString& path, const QString& vendor)
{
    std::vector<leadtime::Observation> out;
    const QList<QByteArray> lines = test::readFile(path).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = QString::fromUtf8(lines[i]).trimmed().split(QLatin1Char(','));
        if (f.size() < 10 || f[0] != vendor) continue;
        if (f[3].isEmpty() || f[4].isEmpty() || f[5].isEmpty() || f[7].isEmpty()) continue;
        out.push_back({QStringLiteral("provisioning"), epoch(f[4]) - epoch(f[3]), f[1], epoch(f[3]), {}, {}, {}, vendor});
        out.push_back({QStringLiteral("boot"), epoch(f[5]) - epoch(f[7]), f[1], epoch(f[7]), {}, {}, {}, vendor});
    }
    return out;
}

double type7(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const double h = p * double(v.size() - 1);
    const size_t i = size_t(std::floor(h));
    return v[i] + (h - double(i)) * (v[std::min(i + 1, v.size() - 1)] - v[i]);
}

}  // namespace

TEST(LeadTime, SparecoresVultrProvisioningAndBootPercentiles)
{
    HEADROOM_FIXTURE(path, "k8s_events/sparecores_inspector_boot_timing_SUBSET.csv");
    const auto obs = sparecoresObservations(path, QStringLiteral("vultr"));
    ASSERT_GT(obs.size(), 20u);
    std::vector<double> prov, boot;
    for (const auto& o : obs) (o.phase == QStringLiteral("boot") ? boot : prov).push_back(o.durationS);
    const auto report = leadtime::analyze(obs);
    const auto* p = report.phase(QStringLiteral("provisioning"));
    const auto* b = report.phase(QStringLiteral("boot"));
    ASSERT_TRUE(p && b);
    EXPECT_TRUE(p->fromData);
    EXPECT_EQ(p->count, int(prov.size()));
    EXPECT_DOUBLE_EQ(p->p50, type7(prov, 0.5));
    EXPECT_DOUBLE_EQ(p->p90, type7(prov, 0.9));
    EXPECT_DOUBLE_EQ(b->p95, type7(boot, 0.95));
    EXPECT_DOUBLE_EQ(b->max, *std::max_element(boot.begin(), boot.end()));
    // The lognormal fit is the mean and (n-divided) spread of the logs of the positive values.
    std::vector<double> logs;
    for (double v : prov)
        if (v > 0) logs.push_back(std::log(v));
    double mu = 0;
    for (double x : logs) mu += x / double(logs.size());
    EXPECT_NEAR(p->fit.mu, mu, 1e-12);
    EXPECT_TRUE(report.phasesWithoutData.contains(QStringLiteral("image_pull")));

    // The total of two independent phases: its mean is the sum of the phase means.
    const auto total = leadtime::simulateTotal(report, {40000, 7, {}});
    EXPECT_EQ(total.phases, QStringList({QStringLiteral("provisioning"), QStringLiteral("boot")}));
    EXPECT_NEAR(total.mean, p->mean + b->mean, 0.03 * (p->mean + b->mean));
    // Deterministic for a seed.
    EXPECT_EQ(leadtime::simulateTotal(report, {1000, 7, {}}).p95, leadtime::simulateTotal(report, {1000, 7, {}}).p95);
    // Boot twice as slow moves the total up by about the boot mean.
    leadtime::TotalOptions slower{40000, 7, {}};
    slower.whatIf.bootScale = 2;
    EXPECT_NEAR(leadtime::simulateTotal(report, slower).mean, 2 * (p->mean + b->mean), 0.03 * 2 * (p->mean + b->mean));
}

TEST(LeadTime, CatalogDefaultStandsInForMissingBootData)
{
    const auto boots = Catalog::shipped().bootTimesOf(QStringLiteral("aws"));
    ASSERT_TRUE(boots.has_value());
    const auto report = leadtime::analyze({}, boots);
    const auto* b = report.phase(QStringLiteral("boot"));
    ASSERT_TRUE(b);
    EXPECT_FALSE(b->fromData);
    EXPECT_TRUE(b->source.startsWith(QStringLiteral("catalog: ")));
    EXPECT_DOUBLE_EQ(b->p50, boots->userDataStartP50);
    // The lognormal passes through the stated median and 95th percentile.
    EXPECT_NEAR(b->fit.quantile(0.5), boots->userDataStartP50, 1e-9);
    EXPECT_NEAR(b->fit.quantile(0.95), boots->userDataStartP95, 1e-9);
    EXPECT_FALSE(report.phasesWithoutData.contains(QStringLiteral("provisioning")));
    EXPECT_TRUE(report.phasesWithoutData.contains(QStringLiteral("readiness")));
}

TEST(LeadTime, PullTimeVersusImageSizeAndCachedPullsApart)
{
    // Cold pulls following t = 2 s + bytes / 50 MB/s exactly; cached pulls near 0.3 s.
    std::vector<leadtime::Observation> obs;
    for (double mb : {100.0, 300.0, 800.0, 1500.0}) {
        leadtime::Observation o{QStringLiteral("image_pull"), 2 + mb * 1e6 / 50e6, QStringLiteral("n"), 0, mb * 1e6, false, {}, {}};
        obs.push_back(o);
    }
    for (double s : {0.25, 0.3, 0.35}) obs.push_back({QStringLiteral("image_pull"), s, QStringLiteral("n"), 0, 5e8, true, {}, {}});
    const auto report = leadtime::analyze(obs);
    ASSERT_TRUE(report.pullModel.valid);
    EXPECT_EQ(report.pullModel.points, 4);  // cached pulls say nothing about bandwidth
    EXPECT_NEAR(report.pullModel.bytesPerS, 50e6, 1e-3);
    EXPECT_NEAR(report.pullModel.overheadS, 2, 1e-9);
    EXPECT_NEAR(report.pullModel.rSquared, 1, 1e-12);
    ASSERT_TRUE(report.pullCached && report.pullCold);
    EXPECT_EQ(report.pullCached->count, 3);
    EXPECT_NEAR(report.pullCached->p50, 0.3, 1e-12);
    EXPECT_EQ(report.pullCold->count, 4);

    // What-if: a 2 GB image takes 2 + 40 s to pull; with only three cached pulls the cached
    // case draws from their lognormal fit, whose median is their geometric mean.
    leadtime::TotalOptions big{2000, 3, {}};
    big.whatIf.imageBytes = 2e9;
    EXPECT_NEAR(leadtime::simulateTotal(report, big).p50, 42, 1e-9);
    leadtime::TotalOptions cached{2000, 3, {}};
    cached.whatIf.cachedImage = true;
    const auto c = leadtime::simulateTotal(report, cached);
    EXPECT_NEAR(c.p50, std::cbrt(0.25 * 0.3 * 0.35), 0.01);
    EXPECT_EQ(c.phases, QStringList{QStringLiteral("image_pull")});
}

TEST(LeadTime, UnknownPhasesAndNegativeDurationsAreIgnored)
{
    std::vector<leadtime::Observation> obs = {{QStringLiteral("teleport"), 3, {}, 0, {}, {}, {}, {}},
                                              {QStringLiteral("boot"), -1, {}, 0, {}, {}, {}, {}},
                                              {QStringLiteral("boot"), 30, {}, 0, {}, {}, {}, {}}};
    const auto report = leadtime::analyze(obs);
    EXPECT_EQ(report.unknownPhases, QStringList{QStringLiteral("teleport")});
    ASSERT_TRUE(report.phase(QStringLiteral("boot")));
    EXPECT_EQ(report.phase(QStringLiteral("boot"))->count, 1);
    EXPECT_TRUE(report.phase(QStringLiteral("boot"))->weakEvidence);
}
