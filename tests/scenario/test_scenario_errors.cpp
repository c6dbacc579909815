// Every section of the document, broken one key at a time: wrong type, missing key, unknown
// key, value out of range. Each must be an InputError naming the JSON path of the culprit.
#include "scenario_samples.h"

#include "core/errors.h"
#include "scenario/scenario_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

// Sets (or, with an undefined value, removes) the value at a dotted path such as
// "cluster.noisy_neighbour.slowdown"; objects on the way must exist.
QJsonObject edited(QJsonObject root, const QStringList& path, const QJsonValue& v)
{
    if (path.size() == 1) {
        if (v.isUndefined()) root.remove(path[0]);
        else root.insert(path[0], v);
        return root;
    }
    root.insert(path[0], edited(root.value(path[0]).toObject(), path.mid(1), v));
    return root;
}

struct BadCase {
    const char* set;        // dotted path to change
    QJsonValue value;       // undefined = remove the key
    const char* where;      // JSON path the error must name
    const char* says;       // words the message must contain
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.set; }

class BadScenario : public testing::TestWithParam<BadCase> {};

TEST_P(BadScenario, NamesTheJsonPath)
{
    const BadCase& c = GetParam();
    const QJsonObject base = QJsonDocument::fromJson(test::fullScenarioJson()).object();
    ASSERT_FALSE(base.isEmpty());
    const QJsonObject broken = edited(base, QString::fromLatin1(c.set).split(QLatin1Char('.')), c.value);
    try {
        parseScenarioObject(broken, QStringLiteral("scn.json"));
        FAIL() << "accepted " << c.set;
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("scn.json: ") + QString::fromLatin1(c.where)) << e.what();
        EXPECT_TRUE(e.message().contains(QString::fromUtf8(c.says))) << e.what();
    }
}

const QJsonValue kRemove = QJsonValue(QJsonValue::Undefined);

