#include "cli_runner.h"
#include "support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <algorithm>
#include <cmath>
#include <map>

using headroom::test::Cli;

namespace {

QString writeFile(const Cli& cli, const QString& name, const QByteArray& bytes)
{
    const QString path = cli.home() + QLatin1Char('/') + name;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QString workspace(const Cli& cli) { return cli.home() + QStringLiteral("/analyze.headroom"); }

}  // namespace

TEST(AnalyzeCli, FitUslJsonReproducesSpecsdm91)
{
    Cli cli;
    const QString csv = writeFile(cli, QStringLiteral("specsdm91.csv"),
                                  "load,throughput\n1,64.9\n18,995.9\n36,1652.4\n72,1853.2\n108,1828.9\n144,1775.0\n216,1702.2\n");
    const auto r = cli.run({QStringLiteral("fit-usl"), csv, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    EXPECT_NEAR(o[QStringLiteral("alpha")].toDouble(), 2.773e-02, 5e-6);
    EXPECT_NEAR(o[QStringLiteral("beta")].toDouble(), 1.044e-04, 5e-8);
    EXPECT_NEAR(o[QStringLiteral("gamma")].toDouble(), 90.00, 5e-3);
    EXPECT_NEAR(o[QStringLiteral("n_peak")].toDouble(), 96.5, 0.05);
    EXPECT_TRUE(o[QStringLiteral("x_max")].isDouble());
    EXPECT_TRUE(o[QStringLiteral("r_squared")].isDouble());
    EXPECT_EQ(o[QStringLiteral("ci")][QStringLiteral("alpha")].toArray().size(), 2);
    EXPECT_EQ(o[QStringLiteral("data")].toArray().size(), 7);
}

TEST(AnalyzeCli, FitUslBadInputNamesLineAndColumn)
{
    Cli cli;
    const QString csv = writeFile(cli, QStringLiteral("bad.csv"), "N,X\n1,20\n4,seventy\n8,130\n");
    const auto r = cli.run({QStringLiteral("fit-usl"), csv});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains((csv + QStringLiteral(":3:3")).toUtf8())) << r.err.toStdString();
    const QString two = writeFile(cli, QStringLiteral("two.csv"), "N,X\n1,20\n4,78\n");
    EXPECT_EQ(cli.run({QStringLiteral("fit-usl"), two}).exitCode, 3);  // three parameters need three loads
    EXPECT_EQ(cli.run({QStringLiteral("fit-usl")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("fit-usl"), cli.home() + QStringLiteral("/missing.csv")}).exitCode, 3);
}

TEST(AnalyzeCli, HelpDocumentsTheJsonKeys)
{
    Cli cli;
    const auto analyze = cli.run({QStringLiteral("analyze"), QStringLiteral("--help")});
    EXPECT_EQ(analyze.exitCode, 0);
    for (const char* key : {"between_node_cv", "speed_factor", "episodes_per_hour", "phases_without_data", "clock_offsets"})
        EXPECT_TRUE(analyze.out.contains(key)) << key;
    const auto fit = cli.run({QStringLiteral("fit-usl"), QStringLiteral("--help")});
    for (const char* key : {"\"alpha\"", "n_peak", "x_max", "r_squared"}) EXPECT_TRUE(fit.out.contains(key)) << key;
}

TEST(AnalyzeCli, HomogeneityOfTheGceIperfRunsByZone)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    Cli cli;
    const QString ws = workspace(cli);
    ASSERT_EQ(cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, path}).exitCode, 0);
    // Expected CV per zone, from the raw lines.
    std::map<QString, std::vector<double>> byZone;
    static const QRegularExpression zoneRe(QStringLiteral("sending_zone:([^|]*)\\|"));
    for (const QByteArray& line : headroom::test::readFile(path).split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        byZone[zoneRe.match(o[QStringLiteral("labels")].toString()).captured(1)].push_back(o[QStringLiteral("value")].toDouble());
    }
    // No --metric: a bad-input error that lists what there is.
    const auto noMetric = cli.run({QStringLiteral("analyze"), QStringLiteral("homogeneity"), QStringLiteral("-w"), ws});
    EXPECT_EQ(noMetric.exitCode, 3);
    EXPECT_TRUE(noMetric.err.contains("the workspace has")) << noMetric.err.toStdString();
    const QString metric = QString::fromUtf8(noMetric.err).section(QStringLiteral("the workspace has: "), 1).trimmed();
    const auto r = cli.run({QStringLiteral("analyze"), QStringLiteral("homogeneity"), QStringLiteral("-w"), ws,
                            QStringLiteral("--metric"), metric, QStringLiteral("--group-by"), QStringLiteral("sending_zone"),
                            QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray groups = r.json().object()[QStringLiteral("groups")].toArray();
    ASSERT_EQ(groups.size(), 2);
    for (const QJsonValue& g : groups) {
        const auto& v = byZone[g[QStringLiteral("label")].toString()];
        double m = 0, sq = 0;
        for (double x : v) m += x / double(v.size());
        for (double x : v) sq += (x - m) * (x - m);
        EXPECT_NEAR(g[QStringLiteral("between_node_cv")].toDouble(), std::sqrt(sq / double(v.size() - 1)) / m, 1e-9);
        EXPECT_EQ(g[QStringLiteral("nodes")].toInt(), int(v.size()));
        EXPECT_EQ(g[QStringLiteral("speed_factor")][QStringLiteral("mean")].toDouble(), 1.0);
    }
    EXPECT_TRUE(r.json().object()[QStringLiteral("noisy_neighbour")].isObject());
}

TEST(AnalyzeCli, LeadTimeFallsBackToCatalogDefaults)
{
    Cli cli;
    // A new workspace with the catalog and nothing else (analyze only reads: it creates none).
    ASSERT_EQ(cli.run({QStringLiteral("catalog"), QStringLiteral("-w"), workspace(cli)}).exitCode, 0);
    const auto r = cli.run({QStringLiteral("analyze"), QStringLiteral("leadtime"), QStringLiteral("-w"), workspace(cli),
                            QStringLiteral("--provider"), QStringLiteral("aws"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o[QStringLiteral("observations")].toInt(), 0);
    const QJsonArray phases = o[QStringLiteral("phases")].toArray();
    ASSERT_EQ(phases.size(), 1);
    EXPECT_EQ(phases[0][QStringLiteral("phase")].toString(), QStringLiteral("boot"));
    EXPECT_TRUE(phases[0][QStringLiteral("source")].toString().startsWith(QStringLiteral("catalog: ")));
    // data/catalog/boot_times.csv: aws user data starts at p50 32 s, p95 46 s.
    EXPECT_EQ(phases[0][QStringLiteral("p50")].toDouble(), 32);
    EXPECT_EQ(phases[0][QStringLiteral("p95")].toDouble(), 46);
    EXPECT_NEAR(o[QStringLiteral("total")][QStringLiteral("p50")].toDouble(), 32, 1.5);
}

TEST(AnalyzeCli, LeadTimeFromSparecoresBootTimings)
{
    HEADROOM_FIXTURE(path, "k8s_events/sparecores_inspector_boot_timing_SUBSET.csv");
    Cli cli;
    const QString ws = workspace(cli);
    ASSERT_EQ(cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, path}).exitCode, 0);
    const auto r = cli.run({QStringLiteral("analyze"), QStringLiteral("leadtime"), QStringLiteral("-w"), ws,
                            QStringLiteral("--provider"), QStringLiteral("aws"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o[QStringLiteral("providers_seen")].toArray(), QJsonArray{QStringLiteral("aws")});
    bool sawBootFromData = false;
    for (const QJsonValue& p : o[QStringLiteral("phases")].toArray())
        if (p[QStringLiteral("phase")].toString() == QStringLiteral("boot"))
            sawBootFromData = p[QStringLiteral("from_data")].toBool() && p[QStringLiteral("count")].toInt() > 0;
    EXPECT_TRUE(sawBootFromData);
    EXPECT_GT(o[QStringLiteral("total")][QStringLiteral("p95")].toDouble(), o[QStringLiteral("total")][QStringLiteral("p50")].toDouble());
}

TEST(AnalyzeCli, QualityFindsTheDroppedScrape)
{
    HEADROOM_FIXTURE(path, "prometheus/prometheus-api-client_up_range_series_2019.json");
    Cli cli;
    const QString ws = workspace(cli);
    ASSERT_EQ(cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, path}).exitCode, 0);
    const auto r = cli.run({QStringLiteral("analyze"), QStringLiteral("quality"), QStringLiteral("-w"), ws, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o[QStringLiteral("series")].toArray().size(), 9);
    int gaps = 0;
    for (const QJsonValue& f : o[QStringLiteral("findings")].toArray())
        if (f[QStringLiteral("kind")].toString() == QStringLiteral("gap")) {
            ++gaps;
            EXPECT_EQ(f[QStringLiteral("value")].toInt(), 1);  // the one 40-s hole in a 20-s series
        }
    EXPECT_EQ(gaps, 1);
    EXPECT_EQ(cli.run({QStringLiteral("analyze"), QStringLiteral("nonsense"), QStringLiteral("-w"), ws}).exitCode, 2);
}

TEST(AnalyzeCli, CalibrationFromFleetMonitoring)
{
    Cli cli;
    const QString ws = workspace(cli);
    // Three m5.large nodes at 40/45/50 % CPU serving 300/330/360 requests/s each.
    QByteArray csv = "time,node,metric,value\n";
    for (int i = 0; i < 10; ++i)
        for (int n = 0; n < 3; ++n) {
            const QByteArray t = QByteArray::number(1700000000 + 60 * i), node = "web-" + QByteArray::number(n);
            csv += t + ',' + node + ",cpu.util_pct," + QByteArray::number(40 + 5 * n) + '\n';
            csv += t + ',' + node + ",http.requests_per_s," + QByteArray::number(300 + 30 * n) + '\n';
        }
    const QString file = writeFile(cli, QStringLiteral("fleet.csv"), csv);
    const auto imported = cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, QStringLiteral("--instance-type"),
                                   QStringLiteral("aws/m5.large"), file});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const auto r = cli.run({QStringLiteral("analyze"), QStringLiteral("calibration"), QStringLiteral("-w"), ws,
                            QStringLiteral("--instance-type"), QStringLiteral("aws/m5.large"), QStringLiteral("--to"),
                            QStringLiteral("hetzner/ccx23"), QStringLiteral("--from-score"), QStringLiteral("1000"),
                            QStringLiteral("--to-score"), QStringLiteral("1200"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    // 3 nodes × 2 vCPU × 45 % = 2.7 busy vCPUs over 990 requests/s.
    EXPECT_NEAR(o[QStringLiteral("demand")][QStringLiteral("demand_ms")][QStringLiteral("pooled")].toDouble(), 2700.0 / 990, 1e-9);
    // 2.7 / 1.2 = 2.25 busy CCX23 vCPUs at 60 % of 4 → 0.94 → one node.
    EXPECT_NEAR(o[QStringLiteral("projection")][QStringLiteral("nodes_exact")].toDouble(), 2.25 / 2.4, 1e-9);
    EXPECT_EQ(o[QStringLiteral("projection")][QStringLiteral("nodes_needed")].toInt(), 1);
    // Without a score for the target (nobody has measured DigitalOcean's c-2) there is nothing to
    // project by: bad input.
    EXPECT_EQ(cli.run({QStringLiteral("analyze"), QStringLiteral("calibration"), QStringLiteral("-w"), ws,
                       QStringLiteral("--instance-type"), QStringLiteral("aws/m5.large"), QStringLiteral("--to"),
                       QStringLiteral("digitalocean/c-2")}).exitCode, 3);
}

// Load tests imported with wrk at several connection counts become (N, X) points: N from the
// "T threads and C connections" line, X the printed Requests/sec.
TEST(AnalyzeCli, FitUslTakesPointsFromImportedLoadTests)
{
    HEADROOM_FIXTURE(dir, "wrk/SOURCE.txt");
    Cli cli;
    const QString ws = workspace(cli);
    static const QRegularExpression conns(QStringLiteral("(\\d+) threads and (\\d+) connections"));
    static const QRegularExpression rps(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    std::vector<std::pair<double, double>> expected;
    for (const char* name : {"pkb_wrk2_mixed_units.txt", "pkb_wrk_with_lua_csv.txt", "virtualclient_wrk2_hdr_seconds_units.txt",
                             "virtualclient_wrk_latency_4pct_non2xx_bom.txt"}) {
        const QString path = headroom::test::fixturePath(QStringLiteral("wrk/") + QLatin1String(name));
        const QString text = QString::fromUtf8(headroom::test::readFile(path));
        const auto c = conns.match(text), r = rps.match(text);
        if (!c.hasMatch() || !r.hasMatch()) continue;
        const auto imported = cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, QStringLiteral("--format"),
                                       QStringLiteral("wrk"), path});
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
        expected.push_back({c.captured(2).toDouble(), r.captured(1).toDouble()});
    }
    ASSERT_GE(expected.size(), 3u);
    const auto fit = cli.run({QStringLiteral("fit-usl"), QStringLiteral("--load-tests"), QStringLiteral("-w"), ws, QStringLiteral("--json")});
    ASSERT_EQ(fit.exitCode, 0) << fit.err.toStdString();
    std::vector<std::pair<double, double>> got;
    for (const QJsonValue& p : fit.json().object()[QStringLiteral("data")].toArray())
        got.push_back({p[QStringLiteral("n")].toDouble(), p[QStringLiteral("x")].toDouble()});
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected);
    EXPECT_EQ(fit.json().object()[QStringLiteral("datasets")].toArray().size(), int(expected.size()));
}
