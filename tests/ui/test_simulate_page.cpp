// The Simulate page: a run through the page gives the numbers simulate() gives for the same
// seed, Cancel stops a long run within a second and leaves the page usable, and a broken
// scenario shows the parser's JSON-path message instead of crashing.
#include "app_context.h"
#include "catalog/catalog.h"
#include "charts/simulation_charts.h"
#include "pages/simulate_page.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "sim/simulator.h"
#include "store/workspace.h"
#include "job_runner.h"
#include "widgets/summary_card.h"

#include <QAbstractSeries>
#include <QChart>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

// Half an hour of 30 requests/s of 20 ms CPU on two c6i.large: 0.3 vCPU-seconds of work per
// second on each node (whose two vCPUs, hyper-threads of one core, give 1.02 under load), so the
// run takes well under a second, yet there are 30 one-minute intervals to chart.
const char* kTinyScenario = R"({
  "schema": "headroom.scenario/1",
  "name": "Tiny steady API",
  "duration_s": 1800, "warmup_s": 60, "interval_s": 60, "seed": 7, "replications": 3,
  "traffic": { "kind": "poisson", "rate_rps": 30 },
  "service": { "cpu_ms": { "dist": "exponential", "mean": 20 } },
  "cluster": { "instance_type": "aws/c6i.large", "nodes": 2, "balancer": "round_robin" },
  "slo": { "latency_p95_ms": 100, "error_rate": 0.001 }
})";

// A week at 3,000 requests/s, 8 replications: minutes of work, long enough to cancel mid-run.
const char* kLongScenario = R"({
  "schema": "headroom.scenario/1",
  "name": "Long run to cancel",
  "duration_s": 604800, "warmup_s": 0, "interval_s": 60, "seed": 3, "replications": 8,
  "traffic": { "kind": "poisson", "rate_rps": 3000 },
  "service": { "cpu_ms": { "dist": "exponential", "mean": 5 } },
  "cluster": { "instance_type": "aws/c6i.large", "nodes": 12, "balancer": "round_robin" }
})";

struct Fixture {
    QTemporaryDir dir;
    AppContext context;
    Fixture()
    {
        auto ws = Workspace::open(dir.filePath(QStringLiteral("simulate.headroom")));
        Catalog::seedShipped(*ws);
        context.setWorkspace(std::move(ws));
        context.reloadCatalog();
    }
    QString write(const QString& name, const QByteArray& text)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return path;
    }
};

// The number at the start of a card's value ("12.34 ms" → 12.34).
double leadingNumber(const SummaryCard* card)
{
    return card->value().section(QLatin1Char(' '), 0, 0).toDouble();
}

}  // namespace

TEST(SimulatePage, SummaryCardsMatchTheSimulatorForTheSameSeed)
{
    Fixture fx;
    const QString path = fx.write(QStringLiteral("tiny.json"), kTinyScenario);
    fx.context.setScenarioPath(path);
    SimulatePage page(&fx.context);
    // The page follows the Scenario page's file and takes seed and replications from it.
    EXPECT_EQ(page.scenarioFile(), path);
    page.setSeed(4242);
    page.setReplications(2);

    QSignalSpy finished(&page, &SimulatePage::finished);
    page.run();
    EXPECT_TRUE(page.running());
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(page.result().has_value()) << page.errorText().toStdString();
    EXPECT_TRUE(page.errorText().isEmpty());

    const ResolvedScenario resolved =
        resolveScenario(loadScenarioFile(path), fx.context.catalog(), fx.context.workspace(), path);
    SimulationOptions options;
    options.seed = 4242;
    options.replications = 2;
    options.threads = 1;  // a different thread count must not change anything
    const SimulationResult direct = simulate(resolved, options);
    const SimulationSummary& d = direct.summary;
    const SimulationSummary& p = page.result()->summary;

    EXPECT_EQ(page.result()->replications, 2);
    EXPECT_EQ(page.result()->seed, 4242u);
    EXPECT_DOUBLE_EQ(p.latencyP50.mean, d.latencyP50.mean);
    EXPECT_DOUBLE_EQ(p.latencyP95.mean, d.latencyP95.mean);
    EXPECT_DOUBLE_EQ(p.latencyP99.mean, d.latencyP99.mean);
    EXPECT_DOUBLE_EQ(p.costUsd.mean, d.costUsd.mean);
    EXPECT_EQ(page.result()->timeseries.size(), direct.timeseries.size());

    // The cards show those numbers, rounded for display.
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("p50"))), d.latencyP50.mean, 0.051);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("p95"))), d.latencyP95.mean, 0.051);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("p99"))), d.latencyP99.mean, 0.051);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("errors"))), d.errorRate.mean * 100, 0.0006);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("attempts"))), d.attemptsPerRequest.mean, 0.0006);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("nodeHours"))), d.nodeHours.mean, 0.006);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("cost"))), d.costUsd.mean, 0.006);
    EXPECT_NEAR(leadingNumber(page.card(QStringLiteral("overSlo"))), d.minutesOverSlo.mean, 0.051);
    // Two fixed nodes for half an hour: one node-hour, at c6i.large's list price (0.085 USD/h).
    EXPECT_NEAR(d.nodeHours.mean, 1.0, 1e-9);
    EXPECT_NEAR(d.costUsd.mean, 0.085, 1e-6);
    // Two replications give an interval: the detail line carries its bounds.
    const QString p95Detail = page.card(QStringLiteral("p95"))->detail();
    EXPECT_TRUE(p95Detail.contains(QString::number(d.latencyP95.low, 'f', 2))) << p95Detail.toStdString();
    EXPECT_TRUE(p95Detail.contains(QString::number(d.latencyP95.high, 'f', 2))) << p95Detail.toStdString();
    // 0.3 vCPU-seconds of work per second per node at 20 ms: p95 below the 100 ms objective, so the verdict is Met.
    EXPECT_LT(d.latencyP95.mean, 100.0);
    EXPECT_EQ(page.card(QStringLiteral("slo"))->value(), d.sloMet ? QStringLiteral("Met") : QStringLiteral("Missed"));
    EXPECT_TRUE(page.card(QStringLiteral("slo"))->detail().contains(QStringLiteral("of 2 replications")));

    // Charts: three percentiles plus the SLO line; no credit chart for a non-burstable type.
    EXPECT_EQ(page.charts()->latencyChart()->series().size(), 4);
    EXPECT_EQ(page.charts()->nodesChart()->series().size(), 3);
    EXPECT_FALSE(page.charts()->creditChartShown());
}

