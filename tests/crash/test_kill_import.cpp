// SIGKILL during `headroom import` of a million-row file, at seeded random moments: afterwards
// the workspace passes PRAGMA integrity_check, opens, and holds the dataset either completely
// (every row of the file) or not at all.
#include "crash_harness.h"
#include "large_import_input.h"
#include "store/workspace.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

using namespace headroom;
using namespace headroom::crash;

namespace {

constexpr qint64 kCsvRows = 1'000'001;  // 50,001 timestamps × 20 series = 1,000,020 rows
constexpr unsigned kSeed = 20261126;

int trialCount() { return qEnvironmentVariableIsSet("HEADROOM_KILL_TRIALS") ? qEnvironmentVariableIntValue("HEADROOM_KILL_TRIALS") : 20; }

}  // namespace

TEST(KillImport, WorkspaceHoldsAllOrNothingAfterSigkillAtRandomMoments)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString home = dir.filePath(QStringLiteral("home"));
    const LargeImportInput input = writeLargeImportInput(dir.path(), kCsvRows);
    ASSERT_FALSE(input.format.isEmpty()) << "neither `import --format csv` nor `--format fio` works";
    std::cout << "[ input    ] " << input.description.toStdString() << std::endl;

    // A fresh workspace with the shipped catalog, made by the program itself; every trial starts
    // from a copy of it.
    const QString templ = dir.filePath(QStringLiteral("template.headroom"));
    const RunResult made = runHeadroom({QStringLiteral("catalog"), QStringLiteral("-w"), templ, QStringLiteral("--json")}, home);
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();

    // The uninterrupted import: what "complete" means, and how long the kill windows are: the whole
    // run, and the write transaction (from the first bytes in the WAL file to the exit).
    const QString reference = dir.filePath(QStringLiteral("reference.headroom"));
    copyFile(templ, reference);
    const auto importInto = [&](const QString& ws) {
        return QStringList{QStringLiteral("import"), QStringLiteral("-w"), ws, QStringLiteral("--format"), input.format,
                           input.file};
    };
    const RunResult full = runHeadroom(importInto(reference), home, KillPlan{24 * 3600 * 1000, reference + QStringLiteral("-wal")});
    ASSERT_FALSE(full.killed);
    ASSERT_EQ(full.exitCode, 0) << full.err.toStdString();
    ASSERT_GE(full.fileGrewMs, 0) << "the import never wrote to the WAL";
    const StoredCounts complete = storedCounts(reference);
    ASSERT_EQ(complete.datasets, 1);
    if (input.expectedSamples > 0) {
        EXPECT_EQ(complete.samples, input.expectedSamples) << "the import did not store every row of the CSV";
        EXPECT_EQ(complete.series, 4 * 5) << "one series per node and metric";
    } else {
        EXPECT_GT(complete.measurements, 0);
    }
    const int writeMs = int(full.elapsedMs - full.fileGrewMs);
    std::cout << "[ reference] import took " << full.elapsedMs << " ms, of which writing " << writeMs << " ms" << std::endl;

    // Half the trials kill anywhere in the run; the other half while the transaction is being
    // written or committed, where a broken store would show.
    std::mt19937 random(kSeed);
    std::uniform_int_distribution<int> anywhere(20, int(full.elapsedMs * 11 / 10));
    std::uniform_int_distribution<int> whileWriting(0, std::max(1, writeMs * 11 / 10));
    int absent = 0, whole = 0, finished = 0, withWal = 0;
    const QString trialPath = dir.filePath(QStringLiteral("trial.headroom"));
    for (int trial = 0; trial < trialCount(); ++trial) {
        const bool duringWrite = trial % 2 == 1;
        const KillPlan plan = duringWrite ? KillPlan{whileWriting(random), trialPath + QStringLiteral("-wal")}
                                          : KillPlan{anywhere(random), {}};
        SCOPED_TRACE(testing::Message() << "trial " << trial << " (seed " << kSeed << "), kill " << plan.afterMs << " ms after "
                                        << (duringWrite ? "the WAL grew" : "the start"));
        copyFile(templ, trialPath);
        const RunResult r = runHeadroom(importInto(trialPath), home, plan);
        if (!r.killed) {
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
            ++finished;
        }
        if (QFileInfo(trialPath + QStringLiteral("-wal")).size() > 0) ++withWal;

        ASSERT_EQ(integrityCheck(trialPath), QStringLiteral("ok"));
        EXPECT_NO_THROW(Workspace::open(trialPath, Workspace::Create::Never));
        const StoredCounts after = storedCounts(trialPath);
        if (after.datasets == 0) {
            EXPECT_EQ(after, StoredCounts{}) << "rows left behind by an import that never committed";
            EXPECT_TRUE(r.killed) << "an import that exited normally stored nothing";
            ++absent;
        } else {
            EXPECT_EQ(after, complete) << "a partial dataset";
            ++whole;
        }
    }
    std::cout << "[ survived ] " << trialCount() << " kill trials: " << absent << " without the dataset, " << whole
              << " with it complete (" << finished << " finished before the kill), " << withWal
              << " left a WAL file to recover" << std::endl;
    RecordProperty("kill_trials", trialCount());
    EXPECT_EQ(absent + whole, trialCount());
}
