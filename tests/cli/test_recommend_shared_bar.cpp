// `headroom recommend --shard I/N --out PART --bar-dir DIR` (DESIGN §12): shards running at the
// same time share the cost bar through a directory. The bar decides how much work a shard does,
// never the answer: the merge of shards that shared it (or were given a misleading one) is the
// single-machine answer to the digit, and a bar file that is not one of this sweep is refused.
#include "cli_runner.h"
#include "sweep_shards_fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

using CliRun = headroom::test::CliResult;

using namespace headroom::test;  // sweep_shards_fixture.h: the scenario, its types, JSON helpers

// How many evaluations of a part file are full-length runs, and how many short windows.
std::pair<int, int> fullAndShort(const QString& part)
{
    int full = 0, shortWindows = 0;
    for (const QJsonValue& e : readJson(part).value(QStringLiteral("evaluations")).toArray())
        (e.toObject().value(QStringLiteral("full_length")).toBool() ? full : shortWindows) += 1;
    return {full, shortWindows};
}

class RecommendShardsSharedBar : public headroom::test::CliTest {
protected:
    void SetUp() override
    {
        scenario = write(QStringLiteral("s.json"), kScenario);
        single = cli.run(QStringList{QStringLiteral("recommend"), scenario, QStringLiteral("-w"), workspace(), QStringLiteral("--json")}
                         << kTypes);
        ASSERT_EQ(single.exitCode, 0) << single.err.toStdString();
        ASSERT_TRUE(single.json().object().value(QStringLiteral("recommended")).isObject());
    }
    QStringList shardArgs(int index, int count, const QString& out, const QString& barDir) const
    {
        QStringList args{QStringLiteral("recommend"), scenario, QStringLiteral("-w"), workspace(), QStringLiteral("--shard"),
                         QStringLiteral("%1/%2").arg(index).arg(count), QStringLiteral("--out"), out};
        if (!barDir.isEmpty()) args << QStringLiteral("--bar-dir") << barDir;
        return args << kTypes;
    }
    QString part(const QString& name) const { return dir.filePath(name); }
    // All shards of an N-way split started at once, as a cluster runs them; returns the parts.
    QStringList concurrentShards(int count, const QString& barDir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), cli.home());
        std::vector<std::unique_ptr<QProcess>> running;
        QStringList parts;
        for (int i = 0; i < count; ++i) {
            parts << part(QStringLiteral("concurrent-%1-of-%2.json").arg(i).arg(count));
            running.push_back(std::make_unique<QProcess>());
            running.back()->setProcessEnvironment(env);
            running.back()->start(QStringLiteral(HEADROOM_EXE), shardArgs(i, count, parts.last(), barDir));
        }
        for (auto& p : running) {
            EXPECT_TRUE(p->waitForFinished(180000));
            EXPECT_EQ(p->exitCode(), 0) << p->readAllStandardError().toStdString();
        }
        return parts;
    }
    CliRun merge(const QStringList& parts) const
    {
        return cli.run(QStringList{QStringLiteral("recommend"), QStringLiteral("--merge"), QStringLiteral("--json")} << parts);
    }
    // A bar directory holding one real bar of this sweep: the whole sweep as one shard publishes
    // the winner's cost. Returns the bar file.
    QString realBar(const QString& barDir) const
    {
        const CliRun r = cli.run(shardArgs(0, 1, part(QStringLiteral("whole.json")), barDir));
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QString bar = QDir(barDir).filePath(QStringLiteral("bar-0-of-1.json"));
        EXPECT_TRUE(QFile::exists(bar));
        return bar;
    }

    QString scenario;
    CliRun single;
};

TEST_F(RecommendShardsSharedBar, ShardsSharingTheBarAtOnceMergeToTheSingleMachineAnswer)
{
    for (const int count : {3, 7}) {
        SCOPED_TRACE(count);
        const QString bars = dir.filePath(QStringLiteral("bars-%1").arg(count));
        const QStringList parts = concurrentShards(count, bars);
        const CliRun merged = merge(parts);
        ASSERT_EQ(merged.exitCode, 0) << merged.err.toStdString();
        EXPECT_EQ(withoutElapsed(merged.out).toStdString(), withoutElapsed(single.out).toStdString());
        // Some shard confirmed a configuration that meets the SLO and told the others.
        const QStringList files = QDir(bars).entryList({QStringLiteral("bar-*-of-%1.json").arg(count)}, QDir::Files);
        ASSERT_FALSE(files.isEmpty());
        double confirmed = 0;
        for (const QString& name : files) {
            const QJsonObject bar = readJson(QDir(bars).filePath(name));
            EXPECT_EQ(bar.value(QStringLiteral("format")).toString(), QStringLiteral("headroom.recommend-bar/1"));
            confirmed = std::max(confirmed, bar.value(QStringLiteral("confirmed_usd_per_month")).toDouble());
        }
        EXPECT_GT(confirmed, 0);
    }
}

