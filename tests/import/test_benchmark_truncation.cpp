#include "benchmark_parse.h"
#include "core/errors.h"
#include "support/fixtures.h"
#include "import/import_result.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Every benchmark fixture cut at many points, or with bytes flipped, either still imports or
// gives an InputError that names a place; nothing else escapes and nothing crashes.
TEST(BenchmarkTruncation, CutAndCorruptedFixturesNeverCrash)
{
    const char* const cases[][2] = {
        {"fio/gcsfuse_fio-3.30_multiple_jobs.json", "fio"},
        {"fio/pkb_fio-2.1.4_5jobs_legacy_usec.json", "fio"},
        {"sysbench/pkb_sysbench-1.0.12_oltp_intervals.txt", "sysbench"},
        {"sysbench/virtualclient_sysbench-1.1.0_oltp_bom.txt", "sysbench"},
        {"iperf3/iperf3-python_iperf-3.0.11_tcp_1stream.json", "iperf3"},
        {"wrk/virtualclient_wrk2_hdr_seconds_units.txt", "wrk"},
        {"wrk/pkb_wrk_with_lua_csv.txt", "wrk"},
        {"k6/k6-reporter_handleSummary_data.json", "k6"},
        {"k6/k6-to-junit_out-json_ndjson_2019.json", "k6"},
        {"locust/bitcoin-api_results_stats.csv", "locust"},
        {"locust/bitcoin-api_results_stats_history.csv", "locust"},
        {"pyperf/pyperformance_py36_telco.json", "pyperf"},
        {"pkb/pkb_side-by-side_netperf_samples.json", "pkb"},
    };
    for (const auto& c : cases) {
        const QString path = fixturePath(QLatin1String(c[0]));
        if (path.isEmpty()) {
            if (fixturesRequired()) FAIL() << "fixture missing: " << c[0];
            GTEST_SKIP() << "fixture folder missing";
        }
        const QByteArray bytes = readFile(path);
        const QString importer = QLatin1String(c[1]);
        const auto check = [&](const QByteArray& input, const char* what, qsizetype at) {
            try {
                parseBytesWith(importer, input, QStringLiteral("f"));
            } catch (const InputError& e) {
                EXPECT_TRUE(e.where().startsWith(QStringLiteral("f"))) << c[0] << " " << what << " at " << at;
                EXPECT_FALSE(e.message().isEmpty());
            } catch (const std::exception& e) {
                ADD_FAILURE() << c[0] << " " << what << " at " << at << ": unexpected " << e.what();
            }
        };
        for (int i = 1; i < 40; ++i) {
            const qsizetype at = bytes.size() * i / 40;
            check(bytes.left(at), "cut", at);
            QByteArray flipped = bytes;
            flipped[at] = char(flipped[at] ^ 0x5A);
            check(flipped, "flipped byte", at);
        }
    }
}

