// More workers than vCPUs: the node's vCPUs are shared equally by the requests on CPU, and the
// shares change whenever that number changes (work-conserving processor sharing).
//
// Known answers. A node with c vCPUs and w ≥ c workers, exponential CPU time (rate µ per vCPU),
// Poisson arrivals: with n requests on the node, min(n, w) are on CPU and together they get
// min(n, w, c) = min(n, c) vCPUs, so requests leave at rate µ·min(n, c) — the same birth-death
// chain as M/M/c. The number on the node, and by Little's law the mean response time, are
// therefore exactly Erlang C's, whatever w ≥ c. With enough workers that nobody waits for one
// (w → ∞) the node is a symmetric queue in Kelly's sense, which is insensitive: the same holds
// for any CPU-time distribution with that mean, lognormal included. (With a finite w and a FIFO
// queue for workers, non-exponential service is not insensitive, so that case is not a known
// answer and is not checked here.)
#include "sim_test_support.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

void expectMean(const Estimate& e, double expected, const char* what)
{
    EXPECT_NEAR(e.mean, expected, 2 * e.halfWidth()) << what << " CI [" << e.low << ", " << e.high << "]";
    EXPECT_LT(e.halfWidth(), 0.03 * expected) << what << ": too few requests for a meaningful check";
}

// 2 vCPUs at ρ 0.8 with 25 ms mean CPU time: λ = 0.8 × 2 / 0.025 = 64 requests/s.
QByteArray twoVcpuNode(const char* cpu, double workersPerVcpu)
{
    return test::queueScenario(64, 2, QString::fromLatin1(cpu), 20000, 8,
                               QStringLiteral(R"(,"workers_per_vcpu":%1)").arg(workersPerVcpu));
}

// Erlang C for M/M/2 at a = 1.6: P(wait) = 0.7111, response = 25 ms × (1 + 0.7111 / 0.4) = 69.44 ms.
const double kMM2ResponseMs = 25 * test::erlangCMeanResponse(1.6, 2);

}  // namespace

TEST(ProcessorSharing, FourWorkersOnTwoVcpusMatchErlangC)
{
    EXPECT_NEAR(kMM2ResponseMs, 69.444, 1e-3);
    const SimulationResult r = simulate(test::resolved(twoVcpuNode(R"({"dist":"exponential","mean":25})", 2)));
    expectMean(r.summary.latencyMean, kMM2ResponseMs, "4 workers, exponential");
}

TEST(ProcessorSharing, TwoWorkersAndFourWorkersGiveTheSameMean)
{
    // Processor sharing cannot make 4 workers beat 2 on exponential work: both are M/M/2.
    const SimulationResult two = simulate(test::resolved(twoVcpuNode(R"({"dist":"exponential","mean":25})", 1)));
    const SimulationResult four = simulate(test::resolved(twoVcpuNode(R"({"dist":"exponential","mean":25})", 2)));
    expectMean(two.summary.latencyMean, kMM2ResponseMs, "2 workers");
    EXPECT_NEAR(four.summary.latencyMean.mean, two.summary.latencyMean.mean,
                2 * (four.summary.latencyMean.halfWidth() + two.summary.latencyMean.halfWidth()));
}

TEST(ProcessorSharing, ManyWorkersAreInsensitiveToTheCpuTimeDistribution)
{
    // 64 workers per node: P(n > 64) at ρ 0.8 is below 1e-6, so nobody waits for a worker.
    const SimulationResult r = simulate(test::resolved(twoVcpuNode(R"({"dist":"lognormal","mean":25,"cv":2})", 32)));
    expectMean(r.summary.latencyMean, kMM2ResponseMs, "64 workers, lognormal cv 2");
    EXPECT_LT(r.summary.queueWaitP95.mean, 0.01);  // milliseconds: the histogram's lowest bucket
}

// One vCPU and 64 workers: M/G/1 with processor sharing, whose mean response time is
// E[S] / (1 − ρ) whatever the distribution of S (Kleinrock). A request alone on the node runs
// directly with its own completion event; the next one to arrive moves both into sharing with
// the work they have left, and the node goes back to direct runs when one is left. At ρ 0.5 that
// happens on about every other arrival, so a switch that lost or added work would show here, and
// with deterministic work it would also break the known answer exactly where FIFO would not:
// M/D/1 FIFO gives 20 × (1 + 0.5 / (2 × 0.5)) = 30 ms, not 40.
TEST(ProcessorSharing, SwitchingBetweenDirectRunsAndSharingKeepsTheMG1PSMean)
{
    const double expected = 20 / (1 - 0.5);  // 40 ms
    for (const char* cpu : {R"({"dist":"deterministic","mean":20})", R"({"dist":"lognormal","mean":20,"cv":2})"}) {
        const SimulationResult r = simulate(test::resolved(test::queueScenario(
            25, 1, QString::fromLatin1(cpu), 20000, 8, QStringLiteral(R"(,"workers_per_vcpu":64)"))));
        expectMean(r.summary.latencyMean, expected, cpu);
    }
}

// Four vCPUs and eight workers under heavy load: the node sits at the vCPU count, so requests
// move between direct runs and sharing all the time, and the result must still be M/M/4's
// (see the top of this file: w ≥ c workers with exponential work is Erlang C).
TEST(ProcessorSharing, ANodeHoveringAtItsVcpuCountStillMatchesErlangC)
{
    // ρ 0.9 on 4 vCPUs with 25 ms: λ = 0.9 × 4 / 0.025 = 144 requests/s.
    const double expected = 25 * test::erlangCMeanResponse(3.6, 4);
    const SimulationResult r = simulate(test::resolved(test::queueScenario(
        144, 4, QStringLiteral(R"({"dist":"exponential","mean":25})"), 8000, 8, QStringLiteral(R"(,"workers_per_vcpu":2)"))));
    expectMean(r.summary.latencyMean, expected, "8 workers on 4 vCPUs at rho 0.9");
}