TEST_F(RecommendShardsSharedBar, ALowPublishedBarSkipsConfirmationsAndTheMergeStillAgrees)
{
    // Without a bar, the shard of a 2-way split with the most full-length runs.
    const QStringList plain{part(QStringLiteral("plain-0.json")), part(QStringLiteral("plain-1.json"))};
    for (int i = 0; i < 2; ++i) {
        const CliRun r = cli.run(shardArgs(i, 2, plain[i], {}));
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    const int k = fullAndShort(plain[0]).first >= fullAndShort(plain[1]).first ? 0 : 1;
    const auto [fullAlone, shortAlone] = fullAndShort(plain[k]);
    ASSERT_GT(fullAlone, 0);

    // Another shard has confirmed a cost below any fleet's floor: nothing here can beat it.
    const QString bars = dir.filePath(QStringLiteral("bars"));
    const QString bar = realBar(bars);
    QJsonObject low = readJson(bar);
    ASSERT_TRUE(low.contains(QStringLiteral("confirmed_usd_per_month")));
    low.insert(QStringLiteral("confirmed_usd_per_month"), 1.0);
    writeJson(bar, low);
    const QString barred = part(QStringLiteral("barred.json"));
    const CliRun r = cli.run(shardArgs(k, 2, barred, bars));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("cost bar shared in")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("lowest confirmed cost $1.00/month at the start")) << r.err.toStdString();
    const auto [fullBarred, shortBarred] = fullAndShort(barred);
    EXPECT_EQ(fullBarred, 0) << "without the bar: " << fullAlone;
    // A confirmed cost is a bar for the short windows too: so low, it rules every type out.
    EXPECT_LE(shortBarred, shortAlone);

    // The merge replays the decisions with the whole sweep's own bars and runs what was skipped.
    const CliRun merged = merge({plain[1 - k], barred});
    ASSERT_EQ(merged.exitCode, 0) << merged.err.toStdString();
    EXPECT_EQ(withoutElapsed(merged.out).toStdString(), withoutElapsed(single.out).toStdString());
    static const QRegularExpression simulatedHere(QStringLiteral("(\\d+) simulated here"));
    const QRegularExpressionMatch m = simulatedHere.match(QString::fromUtf8(merged.err));
    ASSERT_TRUE(m.hasMatch()) << merged.err.toStdString();
    EXPECT_GT(m.captured(1).toInt(), 0);
}

TEST_F(RecommendShardsSharedBar, BarFilesThatAreNotThisSweepsAreRefusedNamingTheFile)
{
    const QString bars = dir.filePath(QStringLiteral("bars"));
    const QJsonObject good = readJson(realBar(bars));
    const QString bad = QDir(bars).filePath(QStringLiteral("bar-1-of-2.json"));
    const QString out = part(QStringLiteral("refused.json"));
    auto refused = [&](const QString& where, const QString& what) {
        const CliRun r = cli.run(shardArgs(0, 2, out, bars));
        EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(where.toUtf8())) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(what.toUtf8())) << r.err.toStdString();
        // Refused before any simulation, not after it.
        EXPECT_FALSE(QFile::exists(out));
    };
    write(QStringLiteral("bars/bar-1-of-2.json"), "{\"format\": \"headroom.recommend-bar/1\", ");
    refused(bad + QStringLiteral(": byte"), QStringLiteral("not a bar file (expected a JSON object of format"));

    QJsonObject other = good;
    other.insert(QStringLiteral("format"), QStringLiteral("headroom.recommend-part/1"));
    writeJson(bad, other);
    refused(bad + QStringLiteral(": $.format"), QStringLiteral("expected \"headroom.recommend-bar/1\", got \"headroom.recommend-part/1\""));

    // The bar of the same scenario with another seed: another sweep.
    QByteArray reseeded = kScenario;
    reseeded.replace("\"seed\":5", "\"seed\":6");
    const QString otherBars = dir.filePath(QStringLiteral("other-bars"));
    const CliRun r = cli.run(QStringList{QStringLiteral("recommend"), write(QStringLiteral("other.json"), reseeded), QStringLiteral("-w"),
                                         workspace(), QStringLiteral("--shard"), QStringLiteral("0/1"), QStringLiteral("--out"),
                                         part(QStringLiteral("other.json.part")), QStringLiteral("--bar-dir"), otherBars}
                             << kTypes);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_TRUE(QFile::copy(QDir(otherBars).filePath(QStringLiteral("bar-0-of-1.json")), bad + QStringLiteral(".copy")));
    QFile::remove(bad);
    QFile::rename(bad + QStringLiteral(".copy"), bad);
    refused(bad + QStringLiteral(": $.sweep_sha256"),
            QStringLiteral("expected this sweep's %1").arg(good.value(QStringLiteral("sweep_sha256")).toString().left(12)));

    QJsonObject negative = good;
    negative.insert(QStringLiteral("short_window_usd_per_month"), -5);
    writeJson(bad, negative);
    refused(bad + QStringLiteral(": $.short_window_usd_per_month"), QStringLiteral("expected a cost per month > 0 (a number), got -5"));
    QJsonObject costless = good;
    costless.remove(QStringLiteral("short_window_usd_per_month"));
    costless.remove(QStringLiteral("confirmed_usd_per_month"));
    writeJson(bad, costless);
    refused(bad + QStringLiteral(": $"), QStringLiteral("expected $.short_window_usd_per_month or $.confirmed_usd_per_month"));

    // A file still being written (the temporary name before the rename) is not a bar yet.
    ASSERT_TRUE(QFile::rename(bad, bad + QStringLiteral(".a1B2c3")));
    const CliRun accepted = cli.run(shardArgs(0, 2, out, bars));
    EXPECT_EQ(accepted.exitCode, 0) << accepted.err.toStdString();

    // Only shards share a bar: one process has the whole sweep's, a merge decides with its own.
    const CliRun alone = cli.run(QStringList{QStringLiteral("recommend"), scenario, QStringLiteral("-w"), workspace(),
                                             QStringLiteral("--bar-dir"), bars});
    EXPECT_EQ(alone.exitCode, 2);
    EXPECT_TRUE(alone.err.contains("--bar-dir DIR is for shards")) << alone.err.toStdString();
    const CliRun merging = cli.run({QStringLiteral("recommend"), QStringLiteral("--merge"), out, QStringLiteral("--bar-dir"), bars});
    EXPECT_EQ(merging.exitCode, 2);
    EXPECT_TRUE(merging.err.contains("--merge takes part files only: --bar-dir")) << merging.err.toStdString();
}

}  // namespace
