// Prometheus query_range JSON and text exposition: fixture values read off the files.
#include "monitoring_test_helpers.h"

#include <cmath>

using namespace headroom;
using namespace headroom::test;

TEST(PrometheusJson, HolmesWrappedRangeQueryBecomesCpuModePercentages)
{
    HEADROOM_FIXTURE(path, "prometheus/holmesgpt_query_range_node_cpu_by_mode_incl_steal.txt");
    const ImportResult r = parseFixture(QStringLiteral("prometheus-json"), path);
    // 8 modes + cpu.util_pct, 31 points each (05:25–05:55 at 60 s).
    ASSERT_EQ(r.series.size(), 9u);
    const Series* idle = findSeries(r, QStringLiteral("cpu.idle_pct"));
    ASSERT_NE(idle, nullptr);
    ASSERT_EQ(idle->t.size(), 31u);
    EXPECT_DOUBLE_EQ(idle->t.front(), 1756099500.0);
    EXPECT_DOUBLE_EQ(idle->t.back(), 1756099500.0 + 30 * 60);
    // First point: idle 0.96519… over the sum of the eight modes' rates = 96.8545 %.
    EXPECT_NEAR(idle->v.front(), 96.85454922741954, 1e-9);
    const Series* user = findSeries(r, QStringLiteral("cpu.user_pct"));
    ASSERT_NE(user, nullptr);
    EXPECT_NEAR(user->v.front(), 2.3609463607109995, 1e-9);
    const Series* steal = findSeries(r, QStringLiteral("cpu.steal_pct"));
    ASSERT_NE(steal, nullptr);
    EXPECT_EQ(steal->v.front(), 0.0);
    const Series* util = findSeries(r, QStringLiteral("cpu.util_pct"));
    ASSERT_NE(util, nullptr);
    EXPECT_NEAR(util->v.front(), 100.0 - 96.85454922741954 - 0.009601119924182496, 1e-9);
    EXPECT_EQ(r.labels.value(QStringLiteral("query")).toString(), QStringLiteral("avg by(node,mode)(rate(node_cpu_seconds_total[5m]))"));
    // The assumption that nameless mode series are CPU rates is stated.
    bool stated = false;
    for (const ImportWarning& w : r.warnings) stated |= w.message.contains(QLatin1String("rate(node_cpu_seconds_total)"));
    EXPECT_TRUE(stated);
}

TEST(PrometheusJson, BareResultArrayKeepsNameLabelsAndJitteredTimes)
{
    HEADROOM_FIXTURE(path, "prometheus/prometheus-api-client_up_range_series_2019.json");
    const ImportResult r = parseFixture(QStringLiteral("prometheus-json"), path);
    ASSERT_EQ(r.series.size(), 9u);
    const Series& first = r.series.front();
    EXPECT_EQ(first.metric, QStringLiteral("up"));
    EXPECT_EQ(first.node, QStringLiteral("metrics-exporter-thoth-frontend-stage.cloud.paas.psi.redhat.com"));
    EXPECT_EQ(first.labels.value(QStringLiteral("job")).toString(), QStringLiteral("Thoth Metrics (stage)"));
    EXPECT_EQ(first.t.size(), 1079u);
    EXPECT_DOUBLE_EQ(first.t.front(), 1564308009.804);
    EXPECT_EQ(first.v.front(), 1.0);
    size_t points = 0, zeros = 0;
    for (const Series& s : r.series) {
        points += s.t.size();
        for (double v : s.v) zeros += v == 0.0;
    }
    EXPECT_EQ(points, 1079u + 3 * 1080 + 4 * 360 + 1080);
    EXPECT_EQ(zeros, 373u);  // the "0" (down) scrapes in the file
}

