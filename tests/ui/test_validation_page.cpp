// The Validation page: a run through the page gives what validation::validate gives with the
// simulator for the same scenario, datasets and replications; the table has a row per load
// level with the errors, and the chart both curves.
#include "analysis/calibration_evidence.h"
#include "analysis/validation_simulated.h"
#include "app_context.h"
#include "catalog/catalog.h"
#include "import/import_service.h"
#include "pages/validation_page.h"
#include "scenario/scenario_parser.h"
#include "store/workspace.h"

#include <QChart>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <cmath>
#include <random>

using namespace headroom;

namespace {

const char* kScenario = R"({
  "schema": "headroom.scenario/1",
  "name": "One worker on one CPU",
  "duration_s": 600, "warmup_s": 60, "interval_s": 60, "seed": 5, "replications": 2,
  "traffic": { "kind": "poisson", "rate_rps": 10 },
  "service": { "cpu_ms": { "dist": "exponential", "mean": 6 } },
  "cluster": { "instance_type": { "vcpu": 1, "memory_gib": 1, "price_per_hour_usd": 0.01 }, "nodes": 1 }
})";

// A load level as the load generator writes it: per-request rows and one CPU reading a second.
QByteArray level(double rate, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> cpu(std::log(6.0) - 0.32, 0.8);
    QByteArray csv = "time,node,metric,value,unit\n";
    const int n = 300;
    for (int i = 0; i < n; ++i) {
        const QByteArray t = QByteArray::number(1.7e9 + i / rate, 'f', 6);
        const double c = cpu(rng);
        const double wait = rate / 40 * c;  // grows with load
        csv += t + ",client,http.latency_ms," + QByteArray::number(c + 2.5 + wait, 'f', 3) + ",ms\n";
        csv += t + ",server,http.server_time_ms," + QByteArray::number(c, 'f', 3) + ",ms\n";
        csv += t + ",server,http.server_cpu_ms," + QByteArray::number(c, 'f', 3) + ",ms\n";
    }
    for (int s = 0; s < int(n / rate); ++s) {
        const QByteArray t = QByteArray::number(1.7e9 + s, 'f', 6);
        csv += t + ",server,cpu.util_pct," + QByteArray::number(rate * 0.65, 'f', 3) + ",%\n";
        csv += t + ",server,http.requests_per_s," + QByteArray::number(rate, 'f', 3) + ",1/s\n";
    }
    return csv;
}

}  // namespace

TEST(ValidationPage, ShowsWhatValidateComputesForTheSameInputs)
{
    QTemporaryDir dir;
    AppContext context;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("v.headroom")));
    Catalog::seedShipped(*ws);
    std::vector<qint64> ids;
    int k = 0;
    for (double rate : {8.0, 40.0, 80.0}) {
        ImportRequest r;
        r.path = QStringLiteral("level-%1.csv").arg(k);
        ids.push_back(importBytes(*ws, level(rate, 10 + k++), r).datasetId);
    }
    context.setWorkspace(std::move(ws));
    context.reloadCatalog();
    const QString path = dir.filePath(QStringLiteral("s.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kScenario);
    f.close();
    context.setScenarioPath(path);

    ValidationPage page(&context);
    page.activated();
    EXPECT_EQ(page.checkedDatasets(), ids);  // every load test, checked at first
    page.setDatasets({ids[0], ids[2]});
    EXPECT_EQ(page.checkedDatasets(), (std::vector<qint64>{ids[0], ids[2]}));
    page.setDatasets(ids);
    page.setReplications(2);
    QSignalSpy finished(&page, &ValidationPage::finished);
    page.run();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(page.result().has_value()) << page.statusText().toStdString();

    const Scenario doc = loadScenarioFile(path);
    const ResolvedScenario resolved = resolveScenario(doc, context.catalog(), context.workspace(), path);
    SimulationOptions options;
    options.replications = 2;
    options.threads = 1;
    const auto levels = calibration::loadLevels(*context.workspace(), ids, resolved.vcpu);
    const validation::ValidationResult direct = validation::validate(
        doc, levels, resolved.vcpu, resolved.workersPerNode, validation::simulatedPredictor(context.catalog(), context.workspace(), options));

    const validation::ValidationResult& shown = *page.result();
    ASSERT_EQ(shown.levels.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(shown.levels[i].predicted.mean, direct.levels[i].predicted.mean);
        EXPECT_DOUBLE_EQ(shown.levels[i].predicted.p95, direct.levels[i].predicted.p95);
        EXPECT_DOUBLE_EQ(shown.levels[i].measured.latency.mean, direct.levels[i].measured.latency.mean);
    }
    EXPECT_EQ(page.statusText(), direct.verdict);
    EXPECT_TRUE(page.calibrationText().contains(QStringLiteral("utilisation law")));

    QTableWidget* t = page.table();
    ASSERT_EQ(t->rowCount(), 3);
    EXPECT_TRUE(t->item(0, 0)->text().contains(QStringLiteral("calibration")));
    EXPECT_EQ(t->item(2, 3)->text(), QString::number(direct.levels[2].measured.latency.mean, 'f', 1));
    const double err = direct.levels[2].errorMeanPct;
    EXPECT_EQ(t->item(2, 5)->text(), QStringLiteral("%1%2 %").arg(err > 0 ? QStringLiteral("+") : QString()).arg(err, 0, 'f', 1));
    EXPECT_EQ(page.chart()->series().size(), 4);  // measured and predicted, mean and p95
}
