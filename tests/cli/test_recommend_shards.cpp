// `headroom recommend --shard I/N --out PART` and `--merge PART…` (DESIGN §12), each shard its own
// process: the merged answer is the single-machine answer to the digit whatever N, and the merge
// refuses parts that do not make one whole.
#include "cli_runner.h"
#include "sweep_shards_fixture.h"

#include "catalog/catalog.h"
#include "runs/catalog_codec.h"
#include "runs/run_key.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>

namespace {

using CliRun = headroom::test::CliResult;

using namespace headroom::test;  // sweep_shards_fixture.h: the scenario, its types, JSON helpers

class RecommendShards : public headroom::test::CliTest {
protected:
    void SetUp() override { scenario = write(QStringLiteral("s.json"), kScenario); }

    // Runs shard `index` of `count` as its own process; returns the part file.
    QString shard(int index, int count, const QString& scenarioFile = {}) const
    {
        const QString out = dir.filePath(QStringLiteral("part-%1-of-%2-%3.json").arg(index).arg(count).arg(++parts));
        const CliRun r = cli.run(QStringList{QStringLiteral("recommend"), scenarioFile.isEmpty() ? scenario : scenarioFile,
                                             QStringLiteral("-w"), workspace(), QStringLiteral("--shard"),
                                             QStringLiteral("%1/%2").arg(index).arg(count), QStringLiteral("--out"), out}
                                 << kTypes);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return out;
    }
    CliRun merge(const QStringList& partFiles) const
    {
        return cli.run(QStringList{QStringLiteral("recommend"), QStringLiteral("--merge"), QStringLiteral("--json")} << partFiles);
    }
    void expectRefused(const QStringList& partFiles, const QString& where, const QString& what) const
    {
        const CliRun r = merge(partFiles);
        EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
        EXPECT_TRUE(r.err.contains(where.toUtf8())) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(what.toUtf8())) << r.err.toStdString();
    }

    QString scenario;
    mutable int parts = 0;
};

TEST_F(RecommendShards, MergedJsonIsTheSingleMachineJsonForOneThreeAndSevenShards)
{
    const CliRun single = cli.run(QStringList{QStringLiteral("recommend"), scenario, QStringLiteral("-w"), workspace(),
                                              QStringLiteral("--json")} << kTypes);
    ASSERT_EQ(single.exitCode, 0) << single.err.toStdString();
    const QJsonObject answer = single.json().object();
    ASSERT_TRUE(answer.value(QStringLiteral("recommended")).isObject());
    ASSERT_EQ(answer.value(QStringLiteral("candidates_total")).toInt(), 4);
    ASSERT_FALSE(answer.value(QStringLiteral("sensitivity")).toObject().value(QStringLiteral("cases")).toArray().isEmpty());

    for (const int count : {1, 3, 7}) {
        SCOPED_TRACE(count);
        QStringList files;
        QStringList assigned;
        for (int i = 0; i < count; ++i) {
            files << shard(i, count);
            const QJsonObject part = readJson(files.last());
            EXPECT_EQ(part.value(QStringLiteral("shard")).toObject().value(QStringLiteral("index")).toInt(), i);
            for (const QJsonValue& id : part.value(QStringLiteral("shard")).toObject().value(QStringLiteral("candidates")).toArray())
                assigned << id.toString();
        }
        // Every candidate in exactly one shard.
        assigned.sort();
        EXPECT_EQ(assigned, (QStringList{QStringLiteral("aws/c6i.large"), QStringLiteral("aws/m6i.large"),
                                         QStringLiteral("gcp/n2-standard-2"), QStringLiteral("hetzner/CX22")}));
        // The parts in another order than the shards: the order they are given in does not matter.
        std::reverse(files.begin(), files.end());
        const CliRun merged = merge(files);
        ASSERT_EQ(merged.exitCode, 0) << merged.err.toStdString();
        EXPECT_EQ(withoutElapsed(merged.out).toStdString(), withoutElapsed(single.out).toStdString());
        // The shards did the work: the merge names how many evaluations it found in the parts and
        // how many (node counts tried under a cost bar no shard could know) it simulated itself.
        static const QRegularExpression counts(QStringLiteral("(\\d+) evaluations from the parts, (\\d+) simulated here"));
        const QRegularExpressionMatch m = counts.match(QString::fromUtf8(merged.err));
        ASSERT_TRUE(m.hasMatch()) << merged.err.toStdString();
        EXPECT_GT(m.captured(1).toInt(), 0);
        EXPECT_LE(4 * m.captured(2).toInt(), m.captured(1).toInt()) << merged.err.toStdString();
    }
    // Shards and merges are pieces of a sweep: the workspace stores only the plain command's
    // recommendation (and the winner's full run it keeps for a report).
    const CliRun runs = cli.run({QStringLiteral("runs"), QStringLiteral("-w"), workspace(), QStringLiteral("--json")});
    ASSERT_EQ(runs.exitCode, 0) << runs.err.toStdString();
    int recommendations = 0;
    for (const QJsonValue& r : runs.json().object().value(QStringLiteral("runs")).toArray())
        recommendations += r.toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("recommend") ? 1 : 0;
    EXPECT_EQ(recommendations, 1);
}