TEST(PrometheusJson, EnvelopeVectorNaNInfAndCounterRates)
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
      {"metric":{"__name__":"http_requests_total","instance":"web-1:8000","job":"api"},
       "values":[[100,"1000"],[110,"1500"],[120,"20"],[130,"520"]]},
      {"metric":{"__name__":"node_memory_MemAvailable_bytes","instance":"web-1:9100"},
       "values":[[100,"NaN"],[110,"+Inf"],[120,"2048"]]}]}})";
    const ImportResult r = parseAs(QStringLiteral("prometheus-json"), body);
    const Series* rps = findSeries(r, QStringLiteral("http.requests_per_s"));
    ASSERT_NE(rps, nullptr);
    EXPECT_EQ(rps->node, QStringLiteral("web-1"));
    // 500 requests in 10 s, then a counter reset (skipped), then 500 in 10 s.
    ASSERT_EQ(rps->v.size(), 2u);
    EXPECT_DOUBLE_EQ(rps->v[0], 50.0);
    EXPECT_DOUBLE_EQ(rps->t[1], 130.0);
    EXPECT_DOUBLE_EQ(rps->v[1], 50.0);
    const Series* mem = findSeries(r, QStringLiteral("mem.available_bytes"));
    ASSERT_NE(mem, nullptr);
    ASSERT_EQ(mem->v.size(), 1u);  // NaN and +Inf dropped
    EXPECT_EQ(mem->v[0], 2048.0);

    const ImportResult v = parseAs(QStringLiteral("prometheus-json"),
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"node_load1","instance":"db:9100"},"value":[1700000000.5,"0.75"]}]}})");
    ASSERT_EQ(v.series.size(), 1u);
    EXPECT_EQ(v.series[0].metric, QStringLiteral("cpu.load1"));
    EXPECT_DOUBLE_EQ(v.series[0].t[0], 1700000000.5);
    EXPECT_DOUBLE_EQ(v.series[0].v[0], 0.75);
}

TEST(PrometheusJson, RawCpuCounterBecomesSharesOfIncrease)
{
    // Two modes, one CPU: user +3 s and idle +7 s over 10 s → 30 % / 70 %; util 30 %.
    const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
      {"metric":{"__name__":"node_cpu_seconds_total","cpu":"0","mode":"user","instance":"n1:9100"},"values":[[0,"100"],[10,"103"]]},
      {"metric":{"__name__":"node_cpu_seconds_total","cpu":"0","mode":"idle","instance":"n1:9100"},"values":[[0,"900"],[10,"907"]]}]}})";
    const ImportResult r = parseAs(QStringLiteral("prometheus-json"), body);
    const Series* user = findSeries(r, QStringLiteral("cpu.user_pct"));
    const Series* util = findSeries(r, QStringLiteral("cpu.util_pct"));
    ASSERT_TRUE(user && util);
    ASSERT_EQ(user->v.size(), 1u);
    EXPECT_NEAR(user->v[0], 30.0, 1e-9);
    EXPECT_NEAR(util->v[0], 30.0, 1e-9);
    EXPECT_EQ(user->node, QStringLiteral("n1"));
}

TEST(PrometheusJson, ErrorsNameThePathOrThePrometheusMessage)
{
    const QString err = inputErrorOf(QStringLiteral("prometheus-json"),
        R"({"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:6: parse error"})");
    EXPECT_TRUE(err.contains(QLatin1String("bad_data"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QLatin1String("parse error"))) << err.toStdString();
    const QString badValue = inputErrorOf(QStringLiteral("prometheus-json"),
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"abc"]]}]}})");
    EXPECT_TRUE(badValue.contains(QLatin1String("$.data.result[0].values[0][1]"))) << badValue.toStdString();
    const QString huge = inputErrorOf(QStringLiteral("prometheus-json"),
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1e999"]]}]}})");
    EXPECT_TRUE(huge.contains(QLatin1String("expected a number"))) << huge.toStdString();
    const QString truncated = inputErrorOf(QStringLiteral("prometheus-json"), R"({"status":"success","data":{"resultType":"matr)");
    EXPECT_TRUE(truncated.startsWith(QLatin1String("broken.input:1:"))) << truncated.toStdString();
    const QString wrongType = inputErrorOf(QStringLiteral("prometheus-json"), R"({"status":"success","data":{"resultType":"table","result":[]}})");
    EXPECT_TRUE(wrongType.contains(QLatin1String("$.data.resultType"))) << wrongType.toStdString();
    expectRefusesBrokenInput(QStringLiteral("prometheus-json"));
}