TEST(SimulatePage, CancelStopsALongRunWithinASecondAndThePageStaysUsable)
{
    Fixture fx;
    SimulatePage page(&fx.context);
    page.setScenarioFile(fx.write(QStringLiteral("long.json"), kLongScenario));
    ASSERT_TRUE(page.errorText().isEmpty()) << page.errorText().toStdString();
    QSignalSpy finished(&page, &SimulatePage::finished);
    page.run();
    ASSERT_TRUE(page.running());
    QTest::qWait(700);  // well into the first replication
    ASSERT_TRUE(finished.isEmpty()) << "the long run ended before it could be cancelled";

    QElapsedTimer clock;
    clock.start();
    page.cancel();
    ASSERT_TRUE(finished.wait(5000));
    RecordProperty("cancel_ms", int(clock.elapsed()));
    EXPECT_LT(clock.elapsed(), 1000);
    EXPECT_FALSE(page.running());
    EXPECT_FALSE(page.result().has_value());
    EXPECT_TRUE(page.errorText().isEmpty());  // Cancel is not an error
    EXPECT_EQ(page.card(QStringLiteral("p95"))->value(), QStringLiteral("–"));

    // The same page runs the next scenario to the end.
    page.setScenarioFile(fx.write(QStringLiteral("tiny.json"), kTinyScenario));
    page.setReplications(2);
    page.run();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(page.result().has_value()) << page.errorText().toStdString();
    EXPECT_GT(page.result()->summary.latencyP95.mean, 0.0);
}

TEST(SimulatePage, ABrokenScenarioShowsItsJsonPathAndDoesNotRun)
{
    Fixture fx;
    SimulatePage page(&fx.context);
    QByteArray broken = kTinyScenario;
    broken.replace("\"replications\": 3", "\"replications\": \"three\"");
    const QString path = fx.write(QStringLiteral("broken.json"), broken);
    page.setScenarioFile(path);
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("broken.json"))) << page.errorText().toStdString();
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("$.replications"))) << page.errorText().toStdString();
    QSignalSpy finished(&page, &SimulatePage::finished);
    page.run();  // Run is disabled; calling it anyway must not start anything on a broken file
    fx.context.jobs()->waitForAll();
    EXPECT_FALSE(page.running());
    EXPECT_FALSE(page.result().has_value());
}

TEST(SimulatePage, AnUnknownInstanceTypeFailsTheRunWithItsJsonPath)
{
    Fixture fx;
    SimulatePage page(&fx.context);
    QByteArray unknown = kTinyScenario;
    unknown.replace("aws/c6i.large", "aws/no-such-type");
    // The document parses; the catalog lookup fails only when the run resolves it.
    page.setScenarioFile(fx.write(QStringLiteral("unknown.json"), unknown));
    ASSERT_TRUE(page.errorText().isEmpty()) << page.errorText().toStdString();
    QSignalSpy finished(&page, &SimulatePage::finished);
    page.run();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_FALSE(page.result().has_value());
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("unknown.json"))) << page.errorText().toStdString();
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("$.cluster.instance_type"))) << page.errorText().toStdString();
}

TEST(SimulatePage, BurstableTypesGetTheCreditChart)
{
    Fixture fx;
    QByteArray burstable = kTinyScenario;
    burstable.replace("\"instance_type\": \"aws/c6i.large\"",
                      "\"instance_type\": \"aws/t3.medium\", \"cpu_credits\": { \"mode\": \"standard\", \"initial\": 10 }");
    SimulatePage page(&fx.context);
    page.setScenarioFile(fx.write(QStringLiteral("burstable.json"), burstable));
    ASSERT_TRUE(page.errorText().isEmpty()) << page.errorText().toStdString();
    page.setReplications(1);
    QSignalSpy finished(&page, &SimulatePage::finished);
    page.run();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(page.result().has_value()) << page.errorText().toStdString();
    EXPECT_TRUE(page.charts()->creditChartShown());
    EXPECT_EQ(page.charts()->creditChart()->series().size(), 1);
    // One replication: no interval to show.
    EXPECT_TRUE(page.card(QStringLiteral("p95"))->detail().contains(QStringLiteral("no confidence interval")));
}
