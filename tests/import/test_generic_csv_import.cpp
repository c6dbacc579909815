// Generic long and wide time-series CSV, and the number and time parsing under it.
#include "core/csv.h"
#include "import/fast_parse.h"
#include "import/import_service.h"
#include "monitoring_test_helpers.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

#include <cmath>

using namespace headroom;
using namespace headroom::test;

TEST(FastParse, NumbersAndTimes)
{
    using namespace headroom::fastparse;
    EXPECT_EQ(number("1.412839e+06"), std::optional<double>(1412839.0));
    EXPECT_EQ(number("+3"), std::optional<double>(3.0));
    EXPECT_EQ(number("-0.5"), std::optional<double>(-0.5));
    EXPECT_TRUE(std::isnan(*number("NaN")));
    EXPECT_EQ(number("+Inf"), std::optional<double>(INFINITY));
    EXPECT_FALSE(number("1e999").has_value());
    EXPECT_FALSE(number("12abc").has_value());
    EXPECT_FALSE(number("").has_value());
    EXPECT_FALSE(number("--1").has_value());
    // 2024-02-29 is day 19782 since 1970-01-01 (a leap day).
    EXPECT_EQ(isoDateTime("2024-02-29T00:00:00Z"), std::optional<double>(19782 * 86400.0));
    EXPECT_EQ(isoDateTime("2024-02-29 01:30:00+01:30"), std::optional<double>(19782 * 86400.0));
    EXPECT_EQ(isoDateTime("1969-12-31T23:59:59.5Z"), std::optional<double>(-0.5));
    bool zone = true;
    EXPECT_EQ(isoDateTime("2019-04-18 13:20:19", &zone), std::optional<double>(1555593619.0));
    EXPECT_FALSE(zone);
    EXPECT_EQ(isoDateTime("2019-04-18 13:20:19 UTC"), std::optional<double>(1555593619.0));
    EXPECT_FALSE(isoDateTime("2019-13-01T00:00:00Z").has_value());
    // Days that do not exist are refused, not rolled into the next month.
    EXPECT_FALSE(isoDateTime("2024-02-31T00:00:00Z").has_value());
    EXPECT_FALSE(isoDateTime("2023-02-29").has_value());
    EXPECT_FALSE(isoDateTime("1900-02-29").has_value());
    EXPECT_FALSE(isoDateTime("2024-04-31 10:00:00").has_value());
    EXPECT_EQ(isoDateTime("2000-02-29"), std::optional<double>(11016 * 86400.0));
    EXPECT_EQ(isoDateTime("2024-02-28T24:00:00Z"), isoDateTime("2024-02-29T00:00:00Z"));
    EXPECT_FALSE(isoDateTime("2024-02-28T24:00:01Z").has_value());
    EXPECT_FALSE(isoDateTime("2019-04-18T13:20:19 CEST").has_value());
    EXPECT_EQ(timestamp("1700000000.25"), std::optional<double>(1700000000.25));
    EXPECT_EQ(timestamp("1700000000250"), std::optional<double>(1700000000.25));  // milliseconds
}

TEST(GenericCsv, LongLayoutInAnyColumnOrderWithUnits)
{
    const QByteArray csv =
        "value,metric,timestamp,host,unit\n"
        "0.5,cpu.util_pct,2024-01-01T00:00:00Z,web-1,%\n"
        "12,http.requests_per_s,2024-01-01T00:00:00Z,web-1,1/s\n"
        "0.7,cpu.util_pct,2024-01-01T00:00:00Z,web-2,%\n"
        "0.6,cpu.util_pct,2024-01-01T00:01:00Z,web-1,%\n"
        ",cpu.util_pct,2024-01-01T00:02:00Z,web-1,%\n";
    const ImportResult r = parseAs(QStringLiteral("csv"), csv);
    ASSERT_EQ(r.series.size(), 3u);
    const Series& web1 = r.series[0];
    EXPECT_EQ(web1.node, QStringLiteral("web-1"));
    EXPECT_EQ(web1.metric, QStringLiteral("cpu.util_pct"));
    EXPECT_EQ(web1.unit, QStringLiteral("%"));
    ASSERT_EQ(web1.v.size(), 2u);
    EXPECT_EQ(web1.t[1] - web1.t[0], 60.0);
    EXPECT_EQ(web1.v[1], 0.6);
    EXPECT_EQ(r.series[2].node, QStringLiteral("web-2"));
    ASSERT_EQ(r.warnings.size(), 1);  // the empty value
    EXPECT_TRUE(r.warnings[0].message.startsWith(QLatin1String("1 empty")));
}

