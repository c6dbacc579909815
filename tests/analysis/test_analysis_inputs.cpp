#include "analysis/analysis_inputs.h"
#include "analysis/data_quality.h"
#include "analysis/fleet_series.h"
#include "core/errors.h"
#include "import/import_service.h"
#include "import/importer_registry.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"
#include "store/series_queries.h"
#include "store/workspace_metrics.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <cmath>

using namespace headroom;

namespace {

ImportOutcome store(Workspace& ws, const ImportResult& r, const QString& name, const QString& type = QString())
{
    ImportRequest req;
    req.path = name;
    req.instanceType = type;
    return storeResult(ws, r, name.toUtf8(), req);
}

double cvOf(const std::vector<double>& v)
{
    double m = 0, sq = 0;
    for (double x : v) m += x / double(v.size());
    for (double x : v) sq += (x - m) * (x - m);
    return std::sqrt(sq / double(v.size() - 1)) / m;
}

}  // namespace

// The variance fixture stored as measurements (one node per run, zone in the labels) comes
// back grouped by zone with every run its own node.
TEST(AnalysisInputs, NodeGroupsByLabelFromStoredMeasurements)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    test::TempWorkspace tw;
    ImportResult r;
    r.format = QStringLiteral("test");
    std::map<QString, std::vector<double>> expected;
    static const QRegularExpression zoneRe(QStringLiteral("sending_zone:([^|]*)\\|"));
    for (const QByteArray& line : test::readFile(path).split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString zone = zoneRe.match(o.value(QStringLiteral("labels")).toString()).captured(1);
        Measurement m;
        m.node = o.value(QStringLiteral("run_uri")).toString();
        m.metric = QStringLiteral("net.throughput_bits_per_s");
        m.value = o.value(QStringLiteral("value")).toDouble() * 1e6;
        m.labels = QJsonObject{{QStringLiteral("sending_zone"), zone}};
        r.measurements << m;
        expected[zone].push_back(m.value);
    }
    store(tw.ws(), r, QStringLiteral("iperf.json"), QStringLiteral("gcp/n1-standard-2"));
    Selection f;
    f.metric = QStringLiteral("net.throughput_bits_per_s");
    const auto groups = analysis::loadNodeGroups(tw.ws(), f, QStringLiteral("sending_zone"));
    ASSERT_EQ(groups.size(), 2u);
    for (const auto& g : groups) {
        EXPECT_EQ(g.group, QStringLiteral("gcp/n1-standard-2 · ") + g.label);  // types are never pooled
        ASSERT_EQ(g.nodes.size(), expected[g.label].size()) << g.group.toStdString();
        EXPECT_NEAR(homogeneity::analyze(g.nodes).betweenNodeCv, cvOf(expected[g.label]), 1e-12);
    }
    // Without a label the instance type is the group; a provider filter that does not match gives nothing.
    const auto byType = analysis::loadNodeGroups(tw.ws(), f);
    ASSERT_EQ(byType.size(), 1u);
    EXPECT_EQ(byType[0].group, QStringLiteral("gcp/n1-standard-2"));
    f.provider = QStringLiteral("aws");
    EXPECT_TRUE(analysis::loadNodeGroups(tw.ws(), f).empty());
}

