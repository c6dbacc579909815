#include "core/errors.h"
#include "import/hive_partition_importer.h"
#include "import/import_paths.h"
#include "import/import_service.h"
#include "import/importer_registry.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

#define B8MS_SHORT_CPU \
    "azure-vm-noise-2024/test_suite=Sysbench/test_name=Test:_CPU/vm_lifespan=short/vm_region=eastus/vm_sku=B8ms/" \
    "unit=Events Per Second.csv"

ImportResult parseText(const QByteArray& text, const QString& name)
{
    QBuffer b;
    b.setData(text);
    b.open(QIODevice::ReadOnly);
    ImportContext c;
    c.fileName = name;
    return HivePartitionImporter().parse(b, c);
}

}  // namespace

// One short-lived B8ms partition: every CSV row a measurement on its own VM, the partition's
// SKU as the dataset's instance type, the licence and attribution kept with the dataset.
TEST(HivePartitionImport, AzureCpuPartitionBecomesOneDatasetOfNodes)
{
    HEADROOM_FIXTURE(path, B8MS_SHORT_CPU);
    const QList<QByteArray> lines = test::readFile(path).trimmed().split('\n');
    const QList<QByteArray> first = lines[1].trimmed().split(',');
    test::TempWorkspace tw;
    ImportRequest req;
    req.path = path;
    const ImportOutcome o = importFile(tw.ws(), req);
    EXPECT_EQ(o.format, QStringLiteral("hive-partition"));
    EXPECT_EQ(o.measurements, lines.size() - 1);
    QSqlQuery d = sql::exec(tw.ws().database(), QStringLiteral("SELECT instance_type_key, provider, labels, name FROM dataset WHERE id = ?"), {o.datasetId});
    ASSERT_TRUE(d.next());
    // Named by its partition keys, not "unit=Events Per Second.csv" like every file of the tree.
    EXPECT_EQ(d.value(3).toString(), QStringLiteral("Sysbench · Test: CPU · short · eastus · B8ms (Events Per Second)"));
    EXPECT_EQ(d.value(0).toString(), QStringLiteral("azure/B8ms"));
    EXPECT_EQ(d.value(1).toString(), QStringLiteral("azure"));
    const QJsonObject labels = QJsonDocument::fromJson(d.value(2).toString().toUtf8()).object();
    EXPECT_EQ(labels.value(QStringLiteral("licence")).toString(), QStringLiteral("CC BY 4.0"));
    EXPECT_TRUE(labels.value(QStringLiteral("attribution")).toString().contains(QStringLiteral("TUNA")));
    EXPECT_EQ(labels.value(QStringLiteral("vm_lifespan")).toString(), QStringLiteral("short"));
    EXPECT_EQ(labels.value(QStringLiteral("nodes")).toInt(), lines.size() - 1);  // one run per short-lived VM
    QSqlQuery m = sql::exec(tw.ws().database(), QStringLiteral("SELECT node, metric, value, unit, labels FROM measurement "
                                                               "WHERE dataset_id = ? ORDER BY id LIMIT 1"), {o.datasetId});
    ASSERT_TRUE(m.next());
    EXPECT_EQ(m.value(0).toString(), QStringLiteral("short-eastus-") + QString::fromUtf8(first[3]));
    EXPECT_EQ(m.value(1).toString(), QStringLiteral("cpu.events_per_s"));
    EXPECT_DOUBLE_EQ(m.value(2).toDouble(), first[0].toDouble());
    EXPECT_EQ(m.value(3).toString(), QStringLiteral("Events Per Second"));
    const QJsonObject own = QJsonDocument::fromJson(m.value(4).toString().toUtf8()).object();
    const QDateTime start = QDateTime::fromString(QString::fromUtf8(first[2]), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    EXPECT_NEAR(own.value(QStringLiteral("t")).toDouble(), double(QDateTime(start.date(), start.time(), Qt::UTC).toMSecsSinceEpoch()) / 1000, 1e-3);
    EXPECT_DOUBLE_EQ(own.value(QStringLiteral("runtime_s")).toDouble(), first[1].toDouble());
    // The same file again is reported, not stored twice.
    EXPECT_TRUE(importFile(tw.ws(), req).duplicate);
}

TEST(HivePartitionImport, EveryTestOfTheCutHasItsCanonicalName)
{
    EXPECT_EQ(hive::metricName(QStringLiteral("Sysbench"), QStringLiteral("Test:_RAM__Memory"), QStringLiteral("MiB_sec")),
              QStringLiteral("mem.mib_per_s"));
    EXPECT_EQ(hive::metricName(QStringLiteral("Flexible_IO_Tester"),
                               QStringLiteral("Type:_Random_Read_-_IO_Engine:_Linux_AIO_-_Buffered:_No_-_Direct:_Yes_-_Block_Size:_8KB_-_Remote_Disk"),
                               QStringLiteral("IOPS")),
              QStringLiteral("disk.read_iops"));
    EXPECT_EQ(hive::metricName(QStringLiteral("Redis"), QStringLiteral("Test:_GET_-_Parallel_Connections:_50"), QStringLiteral("Requests Per Second")),
              QStringLiteral("redis.get_requests_per_s"));
    EXPECT_EQ(hive::metricName(QStringLiteral("PostgreSQL"), QStringLiteral("Scaling_Factor:_25_-_Clients:_25_-_Mode:_Read_Only"), QStringLiteral("TPS")),
              QStringLiteral("db.tps"));
    // An unknown test keeps a name made from suite, test and unit.
    EXPECT_EQ(hive::metricName(QStringLiteral("Cache"), QStringLiteral("L2 read"), QStringLiteral("GB/s")), QStringLiteral("cache.l2_read_gb_s"));
}

TEST(HivePartitionImport, BadCellNamesFileLineAndColumn)
{
    const QString name = QStringLiteral("t/vm_lifespan=long/vm_region=eastus/vm_sku=D8s_v5/unit=TPS.csv");
    try {
        parseText("value,runtime,starttime,VM_id\n1.5,90,2024-01-01 00:00:00.000,0\n2.5,90,yesterday,1\n", name);
        FAIL() << "a bad start time was accepted";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.where().endsWith(QStringLiteral(":3:8"))) << e.text().toStdString();
        EXPECT_TRUE(e.message().contains(QStringLiteral("starttime"))) << e.text().toStdString();
    }
    try {
        parseText("value,runtime,when,VM_id\n1,2,3,4\n", name);
        FAIL() << "a header without starttime was accepted";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("starttime"))) << e.text().toStdString();
    }
    // Long-lived VMs keep their runs on one node per VM id.
    const ImportResult r = parseText("VM_id,value,starttime,runtime\n2,10,2024-01-01 00:00:00,90\n2,11,2024-01-02 00:00:00,90\n", name);
    ASSERT_EQ(r.measurements.size(), 2);
    EXPECT_EQ(r.measurements[1].node, QStringLiteral("long-eastus-2"));
    EXPECT_EQ(r.instanceType, QStringLiteral("azure/D8s_v5"));
    EXPECT_EQ(r.measurements[1].metric, QStringLiteral("run.tps"));
}

// `headroom import DIR` walks the partition tree: the 20 tables, and not the notes beside them.
TEST(HivePartitionImport, FolderWalkFindsEveryTableAndSkipsNotes)
{
    HEADROOM_FIXTURE(source, "azure-vm-noise-2024/SOURCE.txt");
    const ImportPaths p = expandImportPaths({QFileInfo(source).absolutePath()});
    EXPECT_EQ(p.files.size(), 20);
    for (const QString& f : p.files) EXPECT_TRUE(f.endsWith(QStringLiteral(".csv"))) << f.toStdString();
    EXPECT_TRUE(p.skipped.contains(source));
    // Each table is sniffed as this format, not as a generic time series CSV.
    QFile f(p.files.front());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(ImporterRegistry::instance().detect(f.read(65536), QFileInfo(f).fileName())->name(), QStringLiteral("hive-partition"));
}