TEST(GenericCsv, WideLayoutSemicolonsQuotesEpochSeconds)
{
    const QByteArray csv = "\xEF\xBB\xBF" "time;\"cpu; busy\";mem_used\r\n1700000000;1.5;100\r\n1700000060;\"2.5\";NA\r\n";
    const ImportResult r = parseAs(QStringLiteral("csv"), csv);
    ASSERT_EQ(r.series.size(), 2u);
    EXPECT_EQ(r.series[0].metric, QStringLiteral("cpu; busy"));
    EXPECT_EQ(r.series[0].v, (std::vector<double>{1.5, 2.5}));
    EXPECT_EQ(r.series[0].t, (std::vector<double>{1700000000, 1700000060}));
    EXPECT_EQ(r.series[1].v, (std::vector<double>{100}));
    EXPECT_EQ(r.labels.value(QStringLiteral("layout")).toString(), QStringLiteral("wide"));
}

TEST(GenericCsv, ErrorsPointAtTheCell)
{
    const QString value = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\n1,a,m,1\n2,a,m,lots\n");
    EXPECT_TRUE(value.startsWith(QLatin1String("broken.input:3:7"))) << value.toStdString();
    const QString time = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\nnoon,a,m,1\n");
    EXPECT_TRUE(time.startsWith(QLatin1String("broken.input:2:1"))) << time.toStdString();
    const QString huge = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\n1,a,m,1e999\n");
    EXPECT_TRUE(huge.contains(QLatin1String("finite number"))) << huge.toStdString();
    const QString truncated = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\n1,a,m");
    EXPECT_TRUE(truncated.contains(QLatin1String("expected 4 fields"))) << truncated.toStdString();
    const QString quote = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\n1,\"a,m,1\n");
    EXPECT_TRUE(quote.startsWith(QLatin1String("broken.input:2:3: quoted field is never closed"))) << quote.toStdString();
    const QString afterQuote = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\n1,\"a\"b,m,1\n");
    EXPECT_TRUE(afterQuote.startsWith(QLatin1String("broken.input:2:6: text after a closing quote"))) << afterQuote.toStdString();
    const QString noTime = inputErrorOf(QStringLiteral("csv"), "a,b\n1,2\n");
    EXPECT_TRUE(noTime.contains(QLatin1String("time column"))) << noTime.toStdString();
    const QString headerOnly = inputErrorOf(QStringLiteral("csv"), "time,node,metric,value\n");
    EXPECT_TRUE(headerOnly.contains(QLatin1String("no data rows"))) << headerOnly.toStdString();
    expectRefusesBrokenInput(QStringLiteral("csv"));
}