// The same file through the real PKB importer, when it is registered.
TEST(AnalysisInputs, PkbImporterVarianceFixtureGivesTheZoneCvs)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    if (!ImporterRegistry::instance().byName(QStringLiteral("pkb"))) GTEST_SKIP() << "pkb importer not registered";
    test::TempWorkspace tw;
    ImportRequest req;
    req.path = path;
    req.format = QStringLiteral("pkb");
    importFile(tw.ws(), req);
    const QStringList metrics = metricsInWorkspace(tw.ws());
    ASSERT_EQ(metrics.size(), 1) << metrics.join(QLatin1Char(',')).toStdString();
    Selection f;
    f.metric = metrics.front();
    const auto groups = analysis::loadNodeGroups(tw.ws(), f, QStringLiteral("sending_zone"));
    ASSERT_EQ(groups.size(), 2u);
    // SOURCE.txt: CV about 0.61 (us-central1-a) and 0.14 (us-central1-b).
    EXPECT_EQ(groups[0].label, QStringLiteral("us-central1-a"));
    EXPECT_EQ(groups[0].instanceType, QStringLiteral("gcp/n1-standard-2"));  // from the samples' own labels
    EXPECT_NEAR(homogeneity::analyze(groups[0].nodes).betweenNodeCv, 0.61, 0.005);
    EXPECT_NEAR(homogeneity::analyze(groups[1].nodes).betweenNodeCv, 0.14, 0.005);
}

TEST(AnalysisInputs, LeadTimeEventsKeepSizeCacheAndProvider)
{
    test::TempWorkspace tw;
    ImportResult r;
    r.format = QStringLiteral("test");
    LeadTimeEvent pull;
    pull.node = QStringLiteral("pod-a");
    pull.phase = QStringLiteral("image_pull");
    pull.durationS = 2.703;
    pull.imageBytes = 2355194;
    pull.imageCached = false;
    pull.labels = QJsonObject{{QStringLiteral("layers"), 3}};
    LeadTimeEvent boot;
    boot.node = QStringLiteral("pod-a");
    boot.phase = QStringLiteral("boot");
    boot.durationS = 31;
    r.leadTimeEvents << pull << boot;
    store(tw.ws(), r, QStringLiteral("events.txt"), QStringLiteral("aws/m5.large"));
    const auto obs = analysis::loadLeadTimeObservations(tw.ws(), {});
    ASSERT_EQ(obs.size(), 2u);
    EXPECT_EQ(obs[0].phase, QStringLiteral("image_pull"));
    EXPECT_DOUBLE_EQ(obs[0].durationS, 2.703);
    ASSERT_TRUE(obs[0].imageBytes && obs[0].imageCached && obs[0].imageLayers);
    EXPECT_DOUBLE_EQ(*obs[0].imageBytes, 2355194);
    EXPECT_FALSE(*obs[0].imageCached);
    EXPECT_EQ(*obs[0].imageLayers, 3);
    EXPECT_EQ(obs[0].provider, QStringLiteral("aws"));
    EXPECT_FALSE(obs[1].imageBytes.has_value());
}

TEST(AnalysisInputs, UslPointsFromLoadTestsAtSeveralConcurrencies)
{
    test::TempWorkspace tw;
    const double conns[] = {1, 18, 36, 72};
    const double rps[] = {64.9, 995.9, 1652.4, 1853.2};
    for (int i = 0; i < 4; ++i) {
        ImportResult r;
        r.format = QStringLiteral("wrk");
        r.labels = QJsonObject{{QStringLiteral("connections"), conns[i]}};
        r.metrics.insert(QStringLiteral("http.requests_per_s"), rps[i]);
        r.measurements << Measurement{QString(), QStringLiteral("http.requests_per_s"), rps[i], QString(), {}};
        store(tw.ws(), r, QStringLiteral("wrk-%1.txt").arg(i));
    }
    ImportResult unlabelled;
    unlabelled.format = QStringLiteral("wrk");
    unlabelled.metrics.insert(QStringLiteral("http.requests_per_s"), 1828.9);
    unlabelled.measurements << Measurement{QString(), QStringLiteral("http.requests_per_s"), 1828.9, QString(), {}};
    const qint64 lastId = store(tw.ws(), unlabelled, QStringLiteral("wrk-x.txt")).datasetId;

    auto in = analysis::loadUslPoints(tw.ws(), {});
    ASSERT_EQ(in.points.size(), 4u);
    EXPECT_DOUBLE_EQ(in.points[2].n, 36);
    EXPECT_DOUBLE_EQ(in.points[2].x, 1652.4);
    ASSERT_EQ(in.skipped.size(), 1);
    EXPECT_TRUE(in.skipped[0].contains(QStringLiteral("wrk-x.txt")));
    // An explicit mapping supplies the missing concurrency.
    in = analysis::loadUslPoints(tw.ws(), {}, {{lastId, 108}});
    ASSERT_EQ(in.points.size(), 5u);
    EXPECT_DOUBLE_EQ(in.points[4].n, 108);
}

