#include "catalog/catalog.h"
#include "catalog/catalog_files.h"
#include "core/errors.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace headroom;

TEST(ShippedCatalog, HasAtLeastFiftyTypesOverFiveProvidersWithSources)
{
    const Catalog catalog = Catalog::shipped();
    EXPECT_GE(catalog.instanceTypes().size(), 50);
    EXPECT_GE(catalog.providers().size(), 5);
    for (const InstanceType& t : catalog.instanceTypes()) {
        EXPECT_GT(t.vcpu, 0) << t.key().toStdString();
        EXPECT_GT(t.pricePerHour, 0) << t.key().toStdString();
        EXPECT_FALSE(t.currency.isEmpty());
        EXPECT_FALSE(t.priceBasis.isEmpty()) << t.key().toStdString();
        EXPECT_FALSE(t.source.isEmpty()) << t.key().toStdString();
        EXPECT_FALSE(t.sourceDate.isEmpty()) << t.key().toStdString();
    }
    for (const ProviderBootTimes& b : catalog.bootTimes()) {
        EXPECT_FALSE(b.source.isEmpty());
        EXPECT_GT(b.machineStartP95, b.machineStartP50 - 1e-9);
    }
}

TEST(ShippedCatalog, BurstRulesMatchTheProviderFigures)
{
    const Catalog catalog = Catalog::shipped();
    // AWS t3.micro: 2 vCPU, 10 % baseline each, 12 credits/h, bank 288 (24 h of earnings).
    const auto t3 = catalog.find(QStringLiteral("aws/t3.micro"));
    ASSERT_TRUE(t3.has_value());
    EXPECT_TRUE(t3->burstable);
    EXPECT_FALSE(t3->dedicatedCpu);
    EXPECT_DOUBLE_EQ(t3->baselinePctPerVcpu, 10);
    EXPECT_DOUBLE_EQ(t3->creditsPerHour, 12);
    EXPECT_DOUBLE_EQ(t3->maxCredits, 288);
    // Earning rule: baseline × vCPU × 60 per hour = 0.10 × 2 × 60 = 12.
    EXPECT_DOUBLE_EQ(t3->baselinePctPerVcpu / 100 * t3->vcpu * 60, t3->creditsPerHour);
    // The basis text of GCP e2-medium holds a comma; the row must still read whole.
    const auto e2 = catalog.find(QStringLiteral("gcp/e2-medium"));
    ASSERT_TRUE(e2.has_value());
    EXPECT_TRUE(e2->priceBasis.contains(QStringLiteral("1 vCPU sustained")));
    EXPECT_DOUBLE_EQ(e2->pricePerHour, 0.033503);
}

TEST(ShippedCatalog, MonthlyCapAndCurrencyConversion)
{
    const Catalog catalog = Catalog::shipped();
    const auto cx22 = catalog.find(QStringLiteral("hetzner/CX22"));
    ASSERT_TRUE(cx22.has_value());
    EXPECT_EQ(cx22->currency, QStringLiteral("EUR"));
    EXPECT_DOUBLE_EQ(cx22->monthlyCap, 3.79);
    // 0.006 EUR/h × 730 h = 4.38 EUR, above the 3.79 EUR cap: the cap applies.
    EXPECT_DOUBLE_EQ(cx22->monthlyCost(), 3.79);
    EXPECT_NEAR(catalog.monthlyCostUsd(*cx22), 3.79 * CurrencyRates::kDefaultEurToUsd, 1e-12);
    const auto m5 = catalog.find(QStringLiteral("AWS/M5.LARGE"));  // keys are case-insensitive
    ASSERT_TRUE(m5.has_value());
    EXPECT_NEAR(catalog.monthlyCostUsd(*m5), 0.096 * 730, 1e-9);
}

TEST(WorkspaceCatalog, UserRowsOverrideShippedRows)
{
    test::TempWorkspace tmp;
    InstanceType cheaper = *Catalog::shipped().find(QStringLiteral("aws/m5.large"));
    cheaper.pricePerHour = 0.05;
    cheaper.source = QStringLiteral("negotiated price sheet");
    InstanceType extra;
    extra.provider = QStringLiteral("onprem");
    extra.name = QStringLiteral("rack-a");
    extra.vcpu = 32;
    extra.memoryGib = 128;
    extra.pricePerHour = 0.5;
    EXPECT_EQ(Catalog::importUserRows(tmp.ws(), {cheaper, extra}), 2);

    const Catalog catalog = Catalog::load(tmp.ws());
    const auto m5 = catalog.find(QStringLiteral("aws/m5.large"));
    ASSERT_TRUE(m5.has_value());
    EXPECT_DOUBLE_EQ(m5->pricePerHour, 0.05);
    EXPECT_TRUE(m5->userOverride);
    EXPECT_EQ(m5->source, QStringLiteral("negotiated price sheet"));
    EXPECT_TRUE(catalog.find(QStringLiteral("onprem/rack-a")).has_value());
    EXPECT_EQ(catalog.instanceTypes().size(), Catalog::shipped().instanceTypes().size() + 1);  // no duplicate m5.large

    // Re-seeding the shipped rows (a newer program) keeps the user's override.
    Catalog::seedShipped(tmp.ws());
    EXPECT_DOUBLE_EQ(Catalog::load(tmp.ws()).find(QStringLiteral("aws/m5.large"))->pricePerHour, 0.05);
}