TEST(GenericCsv, StoredAsSamplesInOneDataset)
{
    TempWorkspace tw;
    QByteArray csv = "time,node,metric,value\n";
    for (int i = 0; i < 1000; ++i)
        csv += QByteArray::number(1700000000 + i) + ",n" + QByteArray::number(i % 5) + ",cpu.util_pct," + QByteArray::number(i % 100) + "\n";
    const ImportOutcome o = importBytes(tw.ws(), csv, {QStringLiteral("load.csv"), QString(), QString(), QString()});
    EXPECT_EQ(o.format, QStringLiteral("csv"));
    EXPECT_EQ(o.series, 5);
    EXPECT_EQ(o.samples, 1000);
    QSqlDatabase db = tw.ws().database();
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sample")).toInt(), 1000);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT sum(value) FROM sample")).toDouble(), 10 * 4950.0);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(DISTINCT node) FROM series")).toInt(), 5);
    // The same bytes again: reported, not stored twice.
    const ImportOutcome again = importBytes(tw.ws(), csv, {QStringLiteral("load.csv"), QString(), QString(), QString()});
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sample")).toInt(), 1000);
    // A bad row at the end leaves nothing of that file behind.
    QByteArray broken = csv;
    broken.replace("1700000000,n0", "1800000000,n0");
    broken += "1800000999,n1,cpu.util_pct,oops\n";
    EXPECT_THROW(importBytes(tw.ws(), broken, {QStringLiteral("broken.csv"), QString(), QString(), QString()}), InputError);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM dataset")).toInt(), 1);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sample")).toInt(), 1000);
}

// Large files are hashed while they are parsed and written; a repeat is still caught (then rolled
// back before the commit) and leaves the workspace as it was.
TEST(GenericCsv, LargeRepeatIsDetectedAndRolledBack)
{
    TempWorkspace tw;
    QByteArray csv = "time,node,metric,value\n";
    csv.reserve(16 * 1024 * 1024);
    for (int i = 0; i < 300000; ++i)
        csv += "2024-03-01T00:00:" + QByteArray::number(10 + i % 50) + "Z,n" + QByteArray::number(i % 7) + ",m" +
               QByteArray::number(i % 3) + "," + QByteArray::number(i) + "\n";
    const ImportRequest request{QStringLiteral("big.csv"), QString(), QString(), QString()};
    const ImportOutcome first = importBytes(tw.ws(), csv, request);
    ASSERT_FALSE(first.duplicate);
    EXPECT_EQ(first.samples, 300000);
    const ImportOutcome second = importBytes(tw.ws(), csv, request);
    EXPECT_TRUE(second.duplicate);
    EXPECT_EQ(second.datasetId, first.datasetId);
    QSqlDatabase db = tw.ws().database();
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM dataset")).toInt(), 1);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sample")).toInt(), 300000);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM dataset WHERE sha256 LIKE 'pending:%'")).toInt(), 0);
    // The sample index dropped for the bulk load is back, and foreign keys are on again.
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sample_by_series'")).toInt(), 1);
    EXPECT_EQ(sql::scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

// The generic importer and the catalog/Locust reader once split fields by different rules: a
// quoted field over two lines was refused by one and read by the other, and `"a" ,b` gave "a"
// here and "a " there. Both now read every record through csv::RecordSplitter.
TEST(GenericCsv, QuotedFieldsOverSeveralLinesAndTheSameFieldsAsTheWholeFileReader)
{
    const QByteArray csv = "time,node,metric,value\r\n"
                           "2024-01-01T00:00:00Z, \"web \"\"one\"\"\" ,cpu.util_pct, 0.5\r\n"
                           "2024-01-01T00:01:00Z,\"web\n2\",cpu.util_pct,0.25\n";
    const ImportResult r = parseAs(QStringLiteral("csv"), csv);
    ASSERT_EQ(r.series.size(), 2u);
    EXPECT_EQ(r.series[0].node, QStringLiteral("web \"one\""));
    EXPECT_EQ(r.series[0].v, std::vector<double>{0.5});
    EXPECT_EQ(r.series[1].node, QStringLiteral("web\n2"));
    EXPECT_EQ(r.series[1].v, std::vector<double>{0.25});

    const auto records = csv::parse(csv, QStringLiteral("f.csv"));
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields, (QStringList{QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("web \"one\""),
                                              QStringLiteral("cpu.util_pct"), QStringLiteral("0.5")}));
    EXPECT_EQ(records[2].line, 3);
    EXPECT_EQ(records[2].fields.value(1), QStringLiteral("web\n2"));
}
