#include "benchmark_parse.h"
#include "core/errors.h"
#include "support/fixtures.h"

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
