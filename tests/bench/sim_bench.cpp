// Speed of the simulation engine, by hand (tests/bench/sim_vs_simpy.sh), never as a test.
//   headroom_sim_bench mmc CUSTOMERS      M/M/10, λ 8, µ 1, one replication on this thread
//   headroom_sim_bench floor CUSTOMERS    the same M/M/10 as a bare loop (mmc_floor.h): the floor
//   headroom_sim_bench SCENARIO.json      one replication of a scenario on this thread
#include "catalog/catalog.h"
#include "core/errors.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "sim/simulator.h"
#include "mmc_floor.h"

#include <QCoreApplication>
#include <chrono>
#include <ctime>
#include <cstdio>

using namespace headroom;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s mmc CUSTOMERS | %s SCENARIO.json\n", argv[0], argv[0]);
        return 2;
    }
    try {
        Scenario doc;
        const QString what = QString::fromLocal8Bit(argv[1]);
        if (what == QStringLiteral("floor")) {
            const double customers = argc > 2 ? std::atof(argv[2]) : 1e7;
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpuStart = std::clock();
            const bench::FloorResult r = bench::mmcFloor(8, 1, 10, std::int64_t(customers), 1);
            const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
            std::printf("engine=floor customers=%lld wall_s=%.3f cpu_s=%.3f customers_per_s=%.0f customers_per_cpu_s=%.0f "
                        "mean_response_s=%.5f\n",
                        static_cast<long long>(r.completed), wall, cpu, double(r.completed) / wall,
                        double(r.completed) / cpu, r.meanResponseS);
            return 0;
        }
        if (what == QStringLiteral("mmc")) {
            const double customers = argc > 2 ? std::atof(argv[2]) : 1e7;
            const QByteArray json = QStringLiteral(R"({"schema":"headroom.scenario/1","name":"M/M/10","duration_s":%1,
                "traffic":{"kind":"poisson","rate_rps":8},"service":{"cpu_ms":{"dist":"exponential","mean":1000}},
                "cluster":{"instance_type":{"vcpu":10,"memory_gib":64,"price_per_hour_usd":1},"nodes":1}})")
                                        .arg(customers / 8, 0, 'f', 0)
                                        .toUtf8();
            doc = parseScenario(json, QStringLiteral("mmc"));
        } else {
            doc = loadScenarioFile(what);
        }
        const ResolvedScenario s = resolveScenario(doc, Catalog::shipped(), nullptr, what);
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        const ReplicationResult r = simulateReplication(s, doc.seed, 0);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // CPU time as well as wall time: on a shared machine the CPU figure is the fair one.
        const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        std::printf("engine=headroom customers=%lld wall_s=%.3f cpu_s=%.3f customers_per_s=%.0f customers_per_cpu_s=%.0f "
                    "mean_response_s=%.5f attempts=%lld p95_ms=%.1f peak_nodes=%.0f\n",
                    static_cast<long long>(r.completed), wall, cpu, double(r.completed) / wall, double(r.completed) / cpu,
                    r.latencyMs.mean / 1000,
                    static_cast<long long>(r.attempts), r.latencyMs.p95, r.peakNodes);
    } catch (const InputError& e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.text()));
        return 3;
    }
    return 0;
}
