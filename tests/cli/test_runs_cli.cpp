// Stored runs through the command line: recommend and report take the stored result of the
// same inputs and say so; --recompute runs again; `headroom runs` lists and deletes them.
#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

using CliRun = headroom::test::CliResult;

const QByteArray kScenario = R"({"schema":"headroom.scenario/1","name":"api","duration_s":300,"warmup_s":30,"seed":5,
  "replications":2,"traffic":{"kind":"poisson","rate_rps":100},"service":{"cpu_ms":{"dist":"exponential","mean":20}},
  "cluster":{"instance_type":"aws/c6i.large","nodes":2,"balancer":"random"},"slo":{"latency_p95_ms":100}})";

class RunsCli : public headroom::test::CliTest {
protected:
    CliRun run(const QString& command, QStringList args) const
    {
        args.prepend(command);
        args << QStringLiteral("-w") << workspace();
        return cli.run(args);
    }
    // The stored runs, newest first.
    QJsonArray runs() const
    {
        const CliRun r = run(QStringLiteral("runs"), {QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.json().object().value(QStringLiteral("runs")).toArray();
    }
    // The newest stored run of this kind.
    QJsonObject newestOf(const char* kind) const
    {
        for (const QJsonValue& v : runs())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String(kind)) return v.toObject();
        return {};
    }
    int count(const char* kind) const
    {
        int n = 0;
        for (const QJsonValue& v : runs()) n += v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String(kind);
        return n;
    }
    const QStringList kTypes{QStringLiteral("--instance-types"), QStringLiteral("aws/c6i.large,hetzner/CX32")};
};

TEST_F(RunsCli, RecommendIsStoredAndTheSecondOneIsTakenFromTheWorkspace)
{
    const QString scenario = write(QStringLiteral("s.json"), kScenario);
    const CliRun first = run(QStringLiteral("recommend"), QStringList{scenario, QStringLiteral("--json")} << kTypes);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_FALSE(first.err.contains("using the recommendation"));
    EXPECT_EQ(count("recommend"), 1);

    const CliRun second = run(QStringLiteral("recommend"), QStringList{scenario, QStringLiteral("--json")} << kTypes);
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_TRUE(second.err.contains("headroom: using the recommendation made at ")) << second.err.toStdString();
    EXPECT_TRUE(second.err.contains("--recompute to run it again")) << second.err.toStdString();
    EXPECT_EQ(second.out, first.out) << "the stored answer prints exactly as the computed one";
    EXPECT_EQ(count("recommend"), 1) << "nothing was computed";

    // The same scenario laid out differently is the same input.
    QByteArray spaced = kScenario;
    spaced.replace(",", " ,\n   ");
    const CliRun respaced = run(QStringLiteral("recommend"),
                                QStringList{write(QStringLiteral("spaced.json"), spaced), QStringLiteral("--json")} << kTypes);
    EXPECT_TRUE(respaced.err.contains("using the recommendation")) << respaced.err.toStdString();

    // A changed value, another filter, or --recompute: computed again.
    QByteArray slower = kScenario;
    slower.replace(R"("mean":20)", R"("mean":21)");
    const CliRun changed = run(QStringLiteral("recommend"), QStringList{write(QStringLiteral("slower.json"), slower)} << kTypes);
    EXPECT_FALSE(changed.err.contains("using the recommendation")) << changed.err.toStdString();
    const CliRun filtered = run(QStringLiteral("recommend"), {scenario, QStringLiteral("--instance-types"), QStringLiteral("aws/c6i.large")});
    EXPECT_FALSE(filtered.err.contains("using the recommendation")) << filtered.err.toStdString();
    const CliRun forced = run(QStringLiteral("recommend"), QStringList{scenario, QStringLiteral("--recompute")} << kTypes);
    ASSERT_EQ(forced.exitCode, 0) << forced.err.toStdString();
    EXPECT_FALSE(forced.err.contains("using the recommendation"));
    EXPECT_EQ(count("recommend"), 4);
}

TEST_F(RunsCli, ReportAfterRecommendTakesTheStoredRecommendation)
{
    const QString scenario = write(QStringLiteral("s.json"), kScenario);
    ASSERT_EQ(run(QStringLiteral("recommend"), QStringList{scenario} << kTypes).exitCode, 0);
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    const CliRun report = run(QStringLiteral("report"), QStringList{scenario, QStringLiteral("-o"), pdf} << kTypes);
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    EXPECT_TRUE(QFile::exists(pdf));
    EXPECT_TRUE(report.err.contains("using the recommendation made at")) << report.err.toStdString();
    EXPECT_EQ(count("recommend"), 1) << "the report ran no recommendation";
    // What the report had to simulate itself (the scenario, and the winner for its charts) is
    // stored too, so the next report computes nothing.
    const int simulations = count("simulate");
    EXPECT_EQ(simulations, 2);
    const CliRun again = run(QStringLiteral("report"), QStringList{scenario, QStringLiteral("-o"), pdf} << kTypes);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains("using the simulation made at")) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains("using the simulation of the recommended configuration made at")) << again.err.toStdString();
    EXPECT_EQ(count("simulate"), simulations);
    EXPECT_EQ(count("recommend"), 1);

    const CliRun forced = run(QStringLiteral("report"), QStringList{scenario, QStringLiteral("-o"), pdf, QStringLiteral("--recompute")} << kTypes);
    ASSERT_EQ(forced.exitCode, 0) << forced.err.toStdString();
    EXPECT_FALSE(forced.err.contains("using the")) << forced.err.toStdString();
    EXPECT_EQ(count("recommend"), 2);
}

