// headroom validate: exit codes and messages of DESIGN §8, the --json keys, and the calibrated
// scenario it writes being a scenario the simulator accepts.
#include "support/validation_levels.h"
#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>
#include <cmath>

using headroom::test::Cli;

namespace {

QString writeFile(const Cli& cli, const QString& name, const QByteArray& bytes)
{
    const QString path = cli.home() + QLatin1Char('/') + name;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

const char* kScenario = R"({
  "schema": "headroom.scenario/1", "name": "one worker", "duration_s": 600, "seed": 3, "replications": 2,
  "traffic": { "kind": "poisson", "rate_rps": 10 },
  "service": { "cpu_ms": { "dist": "exponential", "mean": 6 } },
  "cluster": { "instance_type": { "vcpu": 1, "memory_gib": 1, "price_per_hour_usd": 0.01 }, "nodes": 1 }
})";

}  // namespace

TEST(ValidateCli, PredictsEveryLevelAndWritesACalibratedScenario)
{
    Cli cli;
    const QString ws = cli.home() + QStringLiteral("/v.headroom");
    const QString scenario = writeFile(cli, QStringLiteral("s.json"), kScenario);
    QStringList files;
    for (double rate : {10.0, 50.0, 100.0}) files << writeFile(cli, QStringLiteral("level-%1.csv").arg(rate), headroom::test::validationLevelCsv(rate));
    ASSERT_EQ(cli.run(QStringList{QStringLiteral("import"), QStringLiteral("-w"), ws} + files).exitCode, 0);

    const QString calibrated = cli.home() + QStringLiteral("/calibrated.json");
    const auto r = cli.run({QStringLiteral("validate"), scenario, QStringLiteral("-w"), ws, QStringLiteral("--datasets"),
                            QStringLiteral("1,2,3"), QStringLiteral("--write-scenario"), calibrated, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    const QJsonArray levels = o[QStringLiteral("levels")].toArray();
    ASSERT_EQ(levels.size(), 3);
    for (const auto& v : levels) {
        const QJsonObject l = v.toObject();
        EXPECT_GT(l[QStringLiteral("predicted")].toObject()[QStringLiteral("mean")].toDouble(), 0);
        EXPECT_GT(l[QStringLiteral("measured")].toObject()[QStringLiteral("p95")].toDouble(), 0);
        EXPECT_TRUE(l[QStringLiteral("error_pct")].toObject()[QStringLiteral("p99")].isDouble());
        // The CPU reading is 6 ms per request at every rate: the curve uses that.
        EXPECT_NEAR(l[QStringLiteral("demand_ms")].toObject()[QStringLiteral("used")].toDouble(), 6, 1e-6);
    }
    EXPECT_TRUE(o[QStringLiteral("verdict")].toString().startsWith(QStringLiteral("Up to 90 %")));
    EXPECT_NEAR(o[QStringLiteral("scenario")].toObject()[QStringLiteral("service")].toObject()[QStringLiteral("cpu_ms")]
                    .toObject()[QStringLiteral("mean")].toDouble(), 6, 1e-9);

    // The written scenario is one the simulator takes as it is.
    const auto sim = cli.run({QStringLiteral("simulate"), calibrated, QStringLiteral("-w"), ws, QStringLiteral("--json")});
    EXPECT_EQ(sim.exitCode, 0) << sim.err.toStdString();

    const auto text = cli.run({QStringLiteral("validate"), scenario, QStringLiteral("-w"), ws});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains("utilisation law")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("1*")) << text.out.toStdString();
}

TEST(ValidateCli, BadDatasetsAreUsageOrInputErrors)
{
    Cli cli;
    const QString ws = cli.home() + QStringLiteral("/v.headroom");
    const QString scenario = writeFile(cli, QStringLiteral("s.json"), kScenario);
    const auto usage = cli.run({QStringLiteral("validate"), scenario, QStringLiteral("-w"), ws, QStringLiteral("--datasets"), QStringLiteral("1,x")});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_TRUE(usage.err.contains("--datasets")) << usage.err.toStdString();

    const auto none = cli.run({QStringLiteral("validate"), scenario, QStringLiteral("-w"), ws});
    EXPECT_EQ(none.exitCode, 3);
    EXPECT_TRUE(none.err.contains("no load-test datasets")) << none.err.toStdString();

    const QString cpu = writeFile(cli, QStringLiteral("cpu.csv"), "time,node,metric,value\n1000,a,cpu.util_pct,5\n1060,a,cpu.util_pct,6\n");
    ASSERT_EQ(cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, cpu}).exitCode, 0);
    const auto notLoad = cli.run({QStringLiteral("validate"), scenario, QStringLiteral("-w"), ws, QStringLiteral("--datasets"), QStringLiteral("1")});
    EXPECT_EQ(notLoad.exitCode, 3);
    EXPECT_TRUE(notLoad.err.startsWith("headroom: error: dataset 1: ")) << notLoad.err.toStdString();
}