TEST(WorkspaceCatalog, CurrencyRateComesFromTheWorkspace)
{
    test::TempWorkspace tmp;
    tmp.ws().setSetting(QStringLiteral("currency.eur_usd"), QStringLiteral("1.25"));
    const Catalog catalog = Catalog::load(tmp.ws());
    EXPECT_DOUBLE_EQ(catalog.rates().eurToUsd, 1.25);
    EXPECT_DOUBLE_EQ(catalog.rates().toUsd(10, QStringLiteral("EUR")), 12.5);
    EXPECT_DOUBLE_EQ(catalog.rates().toUsd(10, QStringLiteral("USD")), 10);
}

TEST(CatalogFiles, BadRowsNameFileLineAndColumn)
{
    const QByteArray csv = "provider,instance_type,vcpu,memory_gib,price_per_hour\n"
                           "aws,m5.large,2,8,0.096\n"
                           "aws,m5.xlarge,four,16,0.192\n";
    try {
        parseInstanceTypesCsv(csv, QStringLiteral("mine.csv"));
        FAIL() << "expected an error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("mine.csv:3:15"));  // "four" starts at column 15
        EXPECT_TRUE(e.message().contains(QStringLiteral("expected a number")));
    }
    EXPECT_THROW(parseInstanceTypesCsv("provider,instance_type\naws,x\n", QStringLiteral("f.csv")), InputError);
    EXPECT_THROW(parseInstanceTypesCsv("", QStringLiteral("f.csv")), InputError);
}

TEST(ShippedCatalog, AProviderWithoutBootTimingsGetsTheStatedMedianOfTheOthers)
{
    // Three providers with timings; the fallback takes each figure's median on its own.
    const auto timed = [](const char* p, double m50, double m95, double u50, double u90, double u95) {
        ProviderBootTimes b;
        b.provider = QString::fromLatin1(p);
        b.runs = 100;
        b.machineStartP50 = m50;
        b.machineStartP95 = m95;
        b.userDataStartP50 = u50;
        b.userDataStartP90 = u90;
        b.userDataStartP95 = u95;
        b.sourceDate = QStringLiteral("2026-01");
        return b;
    };
    const Catalog catalog({}, {timed("a", 10, 30, 20, 40, 50), timed("b", 20, 90, 60, 70, 80), timed("c", 15, 40, 30, 35, 90)});
    const auto own = catalog.bootTimesOf(QStringLiteral("B"));
    ASSERT_TRUE(own.has_value());
    EXPECT_FALSE(own->assumed);
    EXPECT_DOUBLE_EQ(own->userDataStartP50, 60);

    const auto other = catalog.bootTimesOf(QStringLiteral("digitalocean"));
    ASSERT_TRUE(other.has_value());
    EXPECT_TRUE(other->assumed);
    EXPECT_TRUE(other->weakEvidence());
    EXPECT_EQ(other->provider, QStringLiteral("digitalocean"));
    EXPECT_DOUBLE_EQ(other->machineStartP50, 15);
    EXPECT_DOUBLE_EQ(other->machineStartP95, 40);
    EXPECT_DOUBLE_EQ(other->userDataStartP50, 30);
    EXPECT_DOUBLE_EQ(other->userDataStartP90, 40);
    EXPECT_DOUBLE_EQ(other->userDataStartP95, 80);
    EXPECT_TRUE(other->source.contains(QStringLiteral("assumed"))) << other->source.toStdString();
    EXPECT_TRUE(other->source.contains(QStringLiteral("a, b, c"))) << other->source.toStdString();

    EXPECT_FALSE(Catalog().bootTimesOf(QStringLiteral("aws")).has_value());
}

TEST(CatalogFiles, CountsOutOfRangeAreInputErrorsNamingTheLine)
{
    const QByteArray header = "provider,instance_type,vcpu,memory_gib,price_per_hour\n";
    for (const char* vcpu : {"1e300", "-3", "2.5", "nan"}) {
        try {
            parseInstanceTypesCsv(header + "aws,x1," + vcpu + ",4,0.1\n", QStringLiteral("types.csv"));
            ADD_FAILURE() << "vcpu " << vcpu << " was accepted";
        } catch (const InputError& e) {
            EXPECT_TRUE(e.text().startsWith(QStringLiteral("types.csv:2:"))) << e.text().toStdString();
            EXPECT_TRUE(e.text().contains(QStringLiteral("vcpu"))) << e.text().toStdString();
        }
    }
}
