// CPU scores in the catalog: the shipped stress-ng figures (data/catalog/cpu_scores.csv, from
// ../shared/data/cpu-scores.csv), the file's errors, and the workspace's own runs overriding them.
#include "catalog/catalog.h"
#include "catalog/catalog_files.h"
#include "catalog/cpu_scores.h"
#include "core/errors.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

InstanceType shipped(const char* key)
{
    const auto t = Catalog::shipped().find(QString::fromLatin1(key));
    EXPECT_TRUE(t.has_value()) << key;
    return t.value_or(InstanceType{});
}

// A stress-ng measurement in the workspace, as the importer stores it.
void addRun(Workspace& ws, const QString& type, int instances, double bogoOpsPerS, const QString& name)
{
    const QSqlDatabase db = ws.database();
    const QVariant id = sql::exec(db, QStringLiteral(
        "INSERT INTO dataset(name, format, source, sha256, imported_at, instance_type_key) VALUES(?, 'stress-ng', ?, ?, "
        "'2026-01-01T00:00:00Z', ?)"), {name, name, name, type}).lastInsertId();
    sql::exec(db, QStringLiteral("INSERT INTO measurement(dataset_id, metric, value, labels) VALUES(?, ?, ?, ?)"),
              {id, cpuBogoOpsMetric(), bogoOpsPerS,
               QStringLiteral("{\"stressor\":\"cpu\",\"instances\":%1}").arg(instances)});
}

}  // namespace

TEST(CpuScores, ShippedFiguresAreThoseOfTheSpareCoresRuns)
{
    // The figures of ../shared/data/cpu-scores.csv, exactly.
    const InstanceType c6i = shipped("aws/c6i.large");
    EXPECT_DOUBLE_EQ(c6i.cpuScore, 1879.34);
    EXPECT_DOUBLE_EQ(c6i.cpuScoreAllCores, 1918.44);  // two hyper-threads of one core
    const InstanceType c7g = shipped("aws/c7g.large");
    EXPECT_DOUBLE_EQ(c7g.cpuScore, 1532.29);
    EXPECT_DOUBLE_EQ(c7g.cpuScoreAllCores, 3041.99);  // two Graviton cores
    const InstanceType t3 = shipped("aws/t3.micro");
    EXPECT_DOUBLE_EQ(t3.cpuScore, 961.83);
    EXPECT_DOUBLE_EQ(t3.cpuScoreAllCores, 1350.68);
    const InstanceType cx22 = shipped("hetzner/CX22");
    EXPECT_DOUBLE_EQ(cx22.cpuScore, 1136.43);
    EXPECT_DOUBLE_EQ(cx22.cpuScoreAllCores, 2201.68);
    EXPECT_EQ(c6i.cpuScoreOrigin, InstanceType::CpuScoreOrigin::Shipped);
    EXPECT_TRUE(c6i.cpuScoreSource.contains(QStringLiteral("stress-ng 0.17.08")));
    EXPECT_TRUE(c6i.cpuScoreSource.contains(QStringLiteral("2024-06-13")));
    EXPECT_TRUE(c6i.cpuScoreSource.contains(QStringLiteral("CC BY-SA 4.0")));
    EXPECT_TRUE(shipped("hetzner/CPX41").cpuScoreSource.contains(QStringLiteral("noisy")));
}

TEST(CpuScores, FiftyFourOfTheSixtyOneTypesHaveScoresAndTheRestSaySo)
{
    int scored = 0;
    QStringList without;
    const Catalog catalog = Catalog::shipped();
    for (const InstanceType& t : catalog.instanceTypes()) {
        if (t.cpuScore > 0) {
            ++scored;
            EXPECT_GT(t.cpuScoreAllCores, 0) << t.key().toStdString();
        } else {
            without << t.key();
            EXPECT_EQ(t.cpuScoreOrigin, InstanceType::CpuScoreOrigin::None);
        }
    }
    EXPECT_EQ(scored, 54);
    EXPECT_TRUE(without.contains(QStringLiteral("digitalocean/c-2"))) << without.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(without.contains(QStringLiteral("vultr/vc2-2c-4gb")));
}