namespace {

struct CutCase {
    const char* file;      // under ../shared/fixtures, or "real/…" under tests/import
    const char* importer;
    // Text whose end cannot be told from a complete file once the cut falls between two lines
    // (a CSV row, an exposition line, an NDJSON point, an event row): only cuts inside a line
    // are then required to be noticed.
    bool openEnded;
};

const CutCase kCutCases[] = {
    {"fio/gcsfuse_fio-3.30_multiple_jobs.json", "fio", false},
    {"fio/virtualclient_fio-3.26-19-ge7e53_readwrite.json", "fio", false},
    {"sysbench/pkb_sysbench-1.0.12_oltp_intervals.txt", "sysbench", false},
    // Several runs: cut between two runs, it is a complete file of fewer runs.
    {"sysbench/pkb_sysbench-1.0.11_memory_per_cpu.txt", "sysbench", true},
    {"real/sysbench/virtualclient_SysbenchExample1.txt", "sysbench", false},
    {"iperf3/iperf3_plotter_iperf-3.6_tcp_4streams_60s.json", "iperf3", false},
    {"wrk/pkb_wrk2_mixed_units.txt", "wrk", false},
    {"wrk/virtualclient_wrk_latency_4pct_non2xx_bom.txt", "wrk", false},
    {"real/wrk/virtualclient_wrkStandardExample2.txt", "wrk", false},
    {"real/wrk/pkb_wrk2_output_errors.txt", "wrk", false},
    {"k6/k6-reporter_handleSummary_data.json", "k6", false},
    {"k6/k6-html-reporter_summary-export_legacy.json", "k6", false},
    {"k6/k6-to-junit_out-json_ndjson_2019.json", "k6", true},
    {"locust/bitcoin-api_results_stats.csv", "locust", true},
    {"locust/bitcoin-api_results_stats_history.csv", "locust", true},
    {"pyperf/pyperformance_py36_telco.json", "pyperf", false},
    {"pkb/pkb_side-by-side_netperf_samples.json", "pkb", false},
    {"pkb/pkb_samples_mart_iperf_SUBSET300.json", "pkb", true},
    {"prometheus/node_exporter_e2e-output_linux_SUBSET.txt", "prometheus-text", true},
    {"sysstat/sysstat_tests_expected.sadf-d_all-activities.csv", "sysstat-csv", true},
    {"sysstat/sysstat_tests_expected.sadf-j_all-activities.json", "sysstat-json", false},
    {"k8s_events/pkb_systemd-analyze_critical-chain.txt", "systemd-analyze", true},
    {"k8s_events/holmesgpt_kubectl_events_table.txt", "k8s-events", true},
    {"k8s_events/pkb_kubectl_get_events_gke.yaml", "k8s-events", true},
    {"k8s_events/holmesgpt_kubectl_describe_pod_oomkill_repeated_pulls.txt", "k8s-describe", true},
    {"k8s_events/sparecores_inspector_boot_timing_SUBSET.csv", "boot-timing-csv", true},
};

bool saysEndedEarly(const ImportResult& r)
{
    for (const auto& w : r.warnings)
        if (w.message.contains(QStringLiteral("input ended early"))) return true;
    return false;
}

}  // namespace

// Every importer knows when its input ended early: a file cut at any of 23 points is refused
// with an error, or imported with a warning that says the input ended early (and then without
// the line that was cut). Only a cut between two lines of an open-ended format (CSV rows,
// exposition lines, NDJSON points, event rows) cannot be told from a complete file.
TEST(BenchmarkTruncation, EveryImporterSaysWhenTheInputEndedEarly)
{
    for (const CutCase& c : kCutCases) {
        const QString rel = QLatin1String(c.file);
        const QString path = rel.startsWith(QLatin1String("real/")) ? testsPath(QStringLiteral("import/") + rel) : fixturePath(rel);
        if (path.isEmpty()) {
            if (fixturesRequired()) ADD_FAILURE() << "fixture missing: " << c.file;
            continue;
        }
        const QByteArray bytes = readFile(path);
        const QString importer = QLatin1String(c.importer);
        const ImportResult full = parseBytesWith(importer, bytes, QStringLiteral("f"));
        EXPECT_FALSE(saysEndedEarly(full) && bytes.endsWith('\n')) << c.file << ": a complete file is said to be cut";
        for (int i = 1; i < 24; ++i) {
            const qsizetype at = bytes.size() * i / 24;
            const QByteArray cut = bytes.left(at);
            // Cut at a line end, or with only the blanks that start the next line: nothing is lost.
            const bool betweenLines = cut.mid(cut.lastIndexOf('\n') + 1).trimmed().isEmpty() || bytes.at(at) == '\n' ||
                                      bytes.at(at) == '\r';
            try {
                const ImportResult r = parseBytesWith(importer, cut, QStringLiteral("f"));
                if (c.openEnded && betweenLines) continue;  // nothing in the text can tell
                EXPECT_TRUE(saysEndedEarly(r)) << c.file << " cut at byte " << at << " of " << bytes.size()
                                               << " imported without saying so; last bytes: " << cut.right(60).toStdString();
                // A number cut short is never stored as if complete.
                if (!saysEndedEarly(r))
                    for (auto it = r.metrics.cbegin(); it != r.metrics.cend(); ++it)
                        if (full.metrics.contains(it.key())) {
                            EXPECT_EQ(it.value(), full.metrics.value(it.key()))
                                << c.file << " cut at " << at << ": " << it.key().toStdString() << " stored from a cut file";
                        }
            } catch (const InputError& e) {
                EXPECT_TRUE(e.where().startsWith(QStringLiteral("f"))) << c.file << " at " << at;
            }
        }
    }
}