TEST(PrometheusJson, BomAndCrlfAreAccepted)
{
    const QByteArray body = "\xEF\xBB\xBF{\"status\":\"success\",\r\n\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                            "{\"__name__\":\"up\"},\"values\":[[1,\"1\"],[2,\"0\"]]}]}}\r\n";
    const ImportResult r = parseAs(QStringLiteral("prometheus-json"), body);
    ASSERT_EQ(r.series.size(), 1u);
    EXPECT_EQ(r.series[0].v[1], 0.0);
}

TEST(PrometheusText, NodeExporterScrapeGivesMeasurementsAndCpuSharesSinceBoot)
{
    HEADROOM_FIXTURE(path, "prometheus/node_exporter_e2e-output_linux_SUBSET.txt");
    const ImportResult r = parseFixture(QStringLiteral("prometheus-text"), path);
    const Measurement* total = findMeasurement(r, QStringLiteral("mem.total_bytes"));
    ASSERT_NE(total, nullptr);
    EXPECT_DOUBLE_EQ(total->value, 3.831959552e+09);
    const Measurement* load = findMeasurement(r, QStringLiteral("cpu.load1"));
    ASSERT_NE(load, nullptr);
    EXPECT_DOUBLE_EQ(load->value, 0.21);
    const Measurement* cpu0idle = findMeasurement(r, QStringLiteral("node_cpu_seconds_total"), QStringLiteral("mode"), QStringLiteral("idle"));
    ASSERT_NE(cpu0idle, nullptr);
    EXPECT_DOUBLE_EQ(cpu0idle->value, 10870.69);  // cpu="0" comes first
    EXPECT_EQ(cpu0idle->labels.value(QStringLiteral("cpu")).toString(), QStringLiteral("0"));
    // Summed over the 8 CPUs: idle 95.512 %, user 3.211 %, util = 100 − idle − iowait = 4.450 %.
    EXPECT_NEAR(r.metrics.value(QStringLiteral("cpu.idle_pct")), 95.51243709226519, 1e-9);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("cpu.user_pct")), 3.210883331980622, 1e-9);
    EXPECT_NEAR(r.metrics.value(QStringLiteral("cpu.util_pct")), 4.449821723965769, 1e-9);
    EXPECT_EQ(r.metrics.value(QStringLiteral("cpu.steal_pct"), -1), 0.0);
    // 659 sample lines in the file; the go_* families have HELP/TYPE and no samples.
    qsizetype shares = 0;
    for (const Measurement& m : r.measurements) shares += m.labels.value(QStringLiteral("window")).toString() == QLatin1String("since_boot");
    EXPECT_EQ(r.measurements.size() - shares, 659 - qsizetype(r.warnings.size()));
}

TEST(PrometheusText, HistogramWithExponentsAndInfBucket)
{
    HEADROOM_FIXTURE(path, "prometheus/node_exporter_textfile_histogram.out");
    const ImportResult r = parseFixture(QStringLiteral("prometheus-text"), path);
    const Measurement* bucket = findMeasurement(r, QStringLiteral("prometheus_tsdb_compaction_chunk_range_bucket"),
                                                QStringLiteral("le"), QStringLiteral("409600"));
    ASSERT_NE(bucket, nullptr);
    EXPECT_DOUBLE_EQ(bucket->value, 1.412839e+06);
    const Measurement* inf = findMeasurement(r, QStringLiteral("prometheus_tsdb_compaction_chunk_range_bucket"),
                                             QStringLiteral("le"), QStringLiteral("+Inf"));
    ASSERT_NE(inf, nullptr);
    EXPECT_DOUBLE_EQ(inf->value, 1.691853e+06);
    const Measurement* sum = findMeasurement(r, QStringLiteral("prometheus_tsdb_compaction_chunk_range_sum"));
    ASSERT_NE(sum, nullptr);
    EXPECT_DOUBLE_EQ(sum->value, 6.71393432189e+11);
    EXPECT_EQ(r.measurements.size(), 2 + 11 + 2);
}

