// Instance catalogues: the shipped CSV layout, ec2instances.info JSON and Spare Cores JSON lines.
#include "catalog/catalog.h"
#include "import/import_service.h"
#include "monitoring_test_helpers.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

using namespace headroom;
using namespace headroom::test;

namespace {

const InstanceType* findType(const ImportResult& r, const QString& name)
{
    for (const InstanceType& t : r.instanceTypes)
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace

TEST(CatalogImport, ShippedCsvLayout)
{
    const ImportResult r = parseFixture(QStringLiteral("catalog-csv"), projectDataPath(QStringLiteral("catalog/instance_types.csv")));
    EXPECT_EQ(r.instanceTypes.size(), 61);
    const InstanceType* micro = findType(r, QStringLiteral("t3.micro"));
    ASSERT_NE(micro, nullptr);
    EXPECT_DOUBLE_EQ(micro->pricePerHour, 0.0104);
    EXPECT_TRUE(micro->burstable);
    EXPECT_DOUBLE_EQ(micro->maxCredits, 288);
}

TEST(CatalogImport, Ec2InstancesInfo2014)
{
    HEADROOM_FIXTURE(path, "catalog/ec2instances.info_instances_2014.json");
    const ImportResult r = parseFixture(QStringLiteral("catalog-ec2instances"), path);
    EXPECT_EQ(r.instanceTypes.size(), 27);
    const InstanceType* m3 = findType(r, QStringLiteral("m3.xlarge"));
    ASSERT_NE(m3, nullptr);
    EXPECT_EQ(m3->provider, QStringLiteral("aws"));
    EXPECT_EQ(m3->vcpu, 4);
    EXPECT_DOUBLE_EQ(m3->memoryGib, 15.0);
    EXPECT_DOUBLE_EQ(m3->pricePerHour, 0.450);  // us-east-1 linux
    EXPECT_EQ(m3->region, QStringLiteral("us-east-1"));
}

TEST(CatalogImport, Ec2InstancesInfoModernSingleInstance)
{
    HEADROOM_FIXTURE(path, "catalog/ec2instances.info_modern_single_instance_x2iedn.32xlarge.json");
    const ImportResult r = parseFixture(QStringLiteral("catalog-ec2instances"), path);
    ASSERT_EQ(r.instanceTypes.size(), 1);
    const InstanceType& t = r.instanceTypes[0];
    EXPECT_EQ(t.name, QStringLiteral("x2iedn.32xlarge"));
    EXPECT_EQ(t.vcpu, 128);
    EXPECT_DOUBLE_EQ(t.memoryGib, 4096);
    EXPECT_DOUBLE_EQ(t.pricePerHour, 26.676);
    EXPECT_DOUBLE_EQ(t.networkGbps, 100);
}

TEST(CatalogImport, SparecoresJsonLines)
{
    HEADROOM_FIXTURE(path, "catalog/sparecores_servers_hcloud_upcloud_SUBSET.jsonl");
    const ImportResult r = parseFixture(QStringLiteral("catalog-sparecores"), path);
    EXPECT_EQ(r.instanceTypes.size(), 92 + 25);  // ACTIVE upcloud + hcloud; 10 INACTIVE skipped
    EXPECT_TRUE(r.warnings[0].message.startsWith(QLatin1String("10 ")));
    const InstanceType* ccx53 = findType(r, QStringLiteral("ccx53"));
    ASSERT_NE(ccx53, nullptr);
    EXPECT_EQ(ccx53->provider, QStringLiteral("hetzner"));
    EXPECT_EQ(ccx53->vcpu, 32);
    EXPECT_DOUBLE_EQ(ccx53->memoryGib, 128.0);  // 131072 MiB
    EXPECT_TRUE(ccx53->dedicatedCpu);
    EXPECT_EQ(findType(r, QStringLiteral("cx11")), nullptr);  // INACTIVE
}

TEST(CatalogImport, UnpricedRowsKeepTheShippedPrice)
{
    TempWorkspace tw;
    const Catalog before = Catalog::load(tw.ws());
    const std::optional<InstanceType> shipped = before.find(QStringLiteral("hetzner/cx22"));
    ASSERT_TRUE(shipped.has_value());
    EXPECT_FALSE(shipped->userOverride);
    const QByteArray line = R"({"vendor_id":"hcloud","api_reference":"cx22","name":"cx22","vcpus":2,"memory_amount":4096,"cpu_allocation":"SHARED","cpu_architecture":"X86_64","status":"ACTIVE"})";
    const ImportOutcome o = importBytes(tw.ws(), line, {QStringLiteral("servers.jsonl"), QString(), QString(), QString()});
    EXPECT_EQ(o.instanceTypes, 1);
    const Catalog after = Catalog::load(tw.ws());
    const std::optional<InstanceType> merged = after.find(QStringLiteral("hetzner/cx22"));
    ASSERT_TRUE(merged.has_value());
    EXPECT_TRUE(merged->userOverride);
    EXPECT_DOUBLE_EQ(merged->pricePerHour, shipped->pricePerHour);
    EXPECT_EQ(merged->currency, shipped->currency);
    EXPECT_DOUBLE_EQ(merged->memoryGib, 4.0);
}

TEST(CatalogImport, BrokenInput)
{
    expectRefusesBrokenInput(QStringLiteral("catalog-ec2instances"));
    expectRefusesBrokenInput(QStringLiteral("catalog-sparecores"));
    expectRefusesBrokenInput(QStringLiteral("catalog-csv"));
    const QString vcpu = inputErrorOf(QStringLiteral("catalog-ec2instances"), R"([{"instance_type":"x","vCPU":"many","memory":1}])");
    EXPECT_TRUE(vcpu.contains(QLatin1String("$[0].vCPU"))) << vcpu.toStdString();
    const QString huge = inputErrorOf(QStringLiteral("catalog-ec2instances"), R"([{"instance_type":"x","vCPU":1e300,"memory":1}])");
    EXPECT_TRUE(huge.contains(QLatin1String("positive number of vCPUs"))) << huge.toStdString();
    const QString line = inputErrorOf(QStringLiteral("catalog-sparecores"), "{\"vendor_id\":\"hcloud\",\"api_reference\":\"a\",\"vcpus\":1,\"memory_amount\":1}\n{\"vendor_id\":");
    EXPECT_TRUE(line.startsWith(QLatin1String("broken.input:2:"))) << line.toStdString();
}