TEST_F(RecommendShards, MergeRefusesPartsThatDoNotMakeOneWhole)
{
    const QString p0 = shard(0, 2), p1 = shard(1, 2);
    {
        SCOPED_TRACE("missing shard");
        expectRefused({p0}, QStringLiteral("--merge"), QStringLiteral("shard 1/2 missing: expected 2 part files"));
    }
    {
        SCOPED_TRACE("shard twice");
        expectRefused({p0, p1, p0}, p0, QStringLiteral("shard 0/2 is given twice"));
    }
    {
        SCOPED_TRACE("different shard counts");
        expectRefused({p0, shard(1, 3)}, QStringLiteral("$.shard.count"), QStringLiteral("the number of shards differs"));
    }
    {
        SCOPED_TRACE("different scenario");
        QByteArray other = kScenario;
        other.replace("\"seed\":5", "\"seed\":6");
        const QString otherPart = shard(1, 2, write(QStringLiteral("other.json"), other));
        expectRefused({p0, otherPart}, otherPart + QStringLiteral(": $.scenario_sha256"), QStringLiteral("the scenario differs from"));
    }
    {
        SCOPED_TRACE("different catalog");
        // The same part computed against a catalog with another euro rate: consistent in itself,
        // but not the catalog shard 0 used.
        QJsonObject part = readJson(p1);
        QJsonObject catalog = part.value(QStringLiteral("catalog")).toObject();
        catalog.insert(QStringLiteral("eur_to_usd"), 1.25);
        part.insert(QStringLiteral("catalog"), catalog);
        part.insert(QStringLiteral("catalog_sha256"), headroom::runs::catalogFingerprint(headroom::runs::decodeCatalog(catalog)));
        const QString edited = dir.filePath(QStringLiteral("other-catalog.json"));
        writeJson(edited, part);
        expectRefused({p0, edited}, edited + QStringLiteral(": $.catalog_sha256"), QStringLiteral("the catalog differs"));
        // A catalog that does not match its own fingerprint is caught too.
        part.insert(QStringLiteral("catalog_sha256"), readJson(p1).value(QStringLiteral("catalog_sha256")));
        writeJson(edited, part);
        expectRefused({p0, edited}, edited + QStringLiteral(": $.catalog"), QStringLiteral("does not match $.catalog_sha256"));
    }
    {
        SCOPED_TRACE("different program version");
        QJsonObject part = readJson(p1);
        part.insert(QStringLiteral("program_version"), QStringLiteral("0.0.1"));
        const QString old = dir.filePath(QStringLiteral("old-version.json"));
        writeJson(old, part);
        expectRefused({p0, old}, old + QStringLiteral(": $.program_version"), QStringLiteral("the program version differs"));
        expectRefused({old, p0}, old + QStringLiteral(": $.program_version"), QStringLiteral("made by headroom 0.0.1"));
    }
    {
        SCOPED_TRACE("truncated");
        QFile whole(p1);
        ASSERT_TRUE(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString cut = write(QStringLiteral("cut.json"), bytes.left(bytes.size() * 2 / 3));
        expectRefused({p0, cut}, cut, QStringLiteral("the part file ends early (truncated?)"));
        // Whole JSON whose evaluations were cut short: the count at the end says so.
        QJsonObject part = readJson(p1);
        QJsonArray evaluations = part.value(QStringLiteral("evaluations")).toArray();
        ASSERT_FALSE(evaluations.isEmpty());
        evaluations.removeLast();
        part.insert(QStringLiteral("evaluations"), evaluations);
        const QString shorter = dir.filePath(QStringLiteral("shorter.json"));
        writeJson(shorter, part);
        expectRefused({p0, shorter}, shorter + QStringLiteral(": $.evaluations"),
                      QStringLiteral("expected %1 evaluations (as $.end says), found %2").arg(evaluations.size() + 1).arg(evaluations.size()));
    }
    {
        SCOPED_TRACE("a scenario that does not parse, with a matching hash");
        QJsonObject part = readJson(shard(0, 1));
        QJsonObject scenario = part.value(QStringLiteral("scenario")).toObject();
        scenario.insert(QStringLiteral("duration_s"), -5);
        part.insert(QStringLiteral("scenario"), scenario);
        part.insert(QStringLiteral("scenario_sha256"),
                    QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(scenario).toJson(QJsonDocument::Compact),
                                                                 QCryptographicHash::Sha256).toHex()));
        const QString bad = dir.filePath(QStringLiteral("bad-scenario.json"));
        writeJson(bad, part);
        expectRefused({bad}, bad + QStringLiteral(": $.scenario: s.json: $.duration_s"), QStringLiteral("expected"));
    }
    // Both parts as they are: merged.
    EXPECT_EQ(merge({p0, p1}).exitCode, 0);
}