TEST(PrometheusText, BrokenLinesPointAtLineAndColumn)
{
    const QString err = inputErrorOf(QStringLiteral("prometheus-text"), "# TYPE up gauge\nup{job=\"a\" 1\n");
    EXPECT_TRUE(err.startsWith(QLatin1String("broken.input:2:"))) << err.toStdString();
    const QString value = inputErrorOf(QStringLiteral("prometheus-text"), "up 1\nup{job=\"a\"} one\n");
    EXPECT_TRUE(value.startsWith(QLatin1String("broken.input:2:13"))) << value.toStdString();
    const QString huge = inputErrorOf(QStringLiteral("prometheus-text"), "up 1e400\n");
    EXPECT_TRUE(huge.contains(QLatin1String("within double range"))) << huge.toStdString();
    const QString unterminated = inputErrorOf(QStringLiteral("prometheus-text"), "# TYPE up gauge\nup{job=\"a\n");
    EXPECT_TRUE(unterminated.contains(QLatin1String("unterminated"))) << unterminated.toStdString();
    // A file cut inside its only sample: nothing is left, and the error says the input ended early.
    const QString truncated = inputErrorOf(QStringLiteral("prometheus-text"), "# TYPE up gauge\nup{job=\"a");
    EXPECT_TRUE(truncated.contains(QLatin1String("input ended early"))) << truncated.toStdString();
    // A number cut at the end of the file is not stored as if complete.
    const ImportResult cut = parseAs(QStringLiteral("prometheus-text"), "node_load5 0.25\nnode_load1 0.2");
    ASSERT_EQ(cut.measurements.size(), 1);
    EXPECT_EQ(cut.measurements[0].metric, QStringLiteral("node_load5"));
    ASSERT_EQ(cut.warnings.size(), 1);
    EXPECT_TRUE(cut.warnings[0].message.contains(QLatin1String("input ended early")));
    expectRefusesBrokenInput(QStringLiteral("prometheus-text"));
    // CRLF line ends and a BOM are fine.
    const ImportResult r = parseAs(QStringLiteral("prometheus-text"), "\xEF\xBB\xBF# TYPE up gauge\r\nup{job=\"a\"} 1 1700000000000\r\n");
    ASSERT_EQ(r.measurements.size(), 1);
    EXPECT_EQ(r.measurements[0].labels.value(QStringLiteral("job")).toString(), QStringLiteral("a"));
}

// The node_exporter capture shipped in data/sample (see its README).
TEST(PrometheusJson, ShippedSampleCapture)
{
    const ImportResult cpu = parseFixture(QStringLiteral("prometheus-json"),
                                          projectDataPath(QStringLiteral("sample/prometheus_node_cpu_rate_by_mode.json")));
    ASSERT_EQ(cpu.series.size(), 9u);  // 8 modes and cpu.util_pct
    const Series* user = findSeries(cpu, QStringLiteral("cpu.user_pct"));
    ASSERT_NE(user, nullptr);
    EXPECT_EQ(user->node, QStringLiteral("sample-host"));
    EXPECT_EQ(user->t.size(), 19u);
    EXPECT_DOUBLE_EQ(user->t[0], 1795658804.0);
    EXPECT_NEAR(user->v[0], 88.53311987192303, 1e-9);
    const Series* util = findSeries(cpu, QStringLiteral("cpu.util_pct"));
    ASSERT_NE(util, nullptr);
    EXPECT_NEAR(util->v[0], 100.0, 1e-9);  // idle and iowait were 0 in the first point
    const ImportResult mem = parseFixture(QStringLiteral("prometheus-json"),
                                          projectDataPath(QStringLiteral("sample/prometheus_node_memory_available.json")));
    const Series* avail = findSeries(mem, QStringLiteral("mem.available_bytes"));
    ASSERT_NE(avail, nullptr);
    EXPECT_EQ(avail->t.size(), 24u);
    EXPECT_DOUBLE_EQ(avail->v[0], 22528757760.0);
}