TEST(CpuScores, BadScoresAreRefusedWithFileAndLine)
{
    const QByteArray header = "provider,instance_type,vcpu,single_core_bogo_ops_per_s,all_cores_bogo_ops_per_s\n";
    for (const char* bad : {"aws,c6i.large,2,-5,1918\n", "aws,c6i.large,2,nan,1918\n", "aws,c6i.large,2,1879,0\n",
                            "aws,c6i.large,2,1879,inf\n", "aws,c6i.large,2,1879,\n"}) {
        try {
            parseCpuScoresCsv(header + "aws,t3.micro,2,961.83,1350.68\n" + bad, QStringLiteral("scores.csv"));
            FAIL() << "accepted " << bad;
        } catch (const InputError& e) {
            EXPECT_TRUE(e.where().startsWith(QStringLiteral("scores.csv:3:"))) << e.where().toStdString();
            EXPECT_TRUE(e.message().contains(QStringLiteral("bogo_ops_per_s"))) << e.message().toStdString();
        }
    }
    // A score of another shape than the catalog's type is refused, naming the line.
    QVector<InstanceType> types{shipped("aws/c6i.large")};
    types[0].cpuScore = types[0].cpuScoreAllCores = 0;
    const auto rows = parseCpuScoresCsv(header + "aws,c6i.large,4,1879,1918\n", QStringLiteral("scores.csv"));
    try {
        attachShippedCpuScores(types, rows, QStringLiteral("scores.csv"), true);
        FAIL() << "accepted a 4-vCPU score for a 2-vCPU type";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("scores.csv:2"));
    }
    const auto unknown = parseCpuScoresCsv(header + "aws,z9.huge,2,1879,1918\n", QStringLiteral("scores.csv"));
    EXPECT_THROW(attachShippedCpuScores(types, unknown, QStringLiteral("scores.csv"), true), InputError);
    EXPECT_NO_THROW(attachShippedCpuScores(types, unknown, QStringLiteral("scores.csv"), false));
}

TEST(CpuScores, TheWorkspacesOwnRunsReplaceTheShippedFigures)
{
    test::TempWorkspace tmp;
    EXPECT_DOUBLE_EQ(Catalog::load(tmp.ws()).find(QStringLiteral("aws/c6i.large"))->cpuScore, 1879.34);
    // Two single-core runs and one with a stressor per vCPU; a 4-instance run on a 2-vCPU type
    // is neither figure and is left out.
    addRun(tmp.ws(), QStringLiteral("aws/c6i.large"), 1, 1800, QStringLiteral("single-a"));
    addRun(tmp.ws(), QStringLiteral("aws/c6i.large"), 1, 1900, QStringLiteral("single-b"));
    addRun(tmp.ws(), QStringLiteral("AWS/c6i.large"), 2, 2000, QStringLiteral("all"));
    addRun(tmp.ws(), QStringLiteral("aws/c6i.large"), 4, 9999, QStringLiteral("oversubscribed"));
    const InstanceType c6i = *Catalog::load(tmp.ws()).find(QStringLiteral("aws/c6i.large"));
    EXPECT_DOUBLE_EQ(c6i.cpuScore, 1850);
    EXPECT_DOUBLE_EQ(c6i.cpuScoreAllCores, 2000);
    EXPECT_EQ(c6i.cpuScoreOrigin, InstanceType::CpuScoreOrigin::Workspace);
    EXPECT_TRUE(c6i.cpuScoreSource.contains(QStringLiteral("single-a"))) << c6i.cpuScoreSource.toStdString();
    EXPECT_FALSE(c6i.cpuScoreSource.contains(QStringLiteral("oversubscribed")));

    // A type without shipped scores gets them from the user's runs alone.
    addRun(tmp.ws(), QStringLiteral("digitalocean/c-2"), 1, 2100, QStringLiteral("do-single"));
    const InstanceType c2 = *Catalog::load(tmp.ws()).find(QStringLiteral("digitalocean/c-2"));
    EXPECT_DOUBLE_EQ(c2.cpuScore, 2100);
    EXPECT_DOUBLE_EQ(c2.cpuScoreAllCores, 0);  // not measured: unknown, not assumed
}

TEST(CpuScores, AScoreInTheUsersCatalogRowIsKeptWithoutOurAllCoreFigure)
{
    test::TempWorkspace tmp;
    InstanceType mine = shipped("aws/m5.large");
    mine.cpuScore = 1500;  // the user's own figure
    mine.cpuScoreAllCores = 0;
    Catalog::importUserRows(tmp.ws(), {mine});
    const InstanceType m5 = *Catalog::load(tmp.ws()).find(QStringLiteral("aws/m5.large"));
    EXPECT_DOUBLE_EQ(m5.cpuScore, 1500);
    EXPECT_DOUBLE_EQ(m5.cpuScoreAllCores, 0);
    EXPECT_EQ(m5.cpuScoreOrigin, InstanceType::CpuScoreOrigin::CatalogRow);
}