TEST_F(RecommendShards, TraceTrafficIsCarriedInThePartsSoTheMergeNeedsNoWorkspace)
{
    // A measured request rate rising from 80 to 170 requests/s, imported into the workspace.
    QByteArray csv = "time,node,metric,value\n";
    for (int i = 0; i < 10; ++i) csv += QByteArray::number(1700000000 + 60 * i) + ",lb,http.requests_per_s," + QByteArray::number(80 + 10 * i) + '\n';
    const CliRun imported = cli.run({QStringLiteral("import"), QStringLiteral("-w"), workspace(), write(QStringLiteral("rps.csv"), csv)});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    QByteArray traced = kScenario;
    traced.replace(R"({"kind":"poisson","rate_rps":100})", R"({"kind":"trace","dataset":"rps.csv","series":"http.requests_per_s"})");
    traced.replace(R"("duration_s":300)", R"("duration_s":540)");
    scenario = write(QStringLiteral("traced.json"), traced);
    const CliRun single = cli.run(QStringList{QStringLiteral("recommend"), scenario, QStringLiteral("-w"), workspace(),
                                              QStringLiteral("--json")} << kTypes);
    ASSERT_EQ(single.exitCode, 0) << single.err.toStdString();
    const QStringList files{shard(0, 2), shard(1, 2)};
    // The rate profile the trace gave is in the parts: the workspace is not needed any more.
    ASSERT_TRUE(QFile::remove(workspace()));
    const CliRun merged = merge(files);
    ASSERT_EQ(merged.exitCode, 0) << merged.err.toStdString();
    EXPECT_EQ(withoutElapsed(merged.out).toStdString(), withoutElapsed(single.out).toStdString());
}

// A ramp under target tracking, compared with a lower target and with the Kubernetes HPA.
const QByteArray kPolicySweep = R"({"schema":"headroom.scenario/1","name":"ramp","duration_s":900,"warmup_s":60,"seed":3,
  "replications":3,"traffic":{"kind":"profile","points":[[0,50],[300,200],[600,200],[900,50]]},
  "service":{"cpu_ms":{"dist":"exponential","mean":20}},"cluster":{"instance_type":"aws/c6i.large","nodes":2,"balancer":"random"},
  "autoscaling":{"policy":"target_tracking","metric":"cpu","target":0.6,"min":1,"max":10,"lead_time":{"boot_s":60}},
  "compare_policies":[{"target":0.4},{"policy":"k8s_hpa"}],"slo":{"latency_p95_ms":150}})";