// A real README that holds wrk run five times at 200 connections: five points at N = 200, each
// with its own run's throughput, never one point of the five added up (450,111 requests/s).
TEST(AnalysisInputs, UslPointsKeepEachRunOfAMultiRunFile)
{
    test::TempWorkspace tw;
    ImportRequest req;
    req.path = QStringLiteral(HEADROOM_TESTS_DIR "/import/real/wrk/noear_javalin_jetty_README.txt");
    importFile(tw.ws(), req);
    const auto in = analysis::loadUslPoints(tw.ws(), {});
    ASSERT_EQ(in.points.size(), 5u);
    const double printed[] = {83082.41, 90518.74, 93025.23, 91509.78, 91955.21};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_DOUBLE_EQ(in.points[i].n, 200);
        EXPECT_DOUBLE_EQ(in.points[i].x, printed[i]);
    }
    EXPECT_TRUE(in.skipped.isEmpty());
}

TEST(AnalysisInputs, QualityInputsKeepArrivalOrder)
{
    test::TempWorkspace tw;
    ImportResult r;
    r.format = QStringLiteral("test");
    Series s;
    s.node = QStringLiteral("n1");
    s.metric = QStringLiteral("cpu.util_pct");
    s.t = {0, 10, 30, 20, 40, 50};
    s.v = {1, 2, 3, 4, 5, 6};
    r.series.push_back(s);
    store(tw.ws(), r, QStringLiteral("s.csv"));
    const auto inputs = seriesAsRecorded(tw.ws(), {});
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].t, s.t);
    EXPECT_EQ(quality::check(inputs).series[0].outOfOrder, 1);
}

TEST(AnalysisInputs, FleetSeriesAverageUtilisationAndSumRates)
{
    test::TempWorkspace tw;
    ImportResult r;
    r.format = QStringLiteral("test");
    const double util[2] = {40, 50};
    const double rate[2] = {500, 580};
    for (int n = 0; n < 2; ++n) {
        Series u{0, 0, QStringLiteral("web-%1").arg(n), QStringLiteral("cpu.util_pct"), QStringLiteral("%"), {}, {0, 60, 120}, {}};
        u.v.assign(3, util[n]);
        Series x{0, 0, QStringLiteral("web-%1").arg(n), QStringLiteral("http.requests_per_s"), QString(), {}, {0, 60, 120}, {}};
        x.v.assign(3, rate[n]);
        r.series.push_back(u);
        r.series.push_back(x);
    }
    store(tw.ws(), r, QStringLiteral("fleet.csv"), QStringLiteral("aws/m5.large"));
    Selection f;
    f.instanceType = QStringLiteral("aws/m5.large");
    calibration::FleetSeries fleet = analysis::loadFleetSeries(tw.ws(), f);
    EXPECT_EQ(fleet.nodes, 2);
    ASSERT_EQ(fleet.utilPct.size(), 3u);
    EXPECT_DOUBLE_EQ(fleet.utilPct[1], 45);
    EXPECT_DOUBLE_EQ(fleet.rateRps[1], 1080);
    fleet.vcpuPerNode = 2;
    // 2 nodes × 2 vCPU × 45 % = 1.8 busy vCPUs over 1080 requests/s = 1.667 ms per request.
    EXPECT_NEAR(calibration::serviceDemand(fleet).pooledMs, 1000 * 1.8 / 1080, 1e-12);
    f.instanceType = QStringLiteral("aws/c6i.large");
    EXPECT_THROW(analysis::loadFleetSeries(tw.ws(), f), InputError);
}
