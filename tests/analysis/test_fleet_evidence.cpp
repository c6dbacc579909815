#include "analysis/fleet_analysis.h"
#include "analysis/speed_from_evidence.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "import/import_service.h"
#include "import/workspace_setup.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "sim/simulator.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>
#include <map>

using namespace headroom;

namespace {

#define CPU_TABLE(lifespan, sku)                                                                  \
    "azure-vm-noise-2024/test_suite=Sysbench/test_name=Test:_CPU/vm_lifespan=" lifespan "/vm_region=eastus/" \
    "vm_sku=" sku "/unit=Events Per Second.csv"

// node ("short-17") -> values, read straight from the CSV rows.
void readRows(const QString& path, const QString& lifespan, std::map<QString, std::vector<double>>& out)
{
    const QList<QByteArray> lines = test::readFile(path).trimmed().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines[i].trimmed().split(',');
        out[lifespan + QLatin1Char('-') + QString::fromUtf8(f[3])].push_back(f[0].toDouble());
    }
}

void importPath(Workspace& ws, const QString& path)
{
    ImportRequest r;
    r.path = path;
    importFile(ws, r);
}

double quantileOf(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const double h = p * double(v.size() - 1);
    const size_t i = size_t(h);
    return v[i] + (h - double(i)) * (v[std::min(i + 1, v.size() - 1)] - v[i]);
}

}  // namespace

// Known answer: between- and within-node CV of B8ms (short-lived and long-lived VMs together)
// computed here from the CSV rows, the textbook way, against the model's.
TEST(FleetEvidence, BetweenAndWithinNodeCvMatchTheCsvRows)
{
    HEADROOM_FIXTURE(shortPath, CPU_TABLE("short", "B8ms"));
    const QString longPath = test::fixturePath(QStringLiteral(CPU_TABLE("long", "B8ms")));
    test::TempWorkspace tw;
    importPath(tw.ws(), shortPath);
    importPath(tw.ws(), longPath);
    std::map<QString, std::vector<double>> rows;
    readRows(shortPath, QStringLiteral("short"), rows);
    readRows(longPath, QStringLiteral("long"), rows);
    std::vector<double> means;
    double pooled = 0, df = 0, runs = 0;
    for (const auto& [node, v] : rows) {
        double m = 0;
        for (double x : v) m += x / double(v.size());
        means.push_back(m);
        for (double x : v) pooled += (x - m) * (x - m);
        df += double(v.size()) - 1;
        runs += double(v.size());
    }
    double grand = 0, sq = 0;
    for (double m : means) grand += m / double(means.size());
    for (double m : means) sq += (m - grand) * (m - grand);
    const double between = std::sqrt(sq / double(means.size() - 1)) / grand;
    const double within = std::sqrt(pooled / df) / grand;

    Selection f;
    f.metric = QStringLiteral("cpu.events_per_s");
    const analysis::FleetAnalysis a = analysis::analyzeFleet(tw.ws(), f);
    ASSERT_EQ(a.groups.size(), 1u);
    const auto& g = a.groups.front();
    EXPECT_EQ(g.group.group, QStringLiteral("azure/B8ms"));
    EXPECT_EQ(g.result.nodes, int(rows.size()));
    EXPECT_EQ(g.result.runs, int(runs));
    EXPECT_NEAR(g.result.betweenNodeCv, between, 1e-12);
    EXPECT_NEAR(g.result.withinNodeCv, within, 1e-12);
    EXPECT_NEAR(g.result.betweenNodeCv, 0.285, 0.002);  // SOURCE.txt: CV 28.5 % across short-lived VMs
    // The three long-lived VMs ran thousands of times: their drift is measured, and small.
    ASSERT_EQ(g.drift.size(), 3u);
    for (const auto& d : g.drift) {
        EXPECT_GT(d.runs, 1000);
        EXPECT_GT(d.lastT - d.firstT, 200 * 86400.0);
        EXPECT_LT(std::abs(d.trendPctPer30Days), 1.0);
    }
    // The histogram counts every node once.
    int counted = 0;
    for (int c : g.histogram) counted += c;
    EXPECT_EQ(counted, g.result.nodes);
}

