// `headroom recommend` end to end: DESIGN §8's JSON keys, filters, --top, and the exit codes
// for a bad scenario (3) and a bad option (2).
#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

using CliRun = headroom::test::CliResult;

class RecommendCli : public headroom::test::CliTest {
protected:
    CliRun run(const QStringList& args) const
    {
        QStringList all{QStringLiteral("recommend")};
        all << args;
        return cli.run(all);
    }
};

// 100 requests/s of exponential 20 ms CPU time, random routing: per node an M/M/c.
const QByteArray kScenario = R"({"schema":"headroom.scenario/1","name":"api","duration_s":300,"warmup_s":30,"seed":5,
  "replications":3,"traffic":{"kind":"poisson","rate_rps":100},"service":{"cpu_ms":{"dist":"exponential","mean":20}},
  "cluster":{"instance_type":"aws/c6i.large","nodes":1,"balancer":"random"},"slo":{"latency_p95_ms":100}})";

const QStringList kTypes{QStringLiteral("--instance-types"), QStringLiteral("aws/c6i.large,hetzner/CX32,gcp/n2-standard-2")};

TEST_F(RecommendCli, JsonHasTheDesignKeys)
{
    const CliRun r = run(QStringList{write(QStringLiteral("s.json"), kScenario), QStringLiteral("-w"), workspace(),
                                     QStringLiteral("--json")} << kTypes);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject doc = r.json().object();
    const QJsonArray candidates = doc.value(QStringLiteral("candidates")).toArray();
    ASSERT_EQ(candidates.size(), 3);
    for (const QJsonValue& v : candidates) {
        const QJsonObject c = v.toObject();
        for (const char* key : {"provider", "instance_type", "nodes_min", "nodes_max", "policy", "latency_p95_ms",
                                "slo_attainment", "cost_per_month_usd", "meets_slo", "why"})
            EXPECT_TRUE(c.contains(QString::fromLatin1(key))) << key;
        EXPECT_FALSE(c.value(QStringLiteral("why")).toString().isEmpty());
        EXPECT_EQ(c.value(QStringLiteral("policy")).toString(), QStringLiteral("none"));
    }
    // The recommendation is the first ranked candidate, and it meets the SLO.
    const QJsonObject recommended = doc.value(QStringLiteral("recommended")).toObject();
    EXPECT_EQ(recommended.value(QStringLiteral("key")), candidates.first().toObject().value(QStringLiteral("key")));
    EXPECT_TRUE(recommended.value(QStringLiteral("meets_slo")).toBool());
    EXPECT_LE(recommended.value(QStringLiteral("latency_p95_ms")).toDouble(), 100.0);
    // Hetzner's CX32 (4 vCPUs, capped at 6.80 EUR a month) is the cheapest of the three by far:
    // one node at 1.08 USD/EUR is $7.34, and 100 requests/s of 20 ms need 2 vCPUs on average.
    EXPECT_EQ(recommended.value(QStringLiteral("key")).toString(), QStringLiteral("hetzner/CX32"));
    EXPECT_TRUE(doc.value(QStringLiteral("pareto")).isArray());
    EXPECT_FALSE(doc.value(QStringLiteral("pareto")).toArray().isEmpty());
    EXPECT_TRUE(doc.value(QStringLiteral("sensitivity")).toObject().value(QStringLiteral("cases")).isArray());
}

TEST_F(RecommendCli, TopLimitsTheCandidates)
{
    const CliRun r = run(QStringList{write(QStringLiteral("s.json"), kScenario), QStringLiteral("-w"), workspace(),
                                     QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("1")} << kTypes);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("candidates")).toArray().size(), 1);
    EXPECT_EQ(r.json().object().value(QStringLiteral("candidates_total")).toInt(), 3);
}

TEST_F(RecommendCli, NoSensitivitySkipsOnlyTheSensitivityRuns)
{
    const QString scenario = write(QStringLiteral("s.json"), kScenario);
    const CliRun full = run(QStringList{scenario, QStringLiteral("-w"), workspace(), QStringLiteral("--json")} << kTypes);
    const CliRun quick = run(QStringList{scenario, QStringLiteral("-w"), workspace(), QStringLiteral("--json"),
                                         QStringLiteral("--no-sensitivity")} << kTypes);
    ASSERT_EQ(full.exitCode, 0) << full.err.toStdString();
    ASSERT_EQ(quick.exitCode, 0) << quick.err.toStdString();
    const QJsonObject a = full.json().object(), b = quick.json().object();
    const QJsonArray cases = a.value(QStringLiteral("sensitivity")).toObject().value(QStringLiteral("cases")).toArray();
    int simulatedCases = 0;
    for (const QJsonValue& c : cases)
        if (c.toObject().value(QStringLiteral("applicable")).toBool()) ++simulatedCases;
    ASSERT_GT(simulatedCases, 0);
    EXPECT_TRUE(b.value(QStringLiteral("sensitivity")).toObject().value(QStringLiteral("cases")).toArray().isEmpty());
    // Same seed, same search: the same winner at the same figures, minus the sensitivity runs.
    EXPECT_EQ(a.value(QStringLiteral("recommended")), b.value(QStringLiteral("recommended")));
    EXPECT_EQ(a.value(QStringLiteral("simulations")).toInt() - simulatedCases, b.value(QStringLiteral("simulations")).toInt());
}

TEST_F(RecommendCli, ScenarioWithoutSloIsBadInput)
{
    QByteArray noSlo = kScenario;
    noSlo.replace(R"(,"slo":{"latency_p95_ms":100})", "");
    const CliRun r = run({write(QStringLiteral("no-slo.json"), noSlo), QStringLiteral("-w"), workspace()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains("headroom: error: no-slo.json: $.slo: a recommendation needs an SLO with latency_p95_ms or queue_wait_p95_ms")) << r.err.toStdString();
}

TEST_F(RecommendCli, BrokenScenarioIsBadInput)
{
    const CliRun r = run({write(QStringLiteral("broken.json"), "{\"schema\": \"headroom.scenario/1\", \n  \"name\": }"),
                       QStringLiteral("-w"), workspace()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains("broken.json:2:")) << r.err.toStdString();
}

TEST_F(RecommendCli, UnknownProviderIsAUsageError)
{
    const CliRun r = run({write(QStringLiteral("s.json"), kScenario), QStringLiteral("-w"), workspace(),
                       QStringLiteral("--providers"), QStringLiteral("nimbus")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("nimbus")) << r.err.toStdString();
}

}  // namespace
