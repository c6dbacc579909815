// A node's capacity from its CPU scores: requests run at the single-core speed, a busy node
// gives what its all-core score says (cpu_capacity.h).
//
// Known answer. Two workers on a node whose two vCPUs are hyper-threads of one core (c6i.large:
// 1,879.34 single-core, 1,918.44 all-core bogo ops/s, so both busy give δ = 1.0208 of one):
// exponential CPU time at rate µ, Poisson arrivals at λ. With n requests on the node it serves
// at µ when n = 1 and δµ when n ≥ 2, a birth-death chain with p(n) ∝ ρ (ρ/δ)^(n−1), ρ = λ/µ.
// Its mean response time (Little) is close to M/M/1's and nowhere near M/M/2's.
#include "sim_test_support.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

constexpr double kSingle = 1879.34, kAll = 1918.44;  // aws c6i.large, data/catalog/cpu_scores.csv
constexpr double kCpuMs = 25, kLambda = 24;            // ρ = 0.6 of one vCPU

QByteArray node(const QString& scores)
{
    return test::queueScenario(kLambda, 2, QStringLiteral(R"({"dist":"exponential","mean":%1})").arg(kCpuMs), 20000, 6)
        .replace("\"price_per_hour_usd\":0.1", ("\"price_per_hour_usd\":0.1" + scores).toUtf8());
}

// Mean response (ms) of the chain above.
double hyperThreadedMeanMs(double delta)
{
    const double mu = 1000 / kCpuMs, rho = kLambda / mu, r = rho / delta;
    const double total = 1 + rho / (1 - r);
    const double meanN = rho / ((1 - r) * (1 - r)) / total;
    return meanN / kLambda * 1000;
}

}  // namespace

TEST(CpuScores, HyperThreadedPairIsAboutOneVcpuUnderLoad)
{
    const ResolvedScenario s = test::resolved(node(QStringLiteral(R"(,"cpu_score":%1,"cpu_score_all_cores":%2)").arg(kSingle).arg(kAll)));
    EXPECT_DOUBLE_EQ(s.nodeSpeed, 1);  // the reference is the node's own type
    EXPECT_NEAR(s.allVcpusDelivered, kAll / kSingle, 1e-12);
    const SimulationResult r = simulate(s);
    const Estimate& mean = r.summary.latencyMean;
    const double exact = hyperThreadedMeanMs(kAll / kSingle);
    const double mm1 = kCpuMs * test::erlangCMeanResponse(kLambda * kCpuMs / 1000, 1);  // 62.5 ms
    const double mm2 = kCpuMs * test::erlangCMeanResponse(kLambda * kCpuMs / 1000, 2);  // 27.5 ms
    EXPECT_NEAR(mean.mean, exact, 2 * mean.halfWidth()) << "CI [" << mean.low << ", " << mean.high << "]";
    EXPECT_LT(mean.halfWidth(), 0.03 * exact);
    // About one vCPU of capacity: within 5 % of M/M/1, about twice M/M/2.
    EXPECT_NEAR(mean.mean, mm1, 0.05 * mm1);
    EXPECT_GT(mean.mean, 1.8 * mm2);
}

TEST(CpuScores, IndependentVcpusBehaveAsWithoutScores)
{
    // An all-core score of exactly vcpu × single-core is the old model: the same run, request by
    // request, as a node with no scores at all (same seed).
    const SimulationResult none = simulate(test::resolved(node(QString())));
    const SimulationResult equal = simulate(test::resolved(node(QStringLiteral(R"(,"cpu_score":1000,"cpu_score_all_cores":2000)"))));
    EXPECT_EQ(none.summary.completed, equal.summary.completed);
    EXPECT_DOUBLE_EQ(none.summary.latencyMean.mean, equal.summary.latencyMean.mean);
    EXPECT_NEAR(none.summary.latencyMean.mean, kCpuMs * test::erlangCMeanResponse(kLambda * kCpuMs / 1000, 2),
                2 * none.summary.latencyMean.halfWidth());
}

TEST(CpuScores, ASlowerSingleCoreAndMoreCoresComeFromTheReference)
{
    // A c7g.large against a c6i.large reference: each request runs at 1532.29 / 1879.34 of the
    // reference speed, a busy node gives 3041.99 / 1879.34 = 1.62 reference vCPUs.
    Catalog catalog = Catalog::shipped();
    Scenario doc = parseScenario(node(QString()), QStringLiteral("test.json"));
    doc.cluster.inlineType.reset();
    doc.cluster.instanceTypeKey = QStringLiteral("aws/c7g.large");
    doc.service.referenceInstanceType = QStringLiteral("aws/c6i.large");
    const ResolvedScenario s = resolveScenario(doc, catalog, nullptr, QStringLiteral("test.json"));
    EXPECT_NEAR(s.nodeSpeed, 1532.29 / 1879.34, 1e-12);
    EXPECT_NEAR(s.cpu.busyNodeReferenceVcpus(), 3041.99 / 1879.34, 1e-12);
    EXPECT_TRUE(s.cpu.describe().contains(QStringLiteral("aws/c6i.large"))) << s.cpu.describe().toStdString();
    // No score for the node type: speed 1, and the description says it was assumed.
    doc.cluster.instanceTypeKey = QStringLiteral("digitalocean/c-2");
    const ResolvedScenario unscored = resolveScenario(doc, catalog, nullptr, QStringLiteral("test.json"));
    EXPECT_DOUBLE_EQ(unscored.nodeSpeed, 1);
    EXPECT_DOUBLE_EQ(unscored.allVcpusDelivered, 0);
    EXPECT_FALSE(unscored.speedFromScores);
    EXPECT_EQ(unscored.cpu.describe(), QStringLiteral("no CPU score: assumed 1 vCPU = reference"));
}
