// Two headroom processes importing into one workspace at the same moment: each either succeeds
// or fails with a clear "headroom: error: …" message; the file is never corrupt and never holds
// part of a dataset.
#include "crash_harness.h"
#include "large_import_input.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <iostream>

using namespace headroom::crash;

namespace {

constexpr qint64 kRows = 200'000;

struct Outcome {
    int exitCode = -1;
    QByteArray err;
};

// Starts both imports before waiting for either, so their transactions overlap.
std::pair<Outcome, Outcome> importTogether(const QString& workspace, const LargeImportInput& a,
                                           const LargeImportInput& b, const QString& home)
{
    QProcess pa, pb;
    for (QProcess* p : {&pa, &pb}) p->setProcessEnvironment(isolatedEnvironment(home));
    pa.start(headroomExe(), {QStringLiteral("import"), QStringLiteral("-w"), workspace, QStringLiteral("--format"), a.format, a.file});
    pb.start(headroomExe(), {QStringLiteral("import"), QStringLiteral("-w"), workspace, QStringLiteral("--format"), b.format, b.file});
    std::pair<Outcome, Outcome> out;
    for (auto [p, o] : {std::pair{&pa, &out.first}, std::pair{&pb, &out.second}}) {
        EXPECT_TRUE(p->waitForFinished(300000)) << "an import did not finish";
        EXPECT_EQ(p->exitStatus(), QProcess::NormalExit) << "an import crashed";
        o->exitCode = p->exitCode();
        o->err = p->readAllStandardError();
    }
    return out;
}

void expectSuccessOrClearFailure(const Outcome& o, const LargeImportInput& in)
{
    if (o.exitCode == 0) return;
    EXPECT_EQ(o.exitCode, 1) << "a busy workspace is a run-time failure (exit 1): " << o.err.toStdString();
    EXPECT_TRUE(o.err.startsWith("headroom: error: ")) << o.err.toStdString();
    EXPECT_GT(o.err.trimmed().size(), qsizetype(sizeof("headroom: error: ") + 10)) << "no reason given";
    std::cout << "[ refused  ] " << QFileInfo(in.file).fileName().toStdString() << ": " << o.err.trimmed().toStdString() << std::endl;
}

// Every dataset in the file is whole: as many samples as the CSV has rows.
void expectWholeDatasets(const QString& workspace, const std::vector<std::pair<LargeImportInput, Outcome>>& runs)
{
    ASSERT_EQ(integrityCheck(workspace), QStringLiteral("ok"));
    const std::vector<DatasetRows> stored = datasetRows(workspace);
    for (const auto& [in, outcome] : runs) {
        const QString name = QFileInfo(in.file).fileName();
        const auto it = std::find_if(stored.begin(), stored.end(), [&](const DatasetRows& d) { return d.name == name; });
        if (outcome.exitCode == 0) {
            ASSERT_NE(it, stored.end()) << name.toStdString() << " reported success but is not stored";
            if (in.expectedSamples > 0) EXPECT_EQ(it->samples, in.expectedSamples) << name.toStdString();
            else EXPECT_GT(it->measurements, 0) << name.toStdString();
        } else {
            EXPECT_EQ(it, stored.end()) << name.toStdString() << " failed but left a dataset behind";
        }
    }
    EXPECT_EQ(storedCounts(workspace).datasets, qint64(stored.size()));
}

}  // namespace

TEST(ConcurrentImport, TwoProcessesOnOneExistingWorkspace)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const LargeImportInput a = writeLargeImportInput(dir.path(), kRows, 1);
    const LargeImportInput b = writeLargeImportInput(dir.path(), kRows, 2);
    ASSERT_FALSE(a.format.isEmpty()) << "neither `import --format csv` nor `--format fio` works";
    const QString workspace = dir.filePath(QStringLiteral("shared.headroom"));
    ASSERT_EQ(runHeadroom({QStringLiteral("catalog"), QStringLiteral("-w"), workspace, QStringLiteral("--json")}, home).exitCode, 0);

    const auto [oa, ob] = importTogether(workspace, a, b, home);
    expectSuccessOrClearFailure(oa, a);
    expectSuccessOrClearFailure(ob, b);
    expectWholeDatasets(workspace, {{a, oa}, {b, ob}});
}

TEST(ConcurrentImport, TwoProcessesCreatingTheSameNewWorkspace)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const LargeImportInput a = writeLargeImportInput(dir.path(), kRows / 10, 3);
    const LargeImportInput b = writeLargeImportInput(dir.path(), kRows / 10, 4);
    ASSERT_FALSE(a.format.isEmpty()) << "neither `import --format csv` nor `--format fio` works";
    // Several rounds: the race between creating the schema and seeding the catalog is narrow.
    for (int round = 0; round < 5; ++round) {
        SCOPED_TRACE(testing::Message() << "round " << round);
        const QString workspace = dir.filePath(QStringLiteral("new-%1.headroom").arg(round));
        const auto [oa, ob] = importTogether(workspace, a, b, home);
        expectSuccessOrClearFailure(oa, a);
        expectSuccessOrClearFailure(ob, b);
        expectWholeDatasets(workspace, {{a, oa}, {b, ob}});
    }
}
