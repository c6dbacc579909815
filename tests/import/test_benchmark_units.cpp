#include "import/units.h"

#include <gtest/gtest.h>

using namespace headroom;

// Conversions worked out by hand from the unit definitions (wrk prints binary sizes).
TEST(BenchmarkUnits, DurationsToMilliseconds)
{
    EXPECT_DOUBLE_EQ(*units::durationMs(u"218.37us"), 0.21837);
    EXPECT_DOUBLE_EQ(*units::durationMs(u"2.4\u00B5s"), 0.0024);
    EXPECT_DOUBLE_EQ(*units::durationMs(u"11.60ms"), 11.6);
    EXPECT_DOUBLE_EQ(*units::durationMs(u"29.27s"), 29270.0);
    EXPECT_DOUBLE_EQ(*units::durationMs(u"0.90m"), 54000.0);
    EXPECT_DOUBLE_EQ(*units::durationMs(u"1.5h"), 5400000.0);
    EXPECT_DOUBLE_EQ(*units::durationMs(u"53.311", 1.0), 53.311);  // wrk2 spectrum: bare ms
    EXPECT_FALSE(units::durationMs(u"53.311"));
    EXPECT_FALSE(units::durationMs(u"12parsecs"));
    EXPECT_FALSE(units::durationMs(u"-nanus"));
    EXPECT_FALSE(units::durationMs(u""));
}

TEST(BenchmarkUnits, CountsAndSizes)
{
    EXPECT_DOUBLE_EQ(*units::count(u"4.83k"), 4830.0);
    EXPECT_DOUBLE_EQ(*units::count(u"1.2M"), 1200000.0);
    EXPECT_DOUBLE_EQ(*units::count(u"470.08"), 470.08);
    EXPECT_DOUBLE_EQ(*units::count(u"1.50068e+08"), 150068000.0);
    EXPECT_FALSE(units::count(u"4.83q"));
    EXPECT_DOUBLE_EQ(*units::bytes1024(u"143.12MB"), 143.12 * 1048576.0);
    EXPECT_DOUBLE_EQ(*units::bytes1024(u"56.05GB"), 56.05 * 1073741824.0);
    EXPECT_DOUBLE_EQ(*units::bytes1024(u"512.00B"), 512.0);
    EXPECT_DOUBLE_EQ(*units::bytes1024(u"1.00KB"), 1024.0);
    EXPECT_FALSE(units::bytes1024(u"3 apples"));
    EXPECT_FALSE(units::number(u"1e999"));  // overflows to infinity: refused
}

TEST(BenchmarkUnits, MetricNameParts)
{
    EXPECT_EQ(units::percentileName(50), QStringLiteral("p50"));
    EXPECT_EQ(units::percentileName(99.9), QStringLiteral("p99_9"));
    EXPECT_EQ(units::percentileName(99.99), QStringLiteral("p99_99"));
    EXPECT_EQ(units::percentileName(100), QStringLiteral("p100"));
    EXPECT_EQ(units::metricSlug(QStringLiteral("[1,2]*1000")), QStringLiteral("1_2_1000"));
    EXPECT_EQ(units::metricSlug(QStringLiteral("TCP_RR Transaction Rate")), QStringLiteral("tcp_rr_transaction_rate"));
    EXPECT_EQ(units::metricSlug(QStringLiteral("***")), QStringLiteral("unnamed"));
}