INSTANTIATE_TEST_SUITE_P(EverySection, BadScenario, testing::Values(
    // top level
    BadCase{"duration_s", QStringLiteral("2h"), "$.duration_s", "expected a number"},
    BadCase{"duration_s", kRemove, "$.duration_s", "missing"},
    BadCase{"durations", 10, "$.durations", "unknown key"},
    BadCase{"duration_s", 0, "$.duration_s", "between 1 and"},
    BadCase{"schema", QStringLiteral("headroom.scenario/2"), "$.schema", "expected \"headroom.scenario/1\""},
    BadCase{"warmup_s", 7200, "$.warmup_s", "< 7200"},
    BadCase{"replications", 0, "$.replications", "expected an integer between 1 and 10000"},
    BadCase{"seed", 1.5, "$.seed", "integer"},
    // traffic
    BadCase{"traffic.kind", 3, "$.traffic.kind", "expected one of: poisson, profile, trace"},
    BadCase{"traffic.kind", kRemove, "$.traffic.kind", "missing"},
    BadCase{"traffic.rate", 5, "$.traffic.rate", "unknown key"},
    BadCase{"traffic.scale", 0, "$.traffic.scale", "> 0"},
    BadCase{"traffic.points", QJsonArray{QJsonArray{0, 10}, QJsonArray{0, 20}}, "$.traffic.points[1][0]", "after the previous"},
    // One pair in an array, spelled so that no compiler reads it as a copy of the pair itself.
    BadCase{"traffic.points", QJsonArray{QJsonValue(QJsonArray{0, -1})}, "$.traffic.points[0][1]", "≥ 0"},
    BadCase{"traffic.points", kRemove, "$.traffic.points", "missing"},
    BadCase{"traffic", QStringLiteral("poisson"), "$.traffic", "expected an object"},
    // service
    BadCase{"service.cpu_ms", QStringLiteral("fast"), "$.service.cpu_ms", "expected a number or an object"},
    BadCase{"service.cpu_ms", kRemove, "$.service.cpu_ms", "missing"},
    BadCase{"service.cpu", 1, "$.service.cpu", "unknown key"},
    BadCase{"service.cpu_ms.mean", 0, "$.service.cpu_ms.mean", "> 0"},
    BadCase{"service.cpu_ms.dist", QStringLiteral("weibull"), "$.service.cpu_ms.dist", "expected one of"},
    BadCase{"service.cpu_ms.shape", 2, "$.service.cpu_ms.shape", "unknown key"},
    BadCase{"service.io.calls", -1, "$.service.io.calls", "between 0 and 10000"},
    BadCase{"service.io.rtt_ms", kRemove, "$.service.io.rtt_ms", "missing"},
    BadCase{"service.disk.iops", 0, "$.service.disk.iops", "> 0"},
    BadCase{"service.disk.latency_ms.values", QJsonArray{}, "$.service.disk.latency_ms.values", "non-empty"},
    BadCase{"service.reference_cpu_score", QStringLiteral("high"), "$.service.reference_cpu_score", "expected a number"},
    // cluster
    BadCase{"cluster.nodes", QStringLiteral("6"), "$.cluster.nodes", "expected an integer ≥ 1"},
    BadCase{"cluster.nodes", kRemove, "$.cluster.nodes", "missing"},
    BadCase{"cluster.node", 6, "$.cluster.node", "unknown key"},
    BadCase{"cluster.nodes", 0, "$.cluster.nodes", "expected an integer ≥ 1, found 0"},
    BadCase{"cluster.nodes", 2.5, "$.cluster.nodes", "integer"},
    BadCase{"cluster.instance_type", kRemove, "$.cluster.instance_type", "missing"},
    BadCase{"cluster.instance_type", QStringLiteral("c6i.large"), "$.cluster.instance_type", "provider/name"},
    BadCase{"cluster.instance_type", QJsonObject{{QStringLiteral("vcpu"), 0}, {QStringLiteral("memory_gib"), 1}, {QStringLiteral("price_per_hour_usd"), 0.1}}, "$.cluster.instance_type.vcpu", "between 1 and 1024"},
    BadCase{"cluster.instance_type", QJsonObject{{QStringLiteral("vcpu"), 2}, {QStringLiteral("memory_gib"), 1}, {QStringLiteral("price_per_hour_usd"), 0.1}, {QStringLiteral("cpu_score_all_cores"), -1}}, "$.cluster.instance_type.cpu_score_all_cores", "> 0"},
    BadCase{"cluster.balancer", QStringLiteral("fastest"), "$.cluster.balancer", "round_robin, random, least_connections, power_of_two"},
    BadCase{"cluster.workers_per_vcpu", 0, "$.cluster.workers_per_vcpu", "> 0"},
    BadCase{"cluster.queue_limit", -1, "$.cluster.queue_limit", "≥ 0"},
    BadCase{"cluster.speed.cv", 3, "$.cluster.speed.cv", "between 0 and 2"},
    BadCase{"cluster.speed.mean", 1, "$.cluster.speed.mean", "unknown key"},
    BadCase{"cluster.noisy_neighbour.slowdown", 1.5, "$.cluster.noisy_neighbour.slowdown", "≤ 1"},
    BadCase{"cluster.noisy_neighbour.mean_duration_s", kRemove, "$.cluster.noisy_neighbour.mean_duration_s", "missing"},
    BadCase{"cluster.cpu_credits.mode", QStringLiteral("turbo"), "$.cluster.cpu_credits.mode", "standard, unlimited"},
    BadCase{"cluster.cpu_credits.initial", -5, "$.cluster.cpu_credits.initial", "≥ 0"},
    BadCase{"cluster.billing.granularity_s", 0, "$.cluster.billing.granularity_s", "> 0"},
    // autoscaling
    BadCase{"autoscaling.policy", kRemove, "$.autoscaling.policy", "missing"},
    BadCase{"autoscaling.policy", QStringLiteral("magic"), "$.autoscaling.policy", "none, target_tracking, step, k8s_hpa, scheduled"},
    BadCase{"autoscaling.min", QStringLiteral("2"), "$.autoscaling.min", "expected an integer"},
    BadCase{"autoscaling.max", 2, "$.autoscaling.max", "≥ min (4)"},
    BadCase{"autoscaling.targett", 0.5, "$.autoscaling.targett", "unknown key"},
    BadCase{"autoscaling.target", 1.5, "$.autoscaling.target", "≤ 1"},
    BadCase{"autoscaling.target", kRemove, "$.autoscaling.target", "missing"},
    BadCase{"autoscaling.cooldown_s", -1, "$.autoscaling.cooldown_s", "≥ 0"},
    BadCase{"autoscaling.lead_time.boot_s.mean", -1, "$.autoscaling.lead_time.boot_s.mean", "> 0"},
    BadCase{"autoscaling.lead_time.boot", 3, "$.autoscaling.lead_time.boot", "unknown key"},
    BadCase{"autoscaling.lead_time.pull_bytes_per_s", kRemove, "$.autoscaling.lead_time.pull_bytes_per_s", "missing"},
    BadCase{"autoscaling.steps", QJsonArray{QJsonObject{{QStringLiteral("lower"), 0.5}, {QStringLiteral("upper"), 0.2}, {QStringLiteral("change"), 1}}}, "$.autoscaling.steps[0].upper", "> 0.5"},
    // health check
    BadCase{"health_check.interval_s", QStringLiteral("5"), "$.health_check.interval_s", "expected a number"},
    BadCase{"health_check.port", 8080, "$.health_check.port", "unknown key"},
    BadCase{"health_check.unhealthy", 0, "$.health_check.unhealthy", "between 1 and 100"},
    BadCase{"health_check.queued", QStringLiteral("yes"), "$.health_check.queued", "true or false"},
    BadCase{"health_check.timeout_ms", 0, "$.health_check.timeout_ms", "> 0"},
    // client
    BadCase{"client.retries", 11, "$.client.retries", "between 0 and 10"},
    BadCase{"client.timeout_ms", QStringLiteral("3s"), "$.client.timeout_ms", "expected a number"},
    BadCase{"client.jitter", true, "$.client.jitter", "unknown key"},
    BadCase{"client.retry_budget", -1, "$.client.retry_budget", "between 0 and 10"},
    // slo
    BadCase{"slo.latency_p95_ms", kRemove, "$.slo.latency_p95_ms", "missing"},
    BadCase{"slo.error_rate", 2, "$.slo.error_rate", "between 0 and 1"},
    BadCase{"slo.p95", 200, "$.slo.p95", "unknown key"},
    BadCase{"slo.latency_p95_ms", true, "$.slo.latency_p95_ms", "expected a number"}));

}  // namespace

TEST(BadScenarioFile, StepPolicyNeedsSteps)
{
    QJsonObject root = QJsonDocument::fromJson(test::fullScenarioJson()).object();
    QJsonObject a = root.value(QStringLiteral("autoscaling")).toObject();
    a.insert(QStringLiteral("policy"), QStringLiteral("step"));
    root.insert(QStringLiteral("autoscaling"), a);
    try {
        parseScenarioObject(root, QStringLiteral("scn.json"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("scn.json: $.autoscaling.steps"));
    }
}
