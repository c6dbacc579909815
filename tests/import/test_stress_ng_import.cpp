// The stress-ng importer on Spare Cores' raw outputs (../shared/fixtures/stress-ng/, the runs
// behind data/catalog/cpu_scores.csv): every imported figure equals what stress-ng printed, and
// a user's own run replaces the shipped score of the type it was run on.
#include "benchmark_parse.h"
#include "catalog/catalog.h"
#include "catalog/catalog_files.h"
#include "catalog/cpu_scores.h"
#include "import/import_service.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QDir>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

namespace {

// The "bogo ops/s (real time)" column of the cpu row, read off the text with nothing but a split.
double printedCpuRate(const QString& path)
{
    for (const QByteArray& line : readFile(path).split('\n')) {
        if (!line.contains("] cpu ")) continue;
        const QList<QByteArray> words = line.simplified().split(' ');
        // stress-ng: metrc: [1] cpu  bogo-ops real usr sys  real-rate …
        return words.value(8).toDouble();
    }
    return -1;
}

}  // namespace

TEST(StressNgImport, EveryFixtureImportsExactlyWhatStressNgPrinted)
{
    HEADROOM_FIXTURE(root, "stress-ng/SOURCE.txt");
    const QDir dir = QFileInfo(root).dir();
    const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ASSERT_EQ(folders.size(), 54);
    const Catalog catalog = Catalog::shipped();
    for (const QString& folder : folders) {
        SCOPED_TRACE(folder.toStdString());
        const QString key = folder.section(QLatin1Char('_'), 0, 0) + QLatin1Char('/') + folder.section(QLatin1Char('_'), 1);
        const auto type = catalog.find(key);
        ASSERT_TRUE(type.has_value()) << key.toStdString();
        const QString singlePath = dir.filePath(folder + QStringLiteral("/stressngsinglecore.stdout"));
        const QString allPath = dir.filePath(folder + QStringLiteral("/stressng.stdout"));
        EXPECT_EQ(detectedImporter(singlePath), QStringLiteral("stress-ng"));
        const ImportResult single = parseWith(QStringLiteral("stress-ng"), singlePath);
        const ImportResult all = parseWith(QStringLiteral("stress-ng"), allPath);
        const Measurement* s = findMeasurement(single, cpuBogoOpsMetric(), QStringLiteral("instances"), 1);
        const Measurement* a = findMeasurement(all, cpuBogoOpsMetric(), QStringLiteral("instances"), type->vcpu);
        ASSERT_NE(s, nullptr);
        ASSERT_NE(a, nullptr) << "no cpu row with " << type->vcpu << " instances";
        EXPECT_EQ(s->value, printedCpuRate(singlePath));
        EXPECT_EQ(a->value, printedCpuRate(allPath));
        EXPECT_EQ(single.metrics.value(cpuBogoOpsMetric()), s->value);
        // The shipped catalog holds the same runs.
        EXPECT_EQ(type->cpuScore, s->value);
        EXPECT_EQ(type->cpuScoreAllCores, a->value);
        EXPECT_TRUE(single.warnings.isEmpty()) << single.warnings.front().message.toStdString();
    }
}