// B8ms is several populations (SOURCE.txt: p1 6,429, p50 8,205, p99 17,136); D8s_v5 one.
TEST(FleetEvidence, BurstableFleetIsSeveralPopulationsDedicatedIsOne)
{
    HEADROOM_FIXTURE(b8ms, CPU_TABLE("short", "B8ms"));
    test::TempWorkspace tw;
    importPath(tw.ws(), b8ms);
    importPath(tw.ws(), test::fixturePath(QStringLiteral(CPU_TABLE("short", "D8s_v5"))));
    Selection f;
    f.metric = QStringLiteral("cpu.events_per_s");
    const analysis::FleetAnalysis a = analysis::analyzeFleet(tw.ws(), f);
    ASSERT_EQ(a.groups.size(), 2u);
    const auto& b = a.groups[0].group.instanceType == QStringLiteral("azure/B8ms") ? a.groups[0] : a.groups[1];
    const auto& d = a.groups[0].group.instanceType == QStringLiteral("azure/B8ms") ? a.groups[1] : a.groups[0];
    EXPECT_GE(b.populations.count, 2) << b.populations.verdict.toStdString();
    EXPECT_TRUE(b.populations.verdict.contains(QStringLiteral("populations, not one"))) << b.populations.verdict.toStdString();
    // One population sits near the median, one near the fast tail.
    bool nearMedian = false, nearFast = false;
    for (const auto& p : b.populations.populations) {
        nearMedian |= std::abs(p.mean - 8205) < 100;
        nearFast |= std::abs(p.mean - 17130) < 200;
    }
    EXPECT_TRUE(nearMedian && nearFast) << b.populations.verdict.toStdString();
    EXPECT_EQ(d.populations.count, 1) << d.populations.verdict.toStdString();
    EXPECT_NEAR(d.result.betweenNodeCv, 0.0017, 0.0002);
}

