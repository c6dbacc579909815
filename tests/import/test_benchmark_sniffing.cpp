#include "benchmark_parse.h"
#include "import/importer_registry.h"
#include "support/fixtures.h"

#include <QFileInfo>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

namespace {

const char* const kBenchmarkImporters[] = {"fio", "sysbench", "iperf3", "wrk", "k6", "locust", "pyperf", "pkb"};

struct Expected {
    const char* fixture;
    const char* importer;
};

}  // namespace

// Every benchmark fixture is recognised by content (and file name) as its own format.
TEST(BenchmarkSniffing, EveryFixturePicksItsImporter)
{
    const Expected cases[] = {
        {"fio/gcsfuse_fio-3.30_multiple_jobs.json", "fio"},
        {"fio/pkb_fio-2.1.4_5jobs_legacy_usec.json", "fio"},
        {"fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json", "fio"},
        {"sysbench/pkb_sysbench-1.0.11_memory_per_cpu.txt", "sysbench"},
        {"sysbench/pkb_sysbench-1.0.12_oltp_intervals.txt", "sysbench"},
        {"sysbench/virtualclient_sysbench-1.1.0_oltp_bom.txt", "sysbench"},
        {"iperf3/iperf3-python_iperf-3.0.11_tcp_1stream.json", "iperf3"},
        {"iperf3/iperf3_plotter_iperf-3.6_tcp_4streams_60s.json", "iperf3"},
        {"wrk/pkb_wrk2_mixed_units.txt", "wrk"},
        {"wrk/pkb_wrk_with_lua_csv.txt", "wrk"},
        {"wrk/virtualclient_wrk2_hdr_seconds_units.txt", "wrk"},
        {"wrk/virtualclient_wrk_latency_4pct_non2xx_bom.txt", "wrk"},
        {"k6/k6-html-reporter_summary-export_legacy.json", "k6"},
        {"k6/k6-reporter_handleSummary_data.json", "k6"},
        {"k6/k6-to-junit_out-json_ndjson_2019.json", "k6"},
        {"locust/bitcoin-api_results_stats.csv", "locust"},
        {"locust/bitcoin-api_results_stats_history.csv", "locust"},
        {"locust/bitcoin-api_results_failures.csv", "locust"},
        {"pyperf/pyperf_mult_list_py36_tags.json", "pyperf"},
        {"pyperf/pyperf_track_memory_bytes.json", "pyperf"},
        {"pyperf/pyperformance_0.3_minimal_legacy.json", "pyperf"},
        {"pyperf/pyperformance_py36_telco.json", "pyperf"},
        {"pkb/pkb_samples_mart_iperf_SUBSET300.json", "pkb"},
        {"pkb/pkb_side-by-side_netperf_samples.json", "pkb"},
        {"variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json", "pkb"},
    };
    for (const auto& c : cases) {
        const QString path = fixturePath(QLatin1String(c.fixture));
        if (path.isEmpty()) {
            if (fixturesRequired()) FAIL() << "fixture missing: " << c.fixture;
            GTEST_SKIP() << "fixture folder missing";
        }
        EXPECT_EQ(detectedImporter(path), QLatin1String(c.importer)) << c.fixture;
    }
}

// The captured sample inputs shipped in data/sample are recognised too.
TEST(BenchmarkSniffing, SampleInputsPickTheirImporter)
{
    const Expected cases[] = {
        {"sample/fio_randrw_4k_2jobs.json", "fio"},          {"sample/sysbench_cpu.txt", "sysbench"},
        {"sample/sysbench_memory.txt", "sysbench"},          {"sample/sysbench_fileio_rndrw.txt", "sysbench"},
        {"sample/iperf3_tcp_loopback.json", "iperf3"},       {"sample/iperf3_udp_loopback.json", "iperf3"},
        {"sample/wrk_python_http_server.txt", "wrk"},
    };
    for (const auto& c : cases) EXPECT_EQ(detectedImporter(projectDataPath(QLatin1String(c.fixture))), QLatin1String(c.importer)) << c.fixture;
}

// Files of the monitoring family (and tools not supported here) are not claimed by any
// benchmark importer, so they reach the importer meant for them.
TEST(BenchmarkSniffing, OtherFamiliesAreNotClaimed)
{
    const char* const others[] = {
        "prometheus/holmesgpt_query_range_node_cpu_by_mode_incl_steal.txt",
        "prometheus/node_exporter_e2e-output_linux_SUBSET.txt",
        "prometheus/node_exporter_textfile_histogram.out",
        "prometheus/prometheus-api-client_up_range_series_2019.json",
        "sysstat/pkb_sar-u_text_aws_steal.txt",
        "sysstat/sysstat_tests_expected.data-11.6.5-sadf-d.csv",
        "sysstat/sysstat_tests_expected.sadf-d_all-activities.csv",
        "sysstat/sysstat_tests_expected.sadf-j_all-activities.json",
        "k8s_events/holmesgpt_kubectl_describe_pod_oomkill_repeated_pulls.txt",
        "k8s_events/holmesgpt_kubectl_events_table.txt",
        "k8s_events/pkb_kubectl_get_events_gke.yaml",
        "k8s_events/pkb_linux_boot_dmesg.txt",
        "k8s_events/pkb_linux_boot_startup_script.txt",
        "k8s_events/pkb_systemd-analyze_critical-chain.txt",
        "k8s_events/sparecores_inspector_boot_timing_SUBSET.csv",
        "catalog/ec2instances.info_instances_2014.json",
        "catalog/ec2instances.info_modern_single_instance_x2iedn.32xlarge.json",
        "catalog/sparecores_servers_hcloud_upcloud_SUBSET.jsonl",
        "wrk/virtualclient_ab-2.3_cloudflare.txt",
        "k6/k6-to-junit_end-of-test_summary_same_run.txt",
        "locust/bitcoin-api_results_exceptions.csv",
    };
    const auto& registry = ImporterRegistry::instance();
    for (const char* other : others) {
        const QString path = fixturePath(QLatin1String(other));
        if (path.isEmpty()) {
            if (fixturesRequired()) FAIL() << "fixture missing: " << other;
            GTEST_SKIP() << "fixture folder missing";
        }
        const QByteArray head = readFile(path).left(64 * 1024);
        for (const char* name : kBenchmarkImporters) {
            const Importer* imp = registry.byName(QLatin1String(name));
            ASSERT_NE(imp, nullptr) << name;
            EXPECT_EQ(imp->sniff(head, QFileInfo(path).fileName()), 0) << name << " claims " << other;
        }
    }
}

// Each benchmark importer is registered under its name and claims nothing in garbage.
TEST(BenchmarkSniffing, GarbageIsNotClaimed)
{
    const QByteArray garbage[] = {QByteArray(), QByteArray("\0\0\0\0", 4), QByteArray("hello world\n"), QByteArray("{}"),
                                  QByteArray("[1,2,3]"), QByteArray("\xFF\xFE{\0\"\0", 6)};
    for (const char* name : kBenchmarkImporters) {
        const Importer* imp = ImporterRegistry::instance().byName(QLatin1String(name));
        ASSERT_NE(imp, nullptr) << name;
        for (const auto& g : garbage) EXPECT_EQ(imp->sniff(g, QStringLiteral("x")), 0) << name;
    }
}