TEST_F(RecommendShards, PoliciesAreASweepDimensionTheShardsCarry)
{
    const QString sweep = write(QStringLiteral("sweep.json"), kPolicySweep);
    const QStringList common{QStringLiteral("--instance-types"), QStringLiteral("aws/c6i.large"), QStringLiteral("--no-sensitivity")};
    const CliRun single = cli.run(QStringList{QStringLiteral("recommend"), sweep, QStringLiteral("-w"), workspace(),
                                              QStringLiteral("--json")} << common);
    ASSERT_EQ(single.exitCode, 0) << single.err.toStdString();
    // One candidate per policy, each row naming its policy; the answer names one of them.
    const QJsonObject answer = single.json().object();
    QStringList policies;
    for (const QJsonValue& c : answer.value(QStringLiteral("candidates")).toArray())
        policies << c.toObject().value(QStringLiteral("policy")).toString();
    policies.sort();
    EXPECT_EQ(policies, (QStringList{QStringLiteral("k8s_hpa@0.6"), QStringLiteral("target_tracking@0.4"),
                                     QStringLiteral("target_tracking@0.6")}));
    const QJsonObject recommended = answer.value(QStringLiteral("recommended")).toObject();
    ASSERT_FALSE(recommended.isEmpty());
    EXPECT_TRUE(policies.contains(recommended.value(QStringLiteral("policy")).toString()));
    // The Pareto front's points name their policy too.
    const QJsonArray front = answer.value(QStringLiteral("pareto")).toArray();
    ASSERT_FALSE(front.isEmpty());
    for (const QJsonValue& p : front)
        EXPECT_TRUE(policies.contains(p.toObject().value(QStringLiteral("policy")).toString()));

    QStringList files, ids;
    for (int i = 0; i < 2; ++i) {
        files << dir.filePath(QStringLiteral("sweep-%1.json").arg(i));
        const CliRun r = cli.run(QStringList{QStringLiteral("recommend"), sweep, QStringLiteral("-w"), workspace(),
                                             QStringLiteral("--shard"), QStringLiteral("%1/2").arg(i), QStringLiteral("--out"), files.last()}
                                 << common);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        for (const QJsonValue& id : readJson(files.last()).value(QStringLiteral("candidates")).toArray()) ids << id.toString();
    }
    EXPECT_TRUE(ids.contains(QStringLiteral("aws/c6i.large|target_tracking@0.4"))) << ids.join(QLatin1Char(' ')).toStdString();
    const CliRun merged = merge(files);
    ASSERT_EQ(merged.exitCode, 0) << merged.err.toStdString();
    EXPECT_EQ(withoutElapsed(merged.out).toStdString(), withoutElapsed(single.out).toStdString());
}

TEST_F(RecommendShards, ComparedPoliciesMustBeAutoscalingVariations)
{
    auto refused = [&](QByteArray text, const char* where) {
        const CliRun r = cli.run({QStringLiteral("recommend"), write(QStringLiteral("bad.json"), text), QStringLiteral("-w"), workspace()});
        EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(where)) << r.err.toStdString();
    };
    QByteArray noBase = kPolicySweep;
    noBase.replace(R"("autoscaling":{"policy":"target_tracking","metric":"cpu","target":0.6,"min":1,"max":10,"lead_time":{"boot_s":60}},)", "");
    refused(noBase, "bad.json: $.compare_policies: expected \"autoscaling\" too");
    QByteArray none = kPolicySweep;
    none.replace(R"({"policy":"k8s_hpa"})", R"({"policy":"none"})");
    refused(none, "bad.json: $.compare_policies[1].policy: expected an autoscaling policy");
    QByteArray badTarget = kPolicySweep;
    badTarget.replace(R"({"target":0.4})", R"({"target":4})");
    refused(badTarget, "bad.json: $.compare_policies[0].target");
}

TEST_F(RecommendShards, ShardOptionsAreCheckedBeforeAnythingRuns)
{
    auto usage = [&](const QStringList& args, const char* what) {
        const CliRun r = cli.run(QStringList{QStringLiteral("recommend")} << args);
        EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(what)) << r.err.toStdString();
    };
    const QString out = dir.filePath(QStringLiteral("p.json"));
    usage({scenario, QStringLiteral("--shard"), QStringLiteral("3/3"), QStringLiteral("--out"), out}, "expected I/N with 0 ≤ I < N");
    usage({scenario, QStringLiteral("--shard"), QStringLiteral("1"), QStringLiteral("--out"), out}, "expected I/N");
    usage({scenario, QStringLiteral("--shard"), QStringLiteral("0/2")}, "--shard I/N and --out PART.json go together");
    usage({QStringLiteral("--merge"), QStringLiteral("--shard"), QStringLiteral("0/2"), QStringLiteral("--out"), out, out},
          "--merge takes part files only");
    EXPECT_FALSE(QFile::exists(out));
}

}  // namespace