TEST(StressNgImport, SeveralRunsAreLabelledAndGiveNoHeadline)
{
    // Two runs one after the other, as a script that loops over stress-ng leaves them.
    const QByteArray run1 =
        "stress-ng: info:  [27983] dispatching hogs: 2 cpu\n"
        "stress-ng: metrc: [27983] stressor       bogo ops real time  usr time  sys time   bogo ops/s     bogo ops/s\n"
        "stress-ng: metrc: [27983]                           (secs)    (secs)    (secs)   (real time) (usr+sys time)\n"
        "stress-ng: metrc: [27983] cpu              316398     60.00    119.79      0.20      5273.21        2636.90\n"
        "stress-ng: info:  [27983] passed: 2: cpu (2)\n"
        "stress-ng: info:  [27983] metrics untrustworthy: 1\n";
    const QByteArray run2 =
        "stress-ng: metrc: [1406] stressor       bogo ops real time  usr time  sys time   bogo ops/s     bogo ops/s\n"
        "stress-ng: metrc: [1406]                           (secs)    (secs)    (secs)   (real time) (usr+sys time)\n"
        "stress-ng: metrc: [1406] cpu               28264     60.01     59.88      0.01       470.97         471.99\n"
        "stress-ng: info:  [1406] passed: 1: cpu (1)\n";
    const ImportResult r = parseBytesWith(QStringLiteral("stress-ng"), run1 + run2);
    EXPECT_TRUE(r.metrics.isEmpty());
    EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), 2);
    const Measurement* first = findMeasurement(r, cpuBogoOpsMetric(), QStringLiteral("run"), 0);
    const Measurement* second = findMeasurement(r, cpuBogoOpsMetric(), QStringLiteral("run"), 1);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->value, 5273.21);
    EXPECT_EQ(first->labels.value(QStringLiteral("instances")).toInt(), 2);
    EXPECT_EQ(second->value, 470.97);
    EXPECT_EQ(second->labels.value(QStringLiteral("instances")).toInt(), 1);  // from its "passed:" line
    bool untrustworthy = false;
    for (const ImportWarning& w : r.warnings) untrustworthy |= w.message.contains(QStringLiteral("untrustworthy"));
    EXPECT_TRUE(untrustworthy);
}

TEST(StressNgImport, BriefLogsWithoutPrefixAndMissingTablesAreHandled)
{
    // --log-brief: no "stress-ng:" prefix at all.
    const QByteArray brief = "dispatching hogs: 40 cpu\n"
                             "stressor       bogo ops real time  usr time  sys time   bogo ops/s     bogo ops/s\n"
                             "                          (secs)    (secs)    (secs)   (real time) (usr+sys time)\n"
                             "cpu             2096887     60.00   2212.41      0.35     34947.11         947.63\n";
    const ImportResult r = parseBytesWith(QStringLiteral("stress-ng"), brief);
    EXPECT_EQ(r.metrics.value(cpuBogoOpsMetric()), 34947.11);
    EXPECT_EQ(findMeasurement(r, cpuBogoOpsMetric())->labels.value(QStringLiteral("instances")).toInt(), 40);
    // Output without --metrics has no table: an error that says what to run.
    const auto e = inputErrorOf(QStringLiteral("stress-ng"), "stress-ng: info:  [1] dispatching hogs: 2 cpu\n"
                                                             "stress-ng: info:  [1] successful run completed in 20.00 secs\n",
                                QStringLiteral("run.txt"));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->where(), QStringLiteral("run.txt"));
    EXPECT_TRUE(e->message().contains(QStringLiteral("--metrics")));
}

TEST(StressNgImport, AUsersRunReplacesTheShippedScoreOfItsType)
{
    HEADROOM_FIXTURE(single, "stress-ng/aws_c7g.large/stressngsinglecore.stdout");
    HEADROOM_FIXTURE(all, "stress-ng/aws_c7g.large/stressng.stdout");
    TempWorkspace tw;
    // The c7g.large runs, imported as if measured on a c6i.large: the catalog then gives the
    // c6i.large exactly what was imported.
    for (const QString& path : {single, all}) {
        ImportRequest request;
        request.path = path;
        request.instanceType = QStringLiteral("aws/c6i.large");
        importFile(tw.ws(), request);
    }
    const InstanceType c6i = *Catalog::load(tw.ws()).find(QStringLiteral("aws/c6i.large"));
    EXPECT_EQ(c6i.cpuScore, printedCpuRate(single));
    EXPECT_EQ(c6i.cpuScoreAllCores, printedCpuRate(all));
    EXPECT_EQ(c6i.cpuScoreOrigin, InstanceType::CpuScoreOrigin::Workspace);
    EXPECT_TRUE(c6i.cpuScoreSource.contains(QStringLiteral("stressngsinglecore"))) << c6i.cpuScoreSource.toStdString();
}
