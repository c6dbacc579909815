// A dataset's name does not depend on the machine's load. importBytes hashes a file while it
// parses it; whether the hash is done by the time the result is stored (a quiet machine) or not
// (a busy one) chooses between two ways of storing it, and the second once forgot the importer's
// title: an Azure partition file came out as "unit=Events Per Second.csv" now and then.
#include "import/import_service.h"
#include "store/dataset_repository.h"
#include "support/temp_workspace.h"

#include <QPromise>
#include <chrono>
#include <thread>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

ImportResult partitionResult()
{
    ImportResult r;
    r.format = QStringLiteral("hive-partition");
    r.title = QStringLiteral("Sysbench · Test: CPU · short · eastus · D8s v5 (Events Per Second)");
    r.addMeasurement(QStringLiteral("cpu.events_per_s"), 1234.5, QStringLiteral("events/s"));
    return r;
}

ImportRequest partitionRequest()
{
    ImportRequest request;
    request.path = QStringLiteral("/nowhere/vm_sku=D8s_v5/unit=Events Per Second.csv");
    return request;
}

TEST(ImportNaming, ATitleNamesTheDatasetWhileItsHashIsStillBeingComputed)
{
    test::TempWorkspace ws;
    QPromise<QString> hash;
    hash.start();
    QFuture<QString> pending = hash.future();
    // The hash ends a moment after the store has begun: the store takes the pending path.
    std::thread hasher([&hash] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        hash.addResult(QString(64, QLatin1Char('a')));
        hash.finish();
    });
    ASSERT_FALSE(pending.isFinished());
    const ImportOutcome outcome = storeResultWhileHashing(ws.ws(), partitionResult(), pending, partitionRequest());
    hasher.join();
    ASSERT_GT(outcome.datasetId, 0);
    const QVector<DatasetSummary> datasets = listDatasets(ws.ws());
    ASSERT_EQ(datasets.size(), 1);
    EXPECT_EQ(datasets[0].name, partitionResult().title);
    EXPECT_EQ(datasets[0].sha256, QString(64, QLatin1Char('a')));
}

TEST(ImportNaming, ATitleNamesTheDatasetWhenItsHashIsDone)
{
    test::TempWorkspace ws;
    const ImportOutcome outcome = storeResult(ws.ws(), partitionResult(), "the bytes", partitionRequest());
    ASSERT_GT(outcome.datasetId, 0);
    const QVector<DatasetSummary> datasets = listDatasets(ws.ws());
    ASSERT_EQ(datasets.size(), 1);
    EXPECT_EQ(datasets[0].name, partitionResult().title);
}

}  // namespace
