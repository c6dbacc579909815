// Reading load levels out of a workspace: per-request rows (as Headroom's load generator and
// k6 --out json give them) and a load tester's printed summary (wrk2), with the CPU reading
// turned into CPU per request by the utilisation law.
#include "analysis/calibration_evidence.h"
#include "core/errors.h"
#include "import/import_service.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace headroom;

namespace {

// 101 requests, one every 0.1 s from t = 1e9 (10 requests/s), latency 5 + i % 10 ms; the app saw
// 4 ms of which 3 on CPU. Ten one-second CPU readings at 40 % of one vCPU, 10 responses each.
QByteArray perRequestCsv()
{
    QByteArray csv = "time,node,metric,value,unit\n";
    for (int i = 0; i <= 100; ++i) {
        const QByteArray t = QByteArray::number(1e9 + 0.1 * i, 'f', 6);
        csv += t + ",client,http.latency_ms," + QByteArray::number(5 + i % 10) + ",ms\n";
        csv += t + ",server,http.server_time_ms,4,ms\n";
        csv += t + ",server,http.server_cpu_ms,3,ms\n";
    }
    for (int s = 0; s < 10; ++s) {
        const QByteArray t = QByteArray::number(1e9 + s, 'f', 6);
        csv += t + ",server,cpu.util_pct,40,%\n";
        csv += t + ",server,http.requests_per_s,10,1/s\n";
    }
    return csv;
}

qint64 importText(Workspace& ws, const QByteArray& bytes, const QString& name)
{
    ImportRequest r;
    r.path = name;
    return importBytes(ws, bytes, r).datasetId;
}

}  // namespace

TEST(CalibrationEvidence, PerRequestRowsGiveRateLatencyAndDemand)
{
    test::TempWorkspace tw;
    const qint64 id = importText(tw.ws(), perRequestCsv(), QStringLiteral("level.csv"));
    ASSERT_GT(id, 0);
    EXPECT_EQ(calibration::loadTestDatasets(tw.ws()), std::vector<qint64>{id});
    const auto levels = calibration::loadLevels(tw.ws(), {id}, 1);
    ASSERT_EQ(levels.size(), 1u);
    const calibration::LevelEvidence& l = levels.front();
    EXPECT_TRUE(l.perRequest);
    EXPECT_EQ(l.requests, 101);
    EXPECT_NEAR(l.rateRps, 10, 1e-6);
    // 5…14 ms repeating (the 101st is 5 again): mean 9.4554…, median 9.
    double sum = 0;
    for (int i = 0; i <= 100; ++i) sum += 5 + i % 10;
    EXPECT_NEAR(l.latency.mean, sum / 101, 1e-9);
    EXPECT_NEAR(l.latency.p50, 9, 1e-9);
    EXPECT_EQ(l.serverCpuMs.size(), 101u);
    EXPECT_EQ(l.serverTimeMs.front(), 4);
    // 0.4 busy vCPU-seconds per second over 10 requests per second = 40 ms per request.
    ASSERT_TRUE(l.demandMs.has_value());
    EXPECT_NEAR(*l.demandMs, 40, 1e-9);
    EXPECT_NEAR(l.cpuUtilPct, 40, 1e-9);
    // On a two-vCPU node the same percentage is twice the CPU.
    EXPECT_NEAR(*calibration::loadLevels(tw.ws(), {id}, 2).front().demandMs, 80, 1e-9);
}

TEST(CalibrationEvidence, Wrk2SummaryIsALevelWithoutCpu)
{
    HEADROOM_FIXTURE(path, "wrk/pkb_wrk2_mixed_units.txt");
    test::TempWorkspace tw;
    ImportRequest r;
    r.path = path;
    const ImportOutcome o = importFile(tw.ws(), r);
    const auto levels = calibration::loadLevels(tw.ws(), {o.datasetId}, 1);
    ASSERT_EQ(levels.size(), 1u);
    const calibration::LevelEvidence& l = levels.front();
    EXPECT_FALSE(l.perRequest);
    EXPECT_FALSE(l.demandMs.has_value());
    EXPECT_EQ(l.rateRps, o.metrics.value(QStringLiteral("http.requests_per_s")));
    EXPECT_EQ(l.latency.mean, o.metrics.value(QStringLiteral("http.latency_mean_ms")));
    EXPECT_EQ(l.latency.p99, o.metrics.value(QStringLiteral("http.latency_p99_ms")));
}

TEST(CalibrationEvidence, DatasetWithoutLatencyIsAnInputErrorNamingIt)
{
    test::TempWorkspace tw;
    const qint64 id = importText(tw.ws(), "time,node,metric,value\n1000,a,cpu.util_pct,5\n1060,a,cpu.util_pct,6\n",
                                 QStringLiteral("cpu.csv"));
    EXPECT_TRUE(calibration::loadTestDatasets(tw.ws()).empty());
    try {
        calibration::loadLevels(tw.ws(), {id}, 1);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("dataset %1").arg(id));
        EXPECT_TRUE(e.message().contains(QStringLiteral("http.latency_ms"))) << e.message().toStdString();
    }
    EXPECT_THROW(calibration::loadLevels(tw.ws(), {id + 100}, 1), InputError);
}