TEST_F(RunsCli, ReportWithoutSensitivityTakesTheRecommendationMadeWithout)
{
    const QString scenario = write(QStringLiteral("s.json"), kScenario);
    ASSERT_EQ(run(QStringLiteral("recommend"), QStringList{scenario, QStringLiteral("--no-sensitivity")} << kTypes).exitCode, 0);
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    const CliRun with = run(QStringLiteral("report"), QStringList{scenario, QStringLiteral("-o"), pdf} << kTypes);
    ASSERT_EQ(with.exitCode, 0) << with.err.toStdString();
    EXPECT_FALSE(with.err.contains("using the recommendation")) << "the stored one has no sensitivity runs";
    EXPECT_EQ(count("recommend"), 2);
    const CliRun without = run(QStringLiteral("report"), QStringList{scenario, QStringLiteral("-o"), pdf, QStringLiteral("--no-sensitivity")} << kTypes);
    ASSERT_EQ(without.exitCode, 0) << without.err.toStdString();
    EXPECT_TRUE(without.err.contains("using the recommendation made at")) << without.err.toStdString();
    EXPECT_EQ(count("recommend"), 2);
}

TEST_F(RunsCli, ReportOfAChosenStoredRecommendation)
{
    const QString scenario = write(QStringLiteral("s.json"), kScenario);
    ASSERT_EQ(run(QStringLiteral("recommend"), {scenario, QStringLiteral("--instance-types"), QStringLiteral("hetzner/CX32")}).exitCode, 0);
    const QString id = QString::number(newestOf("recommend").value(QStringLiteral("id")).toInt());
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    // Without the filters it was made with: --run names it.
    const CliRun chosen = run(QStringLiteral("report"), {scenario, QStringLiteral("-o"), pdf, QStringLiteral("--run"), id});
    ASSERT_EQ(chosen.exitCode, 0) << chosen.err.toStdString();
    EXPECT_TRUE(chosen.err.contains("using the recommendation made at")) << chosen.err.toStdString();
    EXPECT_EQ(count("recommend"), 1);

    QByteArray other = kScenario;
    other.replace(R"("rate_rps":100)", R"("rate_rps":120)");
    const CliRun mismatched = run(QStringLiteral("report"), {write(QStringLiteral("other.json"), other), QStringLiteral("-o"),
                                                             pdf, QStringLiteral("--run"), id});
    EXPECT_EQ(mismatched.exitCode, 3);
    EXPECT_TRUE(mismatched.err.contains("--run " + id.toUtf8() + ": the recommendation was made for another scenario"))
        << mismatched.err.toStdString();
    const CliRun missing = run(QStringLiteral("report"), {scenario, QStringLiteral("-o"), pdf, QStringLiteral("--run"), QStringLiteral("999")});
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.err.contains("no stored recommendation with this id")) << missing.err.toStdString();
}

