// The series queries every layer reads through: which rows a Selection picks, the two sample
// orders, and how a series without a node of its own is named. Rows are written with plain SQL
// so that the queries are checked against the table layout itself, not against the importers.
#include "store/metric_runs.h"
#include "store/series_queries.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace headroom;

namespace {

class SeriesQueries : public ::testing::Test {
protected:
    void SetUp() override
    {
        const QSqlDatabase db = tmp_.ws().database();
        // Dataset 1: no node, an AWS type. Its series names no node either.
        sql::exec(db, QStringLiteral("INSERT INTO dataset(id, name, format, source, sha256, imported_at, node, provider, instance_type_key) "
                                     "VALUES(1, 'one', 'sysstat-csv', '/a', 'h1', '2026-01-01T00:00:00Z', NULL, 'aws', 'aws/c6i.large')"));
        // Dataset 2: node web-2, a GCP type named in upper case.
        sql::exec(db, QStringLiteral("INSERT INTO dataset(id, name, format, source, sha256, imported_at, node, provider, instance_type_key) "
                                     "VALUES(2, 'two', 'sysstat-csv', '/b', 'h2', '2026-01-01T00:00:00Z', 'web-2', NULL, 'GCP/n2-standard-2')"));
        sql::exec(db, QStringLiteral("INSERT INTO series(id, dataset_id, node, metric, unit) VALUES(10, 1, '', 'cpu.util_pct', '%')"));
        sql::exec(db, QStringLiteral("INSERT INTO series(id, dataset_id, node, metric, unit) VALUES(20, 2, NULL, 'cpu.util_pct', '%')"));
        sql::exec(db, QStringLiteral("INSERT INTO series(id, dataset_id, node, metric, unit) VALUES(30, 2, 'db-1', 'cpu.steal_pct', '%')"));
        // Samples of series 10 arrive out of order.
        struct Row {
            int series;
            double t, v;
        };
        const Row rows[] = {{10, 3, 30}, {10, 1, 10}, {10, 2, 20}, {20, 1, 5}, {20, 2, 6}, {30, 1, 0.5}};
        for (const Row& r : rows)
            sql::exec(db, QStringLiteral("INSERT INTO sample(series_id, t, value) VALUES(?, ?, ?)"), {r.series, r.t, r.v});
    }

    std::vector<qint64> idsOf(const std::vector<Series>& all)
    {
        std::vector<qint64> ids;
        for (const Series& s : all) ids.push_back(s.id);
        return ids;
    }

    test::TempWorkspace tmp_;
};

}  // namespace

TEST_F(SeriesQueries, ByTimeSortsSamplesAndKeepsTheSeriesOwnNode)
{
    Selection util;
    util.metric = QStringLiteral("cpu.util_pct");
    const std::vector<Series> all = seriesByTime(tmp_.ws(), util);
    ASSERT_EQ(idsOf(all), (std::vector<qint64>{10, 20}));
    EXPECT_EQ(all[0].t, (std::vector<double>{1, 2, 3}));
    EXPECT_EQ(all[0].v, (std::vector<double>{10, 20, 30}));
    EXPECT_EQ(all[0].datasetId, 1);
    EXPECT_EQ(all[0].unit, QStringLiteral("%"));
    EXPECT_EQ(all[0].node, QString());
    EXPECT_EQ(all[1].node, QString());
}

TEST_F(SeriesQueries, AsRecordedKeepsArrivalOrderAndNamesEveryNode)
{
    Selection util;
    util.metric = QStringLiteral("cpu.util_pct");
    const std::vector<Series> all = seriesAsRecorded(tmp_.ws(), util);
    ASSERT_EQ(idsOf(all), (std::vector<qint64>{10, 20}));
    EXPECT_EQ(all[0].t, (std::vector<double>{3, 1, 2}));
    EXPECT_EQ(all[0].node, QStringLiteral("dataset 1"));  // neither the series nor its dataset names one
    EXPECT_EQ(all[1].node, QStringLiteral("web-2"));      // the dataset's node
}

TEST_F(SeriesQueries, SelectionNarrowsByProviderTypeDatasetAndNode)
{
    Selection s;
    s.provider = QStringLiteral("AWS");
    EXPECT_EQ(idsOf(seriesByTime(tmp_.ws(), s)), (std::vector<qint64>{10}));
    s = {};
    s.provider = QStringLiteral("gcp");  // no provider column: matched by the type's prefix
    EXPECT_EQ(idsOf(seriesByTime(tmp_.ws(), s)), (std::vector<qint64>{20, 30}));
    s = {};
    s.instanceType = QStringLiteral("gcp/N2-STANDARD-2");
    EXPECT_EQ(idsOf(seriesByTime(tmp_.ws(), s)), (std::vector<qint64>{20, 30}));
    s = {};
    s.node = QStringLiteral("web-2");  // the series' node, else its dataset's
    EXPECT_EQ(idsOf(seriesAsRecorded(tmp_.ws(), s)), (std::vector<qint64>{20}));
    s = {};
    s.datasetId = 2;
    s.metric = QStringLiteral("cpu.steal_pct");
    const std::vector<Series> steal = seriesAsRecorded(tmp_.ws(), s);
    ASSERT_EQ(idsOf(steal), (std::vector<qint64>{30}));
    EXPECT_EQ(steal[0].node, QStringLiteral("db-1"));
}

TEST_F(SeriesQueries, SampledRunsCarryTheSameNodeNamesAndTimes)
{
    Selection util;
    util.metric = QStringLiteral("cpu.util_pct");
    std::vector<std::pair<QString, double>> seen;
    forEachSampledRun(tmp_.ws(), util, QString(), [&](const MetricRun& r) {
        seen.emplace_back(r.node, r.t);
        EXPECT_TRUE(std::isfinite(r.t));
    });
    const std::vector<std::pair<QString, double>> expected{{QStringLiteral("dataset 1"), 1}, {QStringLiteral("dataset 1"), 2},
                                                           {QStringLiteral("dataset 1"), 3}, {QStringLiteral("web-2"), 1},
                                                           {QStringLiteral("web-2"), 2}};
    EXPECT_EQ(seen, expected);
}
