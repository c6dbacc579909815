// SIGKILL while `headroom` opens a large version-1 workspace and migrates it (backup by
// VACUUM INTO, then one transaction per step): the file is always at a whole schema version with
// all its data, and opens afterwards.
#include "crash_harness.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

using namespace headroom;
using namespace headroom::crash;

namespace {

constexpr unsigned kSeed = 8;
constexpr int kMeasurements = 200'000;  // the v2 step indexes measurement(metric): takes a while
constexpr int kSamples = 500'000;     // makes the backup copy take a while

// A version-1 workspace as the first release wrote it (rollback journal, no setting table),
// holding one dataset with many measurements and samples.
void writeVersionOneWorkspace(const QString& path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1-writer"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Workspace::kApplicationId));
        migrations::apply(db, 0, 1);
        Transaction tx(db);
        sql::exec(db, QStringLiteral("INSERT INTO dataset(id, name, format, source, sha256, imported_at) "
                                     "VALUES(1, 'old.csv', 'csv', '/data/old.csv', 'f00d', '2025-01-01T00:00:00Z')"));
        sql::exec(db, QStringLiteral("INSERT INTO series(id, dataset_id, node, metric) VALUES(1, 1, 'node-0', 'cpu.util_pct')"));
        QSqlQuery m(db);
        m.prepare(QStringLiteral("INSERT INTO measurement(dataset_id, node, metric, value) VALUES(1, ?, ?, ?)"));
        for (int i = 0; i < kMeasurements; ++i) {
            m.bindValue(0, QStringLiteral("node-%1").arg(i % 16));
            m.bindValue(1, QStringLiteral("bench.metric_%1").arg(i % 97));
            m.bindValue(2, double(i) / 7.0);
            ASSERT_TRUE(m.exec());
        }
        QSqlQuery s(db);
        s.prepare(QStringLiteral("INSERT INTO sample(series_id, t, value) VALUES(1, ?, ?)"));
        for (int i = 0; i < kSamples; ++i) {
            s.bindValue(0, 1764115200.0 + i);
            s.bindValue(1, double(i % 1000) / 10.0);
            ASSERT_TRUE(s.exec());
        }
        tx.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1-writer"));
}

int trialCount() { return qEnvironmentVariableIsSet("HEADROOM_KILL_TRIALS") ? qEnvironmentVariableIntValue("HEADROOM_KILL_TRIALS") : 20; }

}  // namespace

TEST(KillMigration, FileStaysAtAWholeVersionWithItsDataAfterSigkillAtRandomMoments)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString templ = dir.filePath(QStringLiteral("v1.headroom"));
    writeVersionOneWorkspace(templ);
    ASSERT_EQ(userVersion(templ), 1);
    const StoredCounts original = storedCounts(templ);
    ASSERT_EQ(original.measurements, kMeasurements);
    ASSERT_EQ(original.samples, kSamples);

    // The uninterrupted migration, for the length of the kill windows: the whole run, and the part
    // from the first bytes of the backup (VACUUM INTO) to the exit, where the steps commit.
    const QString reference = dir.filePath(QStringLiteral("reference.headroom"));
    copyFile(templ, reference);
    const QStringList open = {QStringLiteral("datasets"), QStringLiteral("--json"), QStringLiteral("-w")};
    const RunResult full = runHeadroom(open + QStringList{reference}, home,
                                       KillPlan{24 * 3600 * 1000, reference + QStringLiteral(".v1.bak")});
    ASSERT_FALSE(full.killed);
    ASSERT_EQ(full.exitCode, 0) << full.err.toStdString();
    ASSERT_EQ(userVersion(reference), migrations::latestVersion());
    ASSERT_EQ(storedCounts(reference), original);
    ASSERT_TRUE(QFile::exists(reference + QStringLiteral(".v1.bak")));
    ASSERT_GE(full.fileGrewMs, 0);
    const int migrateMs = int(full.elapsedMs - full.fileGrewMs);
    std::cout << "[ reference] open + migration took " << full.elapsedMs << " ms, " << migrateMs
              << " ms of it from the backup's first bytes" << std::endl;

    // Half the trials kill anywhere; the other half once the backup is being written.
    std::mt19937 random(kSeed);
    std::uniform_int_distribution<int> anywhere(20, int(full.elapsedMs * 11 / 10));
    std::uniform_int_distribution<int> whileMigrating(0, std::max(1, migrateMs * 11 / 10));
    int stillOld = 0, migrated = 0;
    const QString trialPath = dir.filePath(QStringLiteral("trial.headroom"));
    for (int trial = 0; trial < trialCount(); ++trial) {
        const bool duringMigration = trial % 2 == 1;
        const KillPlan plan = duringMigration ? KillPlan{whileMigrating(random), trialPath + QStringLiteral(".v1.bak")}
                                              : KillPlan{anywhere(random), {}};
        SCOPED_TRACE(testing::Message() << "trial " << trial << " (seed " << kSeed << "), kill " << plan.afterMs << " ms after "
                                        << (duringMigration ? "the backup began" : "the start"));
        copyFile(templ, trialPath);
        QFile::remove(trialPath + QStringLiteral(".v1.bak"));
        const RunResult r = runHeadroom(open + QStringList{trialPath}, home, plan);
        if (!r.killed) {
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        }

        ASSERT_EQ(integrityCheck(trialPath), QStringLiteral("ok")) ;
        const int version = userVersion(trialPath);
        // Each step commits on its own, so a kill between steps leaves a whole intermediate version.
        EXPECT_TRUE(version >= 1 && version <= migrations::latestVersion()) << "version " << version;
        // A whole version: the v2 table exists exactly when user_version says 2.
        EXPECT_EQ(hasTable(trialPath, QStringLiteral("setting")), version >= 2);
        EXPECT_EQ(storedCounts(trialPath), original) << "data lost";
        (version == 1 ? stillOld : migrated)++;

        // Opening again finishes the job, whatever state the backup was left in.
        std::unique_ptr<Workspace> ws;
        EXPECT_NO_THROW(ws = Workspace::open(trialPath, Workspace::Create::Never));
        if (ws) {
            EXPECT_EQ(ws->schemaVersion(), migrations::latestVersion());
        }
        ws.reset();
        EXPECT_EQ(storedCounts(trialPath), original);
    }
    std::cout << "[ survived ] " << trialCount() << " kill trials: " << stillOld << " still at version 1, " << migrated
              << " migrated" << std::endl;
}