TEST_F(RunsCli, RunsListsAndDeletes)
{
    const QString scenario = write(QStringLiteral("s.json"), kScenario);
    ASSERT_EQ(run(QStringLiteral("simulate"), {scenario}).exitCode, 0);
    ASSERT_EQ(run(QStringLiteral("recommend"), QStringList{scenario} << kTypes).exitCode, 0);
    const QJsonArray list = runs();
    // The simulation, the recommendation, and the winner's full run the recommendation kept.
    ASSERT_EQ(list.size(), 3);
    const QJsonObject kept = list.at(0).toObject();
    EXPECT_EQ(kept.value(QStringLiteral("kind")).toString(), QStringLiteral("simulate"));
    const QJsonObject newest = list.at(1).toObject();
    EXPECT_TRUE(kept.value(QStringLiteral("headline")).toString().endsWith(
        QStringLiteral("(run in recommendation %1)").arg(newest.value(QStringLiteral("id")).toInt())))
        << kept.value(QStringLiteral("headline")).toString().toStdString();
    EXPECT_EQ(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("recommend"));
    EXPECT_EQ(newest.value(QStringLiteral("scenario")).toString(), QStringLiteral("api"));
    EXPECT_EQ(newest.value(QStringLiteral("seed")).toString(), QStringLiteral("5"));
    EXPECT_EQ(newest.value(QStringLiteral("key")).toString().size(), 64);
    EXPECT_TRUE(newest.value(QStringLiteral("headline")).toString().contains(QStringLiteral("/month")))
        << newest.value(QStringLiteral("headline")).toString().toStdString();
    EXPECT_GT(newest.value(QStringLiteral("wall_s")).toDouble(), 0);
    EXPECT_FALSE(newest.value(QStringLiteral("made_at")).toString().isEmpty());
    const QJsonObject oldest = list.at(2).toObject();
    EXPECT_EQ(oldest.value(QStringLiteral("kind")).toString(), QStringLiteral("simulate"));
    EXPECT_TRUE(oldest.value(QStringLiteral("headline")).toString().startsWith(QStringLiteral("p95 ")));

    const CliRun text = run(QStringLiteral("runs"), {});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains("recommend")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(newest.value(QStringLiteral("key")).toString().left(8).toUtf8())) << text.out.toStdString();

    const QString id = QString::number(oldest.value(QStringLiteral("id")).toInt());
    EXPECT_EQ(run(QStringLiteral("runs"), {QStringLiteral("--delete"), id}).exitCode, 0);
    EXPECT_EQ(runs().size(), 2);
    const CliRun missing = run(QStringLiteral("runs"), {QStringLiteral("--delete"), id});
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.err.contains("no stored run with id " + id.toUtf8())) << missing.err.toStdString();
    EXPECT_EQ(run(QStringLiteral("runs"), {QStringLiteral("--delete"), QStringLiteral("x")}).exitCode, 2);

    for (const QJsonValue& v : runs())
        EXPECT_EQ(run(QStringLiteral("runs"), {QStringLiteral("--delete"), QString::number(v.toObject().value(QStringLiteral("id")).toInt())}).exitCode, 0);
    const CliRun empty = run(QStringLiteral("runs"), {});
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_TRUE(empty.out.contains("No stored runs")) << empty.out.toStdString();
}

}  // namespace
