#include "scenario_samples.h"

#include "core/errors.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_writer.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace headroom;

TEST(ScenarioParser, ReadsEverySectionOfTheFullDocument)
{
    const Scenario s = parseScenario(test::fullScenarioJson(), QStringLiteral("full.json"));
    EXPECT_EQ(s.name, QStringLiteral("Checkout API, Black Friday peak"));
    EXPECT_EQ(s.durationS, 7200);
    EXPECT_EQ(s.warmupS, 300);
    EXPECT_EQ(s.seed, 42u);
    EXPECT_EQ(s.replications, 10);
    ASSERT_EQ(s.traffic.kind, Traffic::Kind::Profile);
    ASSERT_EQ(s.traffic.points.size(), 4u);
    EXPECT_EQ(s.traffic.points[2], std::make_pair(5400.0, 2400.0));
    EXPECT_EQ(s.traffic.scale, 1.5);
    EXPECT_EQ(s.service.cpuMs.kind, Distribution::Kind::Lognormal);
    EXPECT_EQ(s.service.cpuMs.cv, 0.8);
    ASSERT_TRUE(s.service.io);
    EXPECT_EQ(s.service.io->calls, 3);
    EXPECT_EQ(s.service.io->rttMs.kind, Distribution::Kind::Gamma);
    ASSERT_TRUE(s.service.disk);
    EXPECT_EQ(s.service.disk->latencyMs.values, (std::vector<double>{0.2, 0.4, 1.5}));
    EXPECT_NEAR(s.service.disk->latencyMs.expectedValue(), 0.7, 1e-12);
    EXPECT_EQ(s.cluster.instanceTypeKey, QStringLiteral("aws/c6i.large"));
    EXPECT_EQ(s.cluster.balancer, Balancer::LeastConnections);
    ASSERT_TRUE(s.cluster.queueLimit);
    EXPECT_EQ(*s.cluster.queueLimit, 200);
    ASSERT_TRUE(s.cluster.noisyNeighbour);
    EXPECT_EQ(s.cluster.noisyNeighbour->slowdown, 0.6);
    ASSERT_TRUE(s.autoscaling);
    EXPECT_EQ(s.autoscaling->policy, Autoscaling::Policy::TargetTracking);
    EXPECT_EQ(s.autoscaling->max, 40);
    EXPECT_EQ(s.autoscaling->leadTime.imageBytes, 9e8);
    EXPECT_EQ(s.autoscaling->leadTime.startS.mean, 8);
    ASSERT_TRUE(s.healthCheck);
    EXPECT_EQ(s.healthCheck->unhealthy, 3);
    ASSERT_TRUE(s.client);
    EXPECT_EQ(s.client->retries, 2);
    EXPECT_EQ(*s.client->retryBudget, 0.2);
    ASSERT_TRUE(s.slo);
    EXPECT_EQ(s.slo->latencyP95Ms, 250);
}

TEST(ScenarioWriter, RoundTripsTheFullDocument)
{
    const Scenario first = parseScenario(test::fullScenarioJson(), QStringLiteral("full.json"));
    const QByteArray written = writeScenario(first);
    const Scenario second = parseScenario(written, QStringLiteral("written.json"));
    // Writing the re-read document gives the same bytes: nothing was lost or changed on the way.
    EXPECT_EQ(writeScenario(second), written);
    // And the written JSON holds the same values as the original document, key by key.
    const QJsonObject original = QJsonDocument::fromJson(test::fullScenarioJson()).object();
    const QJsonObject out = QJsonDocument::fromJson(written).object();
    for (const QString& section : {QStringLiteral("traffic"), QStringLiteral("service"), QStringLiteral("health_check"),
                                   QStringLiteral("client"), QStringLiteral("slo")})
        EXPECT_EQ(out.value(section), original.value(section)) << section.toStdString();
    EXPECT_EQ(out.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("noisy_neighbour")),
              original.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("noisy_neighbour")));
}

TEST(ScenarioParser, LeftOutSectionsMeanOff)
{
    const Scenario s = parseScenario(R"({"schema":"headroom.scenario/1","duration_s":60,
        "traffic":{"kind":"poisson","rate_rps":5},"service":{"cpu_ms":20},
        "cluster":{"instance_type":"aws/c6i.large","nodes":2}})", QStringLiteral("min.json"));
    EXPECT_FALSE(s.autoscaling);
    EXPECT_FALSE(s.healthCheck);
    EXPECT_FALSE(s.client);
    EXPECT_FALSE(s.service.io);
    EXPECT_FALSE(s.slo);
    EXPECT_EQ(s.service.cpuMs.kind, Distribution::Kind::Deterministic);
    EXPECT_EQ(s.service.cpuMs.mean, 20);
    EXPECT_EQ(s.intervalS, 60);
    // A bare number stays a bare number when written back.
    const QJsonObject out = QJsonDocument::fromJson(writeScenario(s)).object();
    EXPECT_EQ(out.value(QStringLiteral("service")).toObject().value(QStringLiteral("cpu_ms")), QJsonValue(20));
}

TEST(ScenarioParser, InlineBurstableTypeEarnsBaselineTimesVcpuTimes60)
{
    const Scenario s = parseScenario(R"({"schema":"headroom.scenario/1","duration_s":60,
        "traffic":{"kind":"poisson","rate_rps":5},"service":{"cpu_ms":20},
        "cluster":{"instance_type":{"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.04,"burstable":true,
                                    "baseline_pct_per_vcpu":20},"nodes":1}})", QStringLiteral("b.json"));
    ASSERT_TRUE(s.cluster.inlineType);
    EXPECT_DOUBLE_EQ(s.cluster.inlineType->creditsPerHour, 0.20 * 2 * 60);  // 24, as t3.small
}

TEST(ScenarioParser, SyntaxErrorsNameLineAndColumn)
{
    try {
        parseScenario("{\n  \"schema\": \"headroom.scenario/1\",\n  \"duration_s\": ,\n}", QStringLiteral("bad.json"));
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.where().startsWith(QStringLiteral("bad.json:3:"))) << e.where().toStdString();
    }
}