// A PerfKit sample names its machine type, cloud and zone: the GCE runs group as
// gcp/n1-standard-2 per zone (SOURCE.txt: CV ~0.61 and ~0.14), and a loopback iperf3 run of
// the same metric stays apart.
TEST(FleetEvidence, PerfKitLabelsGroupByZoneAndLoopbackStaysApart)
{
    HEADROOM_FIXTURE(pkb, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    test::TempWorkspace tw;
    importPath(tw.ws(), pkb);
    importPath(tw.ws(), test::projectDataPath(QStringLiteral("sample/iperf3_tcp_loopback.json")));
    Selection f;
    f.metric = QStringLiteral("net.throughput_bits_per_s");
    const analysis::FleetAnalysis byZone = analysis::analyzeFleet(tw.ws(), f, QStringLiteral("zone"));
    std::map<QString, const analysis::FleetGroupAnalysis*> groups;
    for (const auto& g : byZone.groups) groups[g.group.group] = &g;
    ASSERT_TRUE(groups.count(QStringLiteral("gcp/n1-standard-2 · us-central1-a")));
    ASSERT_TRUE(groups.count(QStringLiteral("gcp/n1-standard-2 · us-central1-b")));
    EXPECT_NEAR(groups[QStringLiteral("gcp/n1-standard-2 · us-central1-a")]->result.betweenNodeCv, 0.61, 0.005);
    EXPECT_NEAR(groups[QStringLiteral("gcp/n1-standard-2 · us-central1-b")]->result.betweenNodeCv, 0.14, 0.005);
    const analysis::FleetAnalysis byRegion = analysis::analyzeFleet(tw.ws(), f, QStringLiteral("region"));
    bool sawRegion = false, sawLoopback = false;
    for (const auto& g : byRegion.groups) {
        if (g.group.group == QStringLiteral("gcp/n1-standard-2 · us-central1")) {
            sawRegion = true;
            EXPECT_EQ(g.result.nodes, 292);
        }
        if (g.group.instanceType == QStringLiteral("loopback")) {
            sawLoopback = true;
            EXPECT_EQ(g.result.nodes, 1);
        }
    }
    EXPECT_TRUE(sawRegion && sawLoopback);
    const analysis::FleetAnalysis byType = analysis::analyzeFleet(tw.ws(), f);
    ASSERT_EQ(byType.groups.size(), 2u);
    for (const auto& g : byType.groups) {
        if (g.group.instanceType == QStringLiteral("gcp/n1-standard-2")) {
            EXPECT_EQ(g.result.nodes, 292);
        }
    }
}

// The simulator's nodes draw their speed from the measured B8ms nodes: the quantiles of the
// simulated factors are the measured ones (node mean over the mean of node means).
TEST(FleetEvidence, SimulatedNodeSpeedsHaveTheMeasuredQuantiles)
{
    HEADROOM_FIXTURE(b8ms, CPU_TABLE("short", "B8ms"));
    test::TempWorkspace tw;
    importPath(tw.ws(), b8ms);
    std::map<QString, std::vector<double>> rows;
    readRows(b8ms, QStringLiteral("short"), rows);
    std::vector<double> measured;
    for (const auto& [node, v] : rows) measured.push_back(v.front());
    double mean = 0;
    for (double m : measured) mean += m / double(measured.size());
    for (double& m : measured) m /= mean;

    const QByteArray doc = R"({"schema":"headroom.scenario/1","name":"speed","duration_s":60,"seed":7,"replications":1,
        "traffic":{"kind":"poisson","rate_rps":1},"service":{"cpu_ms":10},
        "cluster":{"instance_type":{"vcpu":8,"memory_gib":32,"price_per_hour_usd":0.3},"nodes":4000,
                   "speed":{"from_dataset":"azure/B8ms","metric":"cpu.events_per_s"}}})";
    const Scenario s = parseScenario(doc, QStringLiteral("speed.json"));
    const ResolvedScenario r = resolveScenario(s, Catalog::load(tw.ws()), &tw.ws(), QStringLiteral("speed.json"));
    ASSERT_EQ(r.nodeSpeedFactors.size(), measured.size());
    const ReplicationResult rep = simulateReplication(r, 7, 0);
    ASSERT_EQ(rep.nodeSpeedFactors.size(), 4000u);
    for (double p : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99})
        EXPECT_NEAR(quantileOf(rep.nodeSpeedFactors, p), quantileOf(measured, p), 0.01 * quantileOf(measured, p)) << "p" << p;
    // The fast population shows up in the simulated fleet in its measured share (about 6 %).
    const double fast = double(std::count_if(rep.nodeSpeedFactors.begin(), rep.nodeSpeedFactors.end(), [](double x) { return x > 1.6; }));
    const double fastMeasured = double(std::count_if(measured.begin(), measured.end(), [](double x) { return x > 1.6; }));
    EXPECT_NEAR(fast / 4000, fastMeasured / double(measured.size()), 0.015);
    // A source with no such evidence is an error naming the JSON path.
    const Scenario bad = parseScenario(QByteArray(doc).replace("\"azure/B8ms\",\"metric\"", "\"azure/D8s_v5\",\"metric\""), QStringLiteral("speed.json"));
    try {
        resolveScenario(bad, Catalog::load(tw.ws()), &tw.ws(), QStringLiteral("speed.json"));
        FAIL() << "no D8s_v5 evidence, yet resolved";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.where().contains(QStringLiteral("$.cluster.speed.from_dataset"))) << e.text().toStdString();
    }
}

// The shipped example does what its description says on the sample workspace: D8s_v5 node
// speeds hold the objective, B8ms node speeds (same mean, three populations) break it.
TEST(FleetEvidence, ExampleScenarioSeesTheBurstableSpreadInP95)
{
    test::TempWorkspace tw;
    ASSERT_GT(importSampleInputs(tw.ws()), 10);
    const QString path = test::projectDataPath(QStringLiteral("scenarios/azure_node_speed_d8s_v5_vs_b8ms.json"));
    Scenario doc = loadScenarioFile(path);
    SimulationOptions o;
    o.replications = 1;
    const SimulationResult dedicated = simulate(resolveScenario(doc, Catalog::load(tw.ws()), &tw.ws(), path), o);
    doc.cluster.speedFromDataset = QStringLiteral("azure/B8ms");
    const ResolvedScenario b8ms = resolveScenario(doc, Catalog::load(tw.ws()), &tw.ws(), path);
    EXPECT_EQ(b8ms.nodeSpeedFactors.size(), 11824u);  // 11,821 short-lived and 3 long-lived VMs
    const SimulationResult burstable = simulate(b8ms, o);
    EXPECT_TRUE(dedicated.summary.sloMet);
    EXPECT_LT(dedicated.summary.latencyP95.mean, 250);
    EXPECT_FALSE(burstable.summary.sloMet);
    EXPECT_GT(burstable.summary.latencyP95.mean, 2 * dedicated.summary.latencyP95.mean);
}
