// Each burstable family's credit rules as its provider documents them (data/catalog/
// burstable_credits.csv), and the file's errors.
#include "catalog/burstable_rules.h"
#include "catalog/catalog.h"
#include "core/errors.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

BurstableFamilyRules rulesOf(const char* provider, const char* name)
{
    InstanceType t;
    t.provider = QString::fromLatin1(provider);
    t.name = QString::fromLatin1(name);
    const auto r = burstableRulesFor(t);
    EXPECT_TRUE(r.has_value()) << provider << "/" << name;
    return r.value_or(BurstableFamilyRules{});
}

}  // namespace

TEST(BurstableRules, AwsT2StandardGetsThirtyLaunchCreditsPerVcpu)
{
    const BurstableFamilyRules r = rulesOf("aws", "t2.micro");
    EXPECT_EQ(r.family, QStringLiteral("t2"));
    EXPECT_DOUBLE_EQ(r.launchCreditsPerVcpu, 30);
    EXPECT_FALSE(r.unlimitedByDefault);  // T2 launches in standard mode
    EXPECT_DOUBLE_EQ(r.unlimitedUsdPerVcpuHour, 0.05);
    EXPECT_FALSE(r.source.isEmpty());
}

TEST(BurstableRules, AwsT3T3aT4gGetNoLaunchCreditsAndLaunchUnlimited)
{
    for (const char* name : {"t3.small", "t3a.medium", "t4g.medium"}) {
        const BurstableFamilyRules r = rulesOf("aws", name);
        EXPECT_DOUBLE_EQ(r.launchCreditsPerVcpu, 0) << name;
        EXPECT_TRUE(r.unlimitedByDefault) << name;
    }
    EXPECT_EQ(rulesOf("aws", "t3a.medium").family, QStringLiteral("t3a"));  // t3 does not swallow t3a
    EXPECT_DOUBLE_EQ(rulesOf("aws", "t3.small").unlimitedUsdPerVcpuHour, 0.05);
    EXPECT_DOUBLE_EQ(rulesOf("aws", "t4g.medium").unlimitedUsdPerVcpuHour, 0.04);  // Graviton's lower price
}

TEST(BurstableRules, AzureBSeriesInitialCreditsAndNoUnlimitedMode)
{
    // Microsoft's table: B1s 30 initial credits, B2s 60, B4ms 120: 30 per vCPU.
    const BurstableFamilyRules r = rulesOf("azure", "B2s");
    EXPECT_DOUBLE_EQ(r.launchCreditsPerVcpu, 30);
    EXPECT_FALSE(r.unlimitedByDefault);
    EXPECT_FALSE(r.hasUnlimitedMode());
    InstanceType d;
    d.provider = QStringLiteral("azure");
    d.name = QStringLiteral("D2s_v5");
    EXPECT_FALSE(burstableRulesFor(d).has_value());
}

TEST(BurstableRules, EveryShippedBurstableTypeWithCreditsHasAFamily)
{
    const Catalog catalog = Catalog::shipped();
    for (const InstanceType& t : catalog.instanceTypes())
        if (t.burstable && t.creditsPerHour > 0) {
            EXPECT_TRUE(burstableRulesFor(t).has_value()) << t.key().toStdString();
        }
}

TEST(BurstableRules, BadRowsAreNamed)
{
    const QByteArray header = "provider,family,name_pattern,launch_credits_per_vcpu,default_mode,unlimited_usd_per_vcpu_hour\n";
    try {
        parseBurstableRulesCsv(header + "aws,t9,^t9\\.,0,unlimited,\n", QStringLiteral("r.csv"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("r.csv:2"));
        EXPECT_TRUE(e.message().contains(QStringLiteral("unlimited_usd_per_vcpu_hour")));
    }
    EXPECT_THROW(parseBurstableRulesCsv(header + "aws,t9,^t9\\.,-3,standard,\n", QStringLiteral("r.csv")), InputError);
    EXPECT_THROW(parseBurstableRulesCsv(header + "aws,t9,^t9\\.,0,sometimes,\n", QStringLiteral("r.csv")), InputError);
}
