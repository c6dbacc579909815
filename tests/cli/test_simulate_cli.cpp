#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

using CliRun = headroom::test::CliResult;

class SimulateCli : public headroom::test::CliTest {
protected:
    CliRun run(const QStringList& args) const { return cli.run(QStringList{QStringLiteral("simulate")} + args); }
};

const QByteArray kSmall = R"({"schema":"headroom.scenario/1","name":"small","duration_s":600,"seed":3,"replications":3,
  "traffic":{"kind":"poisson","rate_rps":20},"service":{"cpu_ms":{"dist":"exponential","mean":50}},
  "cluster":{"instance_type":"aws/c6i.large","nodes":2},"slo":{"latency_p95_ms":500}})";

}  // namespace

TEST_F(SimulateCli, JsonHasTheDesignKeys)
{
    const CliRun r = run({write(QStringLiteral("s.json"), kSmall), QStringLiteral("-w"), workspace(), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject summary = doc.value(QStringLiteral("summary")).toObject();
    for (const char* k : {"requests", "completed", "errors", "error_rate", "attempts_per_request", "latency_ms", "node_hours",
                          "cost_usd", "slo_met", "ci95"})
        EXPECT_TRUE(summary.contains(QString::fromLatin1(k))) << k;
    // 20 requests/s for 600 s: about 12,000 requests (Poisson, ± a few hundred).
    EXPECT_NEAR(summary.value(QStringLiteral("requests")).toDouble(), 12000, 600);
    // 2 nodes × 600 s = 1/3 node-hour; at 0.085 USD/h, billed per second: 0.02833 USD.
    EXPECT_NEAR(summary.value(QStringLiteral("node_hours")).toDouble(), 1.0 / 3, 1e-9);
    EXPECT_NEAR(summary.value(QStringLiteral("cost_usd")).toDouble(), 2 * 600 * 0.085 / 3600, 1e-9);
    EXPECT_EQ(doc.value(QStringLiteral("timeseries")).toArray().size(), 10);
    EXPECT_EQ(doc.value(QStringLiteral("per_replication")).toArray().size(), 3);
}

TEST_F(SimulateCli, SameSeedSameOutputAndOptionsOverride)
{
    const QString file = write(QStringLiteral("s.json"), kSmall);
    const CliRun a = run({file, QStringLiteral("-w"), workspace(), QStringLiteral("--json")});
    const CliRun b = run({file, QStringLiteral("-w"), workspace(), QStringLiteral("--json")});
    ASSERT_EQ(a.exitCode, 0);
    EXPECT_EQ(a.out, b.out);
    const CliRun c = run({file, QStringLiteral("-w"), workspace(), QStringLiteral("--json"), QStringLiteral("--seed"),
                       QStringLiteral("4"), QStringLiteral("--replications"), QStringLiteral("2")});
    ASSERT_EQ(c.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(c.out).object();
    EXPECT_EQ(doc.value(QStringLiteral("seed")).toInt(), 4);
    EXPECT_EQ(doc.value(QStringLiteral("per_replication")).toArray().size(), 2);
}

TEST_F(SimulateCli, BadScenarioIsExit3WithThePathAndNothingSimulated)
{
    QByteArray bad = kSmall;
    bad.replace("\"nodes\":2", "\"nodes\":0");
    const CliRun r = run({write(QStringLiteral("bad.json"), bad), QStringLiteral("-w"), workspace(), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.contains("headroom: error: ")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("bad.json: $.cluster.nodes: expected an integer ≥ 1")) << r.err.toStdString();

    const CliRun missing = run({dir.filePath(QStringLiteral("none.json")), QStringLiteral("-w"), workspace()});
    EXPECT_EQ(missing.exitCode, 3);
}

TEST_F(SimulateCli, BadUsageIsExit2)
{
    EXPECT_EQ(run({}).exitCode, 2);
    const QString file = write(QStringLiteral("s.json"), kSmall);
    EXPECT_EQ(run({file, QStringLiteral("--replications"), QStringLiteral("many")}).exitCode, 2);
}

TEST_F(SimulateCli, TextSaysWhatHappened)
{
    const CliRun r = run({write(QStringLiteral("s.json"), kSmall), QStringLiteral("-w"), workspace()});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("Latency")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("SLO (p95 ≤ 500 ms")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("aws/c6i.large"));
}
