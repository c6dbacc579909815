// The scenario document `headroom.scenario/1` (DESIGN §7), one entry per key. The parser, the
// writer, the form on the Scenario page and the README's reference are made from this table, so
// a new key is one entry here plus its field in scenario.h (whose default is the key's default).
// Entries are in reading order: a key's rules may look at keys read before it.
#include "scenario_keys.h"

#include "scenario_key_hooks.h"
#include "scenario_names.h"

#include <QHash>

namespace headroom::scenario_keys {

namespace {

using scenario_json::above;
using scenario_json::atLeast;
using scenario_json::between;
namespace names = scenario_names;
using W = Widget;

Range aboveUpTo(double lo, double hi) { Range r = between(lo, hi); r.loOpen = true; return r; }
Range fromBelow(double lo, double hi) { Range r = between(lo, hi); r.hiOpen = true; return r; }
QJsonObject object(const char* json) { return QJsonDocument::fromJson(json).object(); }

bool policyIs(const Scenario& s, Autoscaling::Policy p) { return s.autoscaling && s.autoscaling->policy == p; }

std::vector<Key> makeTable()
{
    using P = Autoscaling::Policy;
    return {
        // The document
        custom("schema", "\"headroom.scenario/1\"", QStringLiteral("headroom.scenario/1")).required()
            .byHand(hooks::readSchema, hooks::writeSchema).help("The format and its version."),
        key("name", field(SCENARIO_FIELD(name))).form("Name").help("What the scenario is, in a few words; shown on every page and in the report."),
        key("description", field(SCENARIO_FIELD(description))).write(Written::WhenSet).form("Description").help("What it shows and where its numbers come from."),
        key("duration_s", field(SCENARIO_FIELD(durationS))).required().between(between(1, 366 * 86400.0)).form("Duration (s)").help("Simulated time."),
        key("warmup_s", field(SCENARIO_FIELD(warmupS))).between(atLeast(0)).form("Warm-up (s)")
            .rangeFrom([](const Scenario& s) { Range r = fromBelow(0, s.durationS); return r; }, "< duration_s")
            .help("Time at the start left out of the results, while queues fill."),
        key("interval_s", field(SCENARIO_FIELD(intervalS))).between(atLeast(1)).form("Interval (s)")
            .rangeFrom([](const Scenario& s) { return between(1, s.durationS); }, "≤ duration_s")
            .orElse([](Scenario& s) { s.intervalS = std::min(60.0, s.durationS); }).absent("60, or duration_s when shorter")
            .help("Width of the time buckets in the results and charts."),
        custom("seed", "integer", 12345).between(between(0, 9007199254740991.0)).byHand(hooks::readSeed, hooks::writeSeed)
            .form("Seed", W::Number).absent("1").help("Random seed: the same seed gives the same results."),
        key("replications", field(SCENARIO_FIELD(replications))).between(between(1, 10000)).form("Replications")
            .help("Independent runs whose results are combined, for confidence intervals."),

        // Traffic
        key("traffic", field(SCENARIO_FIELD(traffic))).required().form("Traffic").help("Arriving requests."),
        key("traffic.kind", field(SCENARIO_FIELD(traffic.kind)), names::trafficKinds()).required().form("Kind", W::Custom)
            .help("poisson: a steady rate; profile: a curve through points; trace: a measured series from the workspace."),
        key("traffic.scale", field(SCENARIO_FIELD(traffic.scale))).between(above(0)).write(Written::UnlessDefault).form("Scale (×)")
            .help("Multiplies the rate of any kind (what if traffic doubles?)."),
        key("traffic.rate_rps", field(SCENARIO_FIELD(traffic.rateRps))).required().between(atLeast(0))
            .onlyWhen("kind", QStringLiteral("poisson")).form("Rate (requests/s, poisson)").help("Mean arrival rate."),
        custom("traffic.points", "array of [t_s, rate_rps] pairs", QJsonArray{QJsonArray{0, 50}, QJsonArray{600, 80}}).required()
            .onlyWhen("kind", QStringLiteral("profile")).byHand(hooks::readProfilePoints, hooks::writeProfilePoints)
            .help("Rate at each time, linear between points; edited in the table beside the form."),
        custom("traffic.dataset", "dataset id or name", QStringLiteral("load test 3")).required()
            .onlyWhen("kind", QStringLiteral("trace")).byHand(hooks::readTraceDataset, hooks::writeTraceDataset)
            .form("Dataset (trace: id or name)", W::NumberOrText).help("The imported dataset whose series is replayed."),
        key("traffic.series", field(SCENARIO_FIELD(traffic.series))).onlyWhen("kind", QStringLiteral("trace"))
            .form("Series (trace)").help("Metric replayed as the arrival rate."),
        key("traffic.node", field(SCENARIO_FIELD(traffic.node))).write(Written::WhenSet).onlyWhen("kind", QStringLiteral("trace"))
            .form("Node (trace)").absent("the first series").help("Node whose series is replayed."),

        // Service
        key("service", field(SCENARIO_FIELD(service))).required().form("Service").help("The work one request does."),
        key("service.cpu_ms", field(SCENARIO_FIELD(service.cpuMs))).required().form("CPU time per request (ms)")
            .help("CPU time on the reference CPU."),
        key("service.io", field(SCENARIO_FIELD(service.io))).form("Service: I/O round trips")
            .switchedOnWith(object(R"({"calls":1,"rtt_ms":{"dist":"lognormal","mean":1,"cv":0.5}})"))
            .help("Calls to a database, cache or other service; a worker waits, off CPU.").absent("no I/O"),
        key("service.io.calls", field(SCENARIO_FIELD(service.io->calls))).required().between(between(0, 10000))
            .form("Calls per request").help("Round trips per request, one after another."),
        key("service.io.rtt_ms", field(SCENARIO_FIELD(service.io->rttMs))).required().form("Round trip (ms)").help("Time of one round trip."),
        key("service.disk", field(SCENARIO_FIELD(service.disk))).form("Service: disk")
            .switchedOnWith(object(R"({"ops":1,"iops":3000,"latency_ms":0.5})"))
            .help("Disk operations, queued at each node's own disk.").absent("no disk"),
        key("service.disk.ops", field(SCENARIO_FIELD(service.disk->ops))).required().between(between(0, 10000))
            .form("Operations per request").help("Disk operations per request."),
        key("service.disk.iops", field(SCENARIO_FIELD(service.disk->iops))).required().between(above(0)).form("IOPS limit")
            .help("The disk's rate limit."),
        key("service.disk.latency_ms", field(SCENARIO_FIELD(service.disk->latencyMs))).form("Latency (ms)")
            .help("Device latency of one operation."),
        key("service.reference_cpu_score", field(SCENARIO_FIELD(service.referenceCpuScore))).between(above(0))
            .form("Reference CPU score").absent("reference_instance_type's score").help("CPU score of the machine cpu_ms was measured on."),
        key("service.reference_instance_type", field(SCENARIO_FIELD(service.referenceInstanceType))).write(Written::WhenSet)
            .form("Reference instance type").absent("the cluster's own type").help("Catalog key of the machine cpu_ms was measured on."),

        // Cluster
        key("cluster", field(SCENARIO_FIELD(cluster))).required().form("Cluster").help("The nodes behind the load balancer."),
        key("cluster.instance_type", field(SCENARIO_FIELD(cluster.inlineType))).required().describedAs("catalog key \"provider/name\" or object").form("Instance type", W::Custom)
            .byHand(hooks::readInstanceType, hooks::writeInstanceType)
            .switchedOnWith(object(R"({"vcpu":2,"memory_gib":4,"price_per_hour_usd":0.1})"))
            .help("A catalog key \"provider/name\", or an object describing the type inline."),
        key("cluster.instance_type.vcpu", field(SCENARIO_FIELD(cluster.inlineType->vcpu))).required().between(between(1, 1024))
            .form("vCPUs").help("vCPUs per node."),
        key("cluster.instance_type.memory_gib", field(SCENARIO_FIELD(cluster.inlineType->memoryGib))).required().between(above(0))
            .form("Memory (GiB)").help("Memory per node."),
        key("cluster.instance_type.price_per_hour_usd", field(SCENARIO_FIELD(cluster.inlineType->pricePerHourUsd))).required()
            .between(atLeast(0)).form("Price per hour (USD)").help("On-demand price of one node."),
        key("cluster.instance_type.cpu_score", field(SCENARIO_FIELD(cluster.inlineType->cpuScore))).between(above(0))
            .write(Written::UnlessDefault).form("CPU score").absent("same as the reference").help("Single-core CPU score."),
        key("cluster.instance_type.cpu_score_all_cores", field(SCENARIO_FIELD(cluster.inlineType->cpuScoreAllCores))).between(above(0))
            .write(Written::UnlessDefault).form("CPU score, all vCPUs busy").absent("vCPUs × CPU score")
            .help("CPU score with every vCPU busy (hyper-threads share a core)."),
        key("cluster.instance_type.burstable", field(SCENARIO_FIELD(cluster.inlineType->burstable))).write(Written::UnlessDefault)
            .form("Burstable").help("Runs on CPU credits above its baseline."),
        key("cluster.instance_type.baseline_pct_per_vcpu", field(SCENARIO_FIELD(cluster.inlineType->baselinePctPerVcpu))).required()
            .between(aboveUpTo(0, 100)).onlyWhen("burstable", true, false).form("Baseline % per vCPU")
            .help("CPU a burstable type may use without spending credits."),
        key("cluster.instance_type.credits_per_hour", field(SCENARIO_FIELD(cluster.inlineType->creditsPerHour))).between(atLeast(0))
            .onlyWhen("burstable", true, false).form("Credits per hour").absent("baseline × vCPUs × 60 / 100")
            .orElse([](Scenario& s) { auto& t = *s.cluster.inlineType; t.creditsPerHour = t.baselinePctPerVcpu / 100.0 * t.vcpu * 60; })
            .help("CPU credits earned per hour (one credit: one vCPU-minute)."),
        key("cluster.instance_type.max_credits", field(SCENARIO_FIELD(cluster.inlineType->maxCredits))).between(atLeast(0))
            .onlyWhen("burstable", true, false).form("Max credits").absent("24 × credits_per_hour")
            .orElse([](Scenario& s) { auto& t = *s.cluster.inlineType; t.maxCredits = t.creditsPerHour * 24; })
            .help("Most credits a node can bank."),
        key("cluster.nodes", field(SCENARIO_FIELD(cluster.nodes))).required().between(atLeast(1)).form("Nodes")
            .help("Nodes at the start (autoscaling may change it)."),
        key("cluster.workers_per_vcpu", field(SCENARIO_FIELD(cluster.workersPerVcpu))).between(aboveUpTo(0, 256))
            .form("Workers per vCPU").help("Worker processes or threads per vCPU, each serving one request at a time."),
        key("cluster.memory_per_worker_mib", field(SCENARIO_FIELD(cluster.memoryPerWorkerMib))).between(above(0))
            .form("Memory per worker (MiB)").absent("not limited").help("Caps the workers per node at memory ÷ this."),
        key("cluster.cpu_credits", field(SCENARIO_FIELD(cluster.cpuCredits))).form("Cluster: CPU credits")
            .switchedOnWith(object(R"({"mode":"standard"})")).absent("the family's rules")
            .help("How burstable nodes spend CPU credits."),
        key("cluster.cpu_credits.mode", field(SCENARIO_FIELD(cluster.cpuCredits->mode)), names::creditModes()).form("Mode")
            .absent("the family's launch mode").help("standard: throttled to baseline when out of credits; unlimited: surplus billed."),
        key("cluster.cpu_credits.initial", field(SCENARIO_FIELD(cluster.cpuCredits->initial))).between(atLeast(0))
            .form("Initial credits per node").absent("carried over from the day before (steady state)")
            .help("Credits of each node present at the start."),
        key("cluster.queue_limit", field(SCENARIO_FIELD(cluster.queueLimit))).between(atLeast(0)).form("Queue limit per node")
            .absent("unbounded").help("Requests waiting at a node beyond this are refused."),
        key("cluster.balancer", field(SCENARIO_FIELD(cluster.balancer)), names::balancers()).form("Balancer")
            .help("How the load balancer picks a node."),
        key("cluster.speed", plainSection()).write(Written::WhenNotEmpty).switchedOnWith(object(R"({"cv":0.1})")).help("How fast each node is compared with its type."),
        custom("cluster.speed.from_dataset", "dataset id or name, instance type, or \"instance_type\"", QStringLiteral("instance_type"))
            .byHand(hooks::readSpeedEvidence, hooks::writeSpeedEvidence)
            .help("Draws each node's speed from measured nodes: a dataset, a type \"provider/name\", or \"instance_type\" (the cluster's own)."),
        key("cluster.speed.cv", field(SCENARIO_FIELD(cluster.speedCv))).between(between(0, 2)).write(Written::UnlessDefault)
            .requiredWhen([](const Scenario& s) { return s.cluster.speedFromDataset.isEmpty(); })
            .form("Node speed CV").absent("0 (all nodes equal)").help("Spread of node speed: lognormal with mean 1 and this CV."),
        key("cluster.speed.metric", field(SCENARIO_FIELD(cluster.speedMetric))).write(Written::WhenSet)
            .orElse([](Scenario& s) { if (!s.cluster.speedFromDataset.isEmpty()) s.cluster.speedMetric = QStringLiteral("cpu.events_per_s"); })
            .absent("cpu.events_per_s with from_dataset").help("The measured metric that stands for speed."),
        key("cluster.noisy_neighbour", field(SCENARIO_FIELD(cluster.noisyNeighbour))).form("Cluster: noisy neighbour")
            .switchedOnWith(object(R"({"episodes_per_hour":0.2,"mean_duration_s":600,"slowdown":0.6})"))
            .absent("none").help("Episodes in which a node slows down."),
        key("cluster.noisy_neighbour.episodes_per_hour", field(SCENARIO_FIELD(cluster.noisyNeighbour->episodesPerHour))).required()
            .between(atLeast(0)).form("Episodes per hour").help("Episodes per node per hour."),
        key("cluster.noisy_neighbour.mean_duration_s", field(SCENARIO_FIELD(cluster.noisyNeighbour->meanDurationS))).required()
            .between(above(0)).form("Mean duration (s)").help("Mean length of an episode (exponential)."),
        key("cluster.noisy_neighbour.slowdown", field(SCENARIO_FIELD(cluster.noisyNeighbour->slowdown))).required()
            .between(aboveUpTo(0, 1)).form("Speed during an episode (×)").help("Speed multiplier during an episode."),
        key("cluster.billing", field(SCENARIO_FIELD(cluster.billing))).form("Cluster: billing")
            .switchedOnWith(object(R"({"granularity_s":1,"minimum_s":60})")).absent("the provider's usual rule")
            .help("How node time is billed."),
        key("cluster.billing.granularity_s", field(SCENARIO_FIELD(cluster.billing->granularityS))).required().between(above(0))
            .form("Billed in units of (s)").help("Node time is rounded up to whole units of this."),
        key("cluster.billing.minimum_s", field(SCENARIO_FIELD(cluster.billing->minimumS))).between(atLeast(0))
            .form("Minimum billed (s)").help("Least time billed per node."),

        // Autoscaling
        key("autoscaling", field(SCENARIO_FIELD(autoscaling))).form("Autoscaling").absent("a fixed number of nodes")
            .switchedOnWith(object(R"({"policy":"target_tracking","metric":"cpu","target":0.6,"min":1,"max":10})"))
            .help("Adds and removes nodes."),
        key("autoscaling.policy", field(SCENARIO_FIELD(autoscaling->policy)), names::policies()).required().form("Policy")
            .help("target_tracking and step: AWS-style alarms; k8s_hpa: Kubernetes HPA; scheduled: nodes by the clock."),
        key("autoscaling.metric", field(SCENARIO_FIELD(autoscaling->metric)), names::metrics()).form("Metric")
            .help("cpu: vCPU utilisation; workers: share of busy workers."),
        key("autoscaling.target", field(SCENARIO_FIELD(autoscaling->target))).between(aboveUpTo(0, 1))
            .requiredWhen([](const Scenario& s) { return policyIs(s, P::TargetTracking) || policyIs(s, P::KubernetesHpa); })
            .form("Target").help("Metric value the policy aims at (required by target_tracking and k8s_hpa)."),
        key("autoscaling.min", field(SCENARIO_FIELD(autoscaling->min))).between(between(0, 100000)).form("Min nodes").help("Fewest nodes."),
        key("autoscaling.max", field(SCENARIO_FIELD(autoscaling->max))).between(between(1, 100000)).form("Max nodes")
            .orElse([](Scenario& s) { s.autoscaling->max = std::max(1, s.autoscaling->min); }).absent("min, at least 1")
            .checked([](const Scenario& s, const json::Path& at) {
                if (s.autoscaling->max < s.autoscaling->min)
                    at.fail(QStringLiteral("expected an integer ≥ min (%1), found %2").arg(s.autoscaling->min).arg(s.autoscaling->max));
            })
            .help("Most nodes (≥ min)."),
        key("autoscaling.metric_interval_s", field(SCENARIO_FIELD(autoscaling->metricIntervalS))).between(above(0))
            .form("Metric interval (s)").absent("60 (k8s_hpa: 15)").help("How often the metric is sampled."),
        key("autoscaling.cooldown_s", field(SCENARIO_FIELD(autoscaling->cooldownS))).between(atLeast(0)).form("Cooldown (s)")
            .help("Least time between two scaling actions."),
        key("autoscaling.scale_out_datapoints", field(SCENARIO_FIELD(autoscaling->scaleOutDatapoints))).between(between(1, 1440))
            .form("Scale-out datapoints").absent("3 (target_tracking), 1 (step)").help("Consecutive breaching datapoints before scaling out."),
        key("autoscaling.scale_in_datapoints", field(SCENARIO_FIELD(autoscaling->scaleInDatapoints))).between(between(1, 1440))
            .form("Scale-in datapoints").absent("15 (target_tracking), 1 (step)").help("Consecutive datapoints below before scaling in."),
        key("autoscaling.instance_warmup_s", field(SCENARIO_FIELD(autoscaling->instanceWarmupS))).between(atLeast(0))
            .form("Instance warm-up (s)").absent("300 (target_tracking), 0 (step)").help("A new node's metric is left out this long."),
        custom("autoscaling.steps", "array of {lower, upper, change}", QJsonArray{QJsonObject{{QStringLiteral("lower"), 0.7}, {QStringLiteral("change"), 2}}})
            .byHand(hooks::readScalingSteps, hooks::writeScalingSteps).form("Steps (step policy)", W::Custom)
            .help("Nodes to add (negative: remove) while the metric is in [lower, upper); required by step."),
        custom("autoscaling.schedule", "array of {at_s, nodes}", QJsonArray{QJsonObject{{QStringLiteral("at_s"), 0}, {QStringLiteral("nodes"), 3}}})
            .byHand(hooks::readSchedule, hooks::writeSchedule).form("Schedule (scheduled policy)", W::Custom)
            .help("Nodes from each time on; required by scheduled."),
        key("autoscaling.tolerance", field(SCENARIO_FIELD(autoscaling->hpaTolerance))).between(fromBelow(0, 1)).write(Written::UnlessDefault)
            .writtenAlsoIf([](const Scenario& s) { return policyIs(s, P::KubernetesHpa); }).form("HPA tolerance")
            .help("k8s_hpa: no change while metric/target is within 1 ± this."),
        key("autoscaling.stabilisation_s", field(SCENARIO_FIELD(autoscaling->hpaStabilisationS))).between(atLeast(0))
            .write(Written::UnlessDefault).writtenAlsoIf([](const Scenario& s) { return policyIs(s, P::KubernetesHpa); })
            .form("HPA stabilisation (s)").help("k8s_hpa: scale-in window (the highest recommendation in it wins)."),
        key("autoscaling.readiness_delay_s", field(SCENARIO_FIELD(autoscaling->hpaReadinessDelayS))).between(atLeast(0))
            .write(Written::UnlessDefault).writtenAlsoIf([](const Scenario& s) { return policyIs(s, P::KubernetesHpa); })
            .form("HPA readiness delay (s)").help("k8s_hpa: a new pod's CPU is ignored this long."),
        key("autoscaling.lead_time", field(SCENARIO_FIELD(autoscaling->leadTime))).form("Lead time of a new node", W::Heading)
            .absent("no delay").help("From the scaling decision to a node serving requests, phase by phase."),
        key("autoscaling.lead_time.provisioning_s", field(SCENARIO_FIELD(autoscaling->leadTime.provisioningS))).form("Provisioning (s)")
            .help("Until the provider starts the machine."),
        custom("autoscaling.lead_time.boot_s", "distribution or \"catalog\"", QStringLiteral("catalog"))
            .byHand(hooks::readBootTime, hooks::writeBootTime).form("Boot (s)", W::DistributionOrCatalog).absent("0")
            .help("Operating system boot; \"catalog\": the provider's measured boot times."),
        key("autoscaling.lead_time.image_bytes", field(SCENARIO_FIELD(autoscaling->leadTime.imageBytes))).between(atLeast(0))
            .write(Written::UnlessDefault).form("Image size (bytes)").help("Container image pulled at start."),
        key("autoscaling.lead_time.pull_bytes_per_s", field(SCENARIO_FIELD(autoscaling->leadTime.pullBytesPerS))).between(above(0))
            .write(Written::UnlessDefault).requiredWhen([](const Scenario& s) { return s.autoscaling->leadTime.imageBytes > 0; })
            .form("Pull speed (bytes/s)").absent("image cached, no pull").help("Image pull rate (required with image_bytes)."),
        key("autoscaling.lead_time.start_s", field(SCENARIO_FIELD(autoscaling->leadTime.startS))).form("Start (s)")
            .help("Application start."),
        key("autoscaling.lead_time.readiness_s", field(SCENARIO_FIELD(autoscaling->leadTime.readinessS))).form("Readiness (s)")
            .help("Until the readiness check passes."),
        key("autoscaling.lead_time.registration_s", field(SCENARIO_FIELD(autoscaling->leadTime.registrationS))).form("Registration (s)")
            .help("Until the load balancer sends requests."),

        // Health check, client, objective
        key("health_check", field(SCENARIO_FIELD(healthCheck))).form("Health check").absent("no health checks")
            .switchedOnWith(object(R"({"interval_s":5,"timeout_ms":1000,"unhealthy":3,"healthy":2,"queued":true})"))
            .help("The load balancer's checks; a node failing them gets no requests."),
        key("health_check.interval_s", field(SCENARIO_FIELD(healthCheck->intervalS))).between(above(0)).form("Interval (s)")
            .help("Time between checks."),
        key("health_check.timeout_ms", field(SCENARIO_FIELD(healthCheck->timeoutMs))).between(above(0)).form("Timeout (ms)")
            .help("A check slower than this fails."),
        key("health_check.unhealthy", field(SCENARIO_FIELD(healthCheck->unhealthy))).between(between(1, 100)).form("Failures to leave")
            .help("Failed checks in a row that take a node out."),
        key("health_check.healthy", field(SCENARIO_FIELD(healthCheck->healthy))).between(between(1, 100)).form("Successes to return")
            .help("Passed checks in a row that bring it back."),
        key("health_check.queued", field(SCENARIO_FIELD(healthCheck->queued))).form("Queued behind requests")
            .help("true: a check waits for a worker like a request; false: answered on a separate port."),
        key("health_check.cpu_ms", field(SCENARIO_FIELD(healthCheck->cpuMs))).between(atLeast(0)).form("CPU per check (ms)")
            .help("Work a queued check costs a worker."),
        key("client", field(SCENARIO_FIELD(client))).form("Client").absent("no timeouts, no retries")
            .switchedOnWith(object(R"({"timeout_ms":5000,"retries":0,"backoff_ms":100})"))
            .help("The callers: timeouts and retries."),
        key("client.timeout_ms", field(SCENARIO_FIELD(client->timeoutMs))).between(atLeast(0)).form("Timeout (ms)")
            .absent("0: never gives up").help("A caller gives up after this."),
        key("client.retries", field(SCENARIO_FIELD(client->retries))).between(between(0, 10)).form("Retries")
            .help("Retries after a timeout or refusal."),
        key("client.backoff_ms", field(SCENARIO_FIELD(client->backoffMs))).between(atLeast(0)).form("Backoff (ms)")
            .help("Wait before the first retry, doubled after each."),
        key("client.retry_budget", field(SCENARIO_FIELD(client->retryBudget))).between(between(0, 10))
            .form("Retry budget (share of requests)").absent("unlimited").help("Retries ≤ this × requests (+10)."),
        key("slo", field(SCENARIO_FIELD(slo))).form("Service level objective").absent("no objective")
            .switchedOnWith(object(R"({"latency_p95_ms":300,"error_rate":0.001})"))
            .help("What the recommendation must hold."),
        key("slo.queue_wait_p95_ms", field(SCENARIO_FIELD(slo->queueWaitP95Ms))).between(above(0)).form("p95 queue wait (ms)")
            .absent("not checked").help("Job queues: p95 time waiting for a worker."),
        key("slo.latency_p95_ms", field(SCENARIO_FIELD(slo->latencyP95Ms))).between(above(0)).write(Written::UnlessDefault)
            .requiredWhen([](const Scenario& s) { return !s.slo->queueWaitP95Ms; }).form("p95 latency (ms)")
            .absent("not checked (with queue_wait_p95_ms)").help("p95 response time (required unless queue_wait_p95_ms is given)."),
        key("slo.error_rate", field(SCENARIO_FIELD(slo->errorRate))).between(between(0, 1)).form("Error rate")
            .help("Share of requests that may fail."),
        custom("compare_policies", "array of partial autoscaling objects", QJsonArray{QJsonObject{{QStringLiteral("target"), 0.4}}})
            .byHand(hooks::readComparePolicies, hooks::writeComparePolicies).absent("only the autoscaling policy")
            .help("Other autoscaling policies `headroom recommend` compares, each a few keys of autoscaling changed; "
                  "the recommendation names the policy."),
    };
}

}  // namespace

const std::vector<Key>& scenarioKeys()
{
    static const std::vector<Key> table = makeTable();
    return table;
}

const Key* findScenarioKey(const QString& path)
{
    static const QHash<QString, const Key*> byPath = [] {
        QHash<QString, const Key*> h;
        for (const Key& k : scenarioKeys()) h.insert(k.path, &k);
        return h;
    }();
    return byPath.value(path, nullptr);
}

std::vector<const Key*> childKeys(const QString& sectionPath)
{
    std::vector<const Key*> out;
    for (const Key& k : scenarioKeys())
        if (k.parentPath() == sectionPath) out.push_back(&k);
    return out;
}

const Scenario& defaultScenario()
{
    static const Scenario s = [] {
        Scenario d;
        for (const Key& k : scenarioKeys())
            if (const auto* sec = std::get_if<SectionRef>(&k.ref)) sec->enable(d);
        return d;
    }();
    return s;
}

}  // namespace headroom::scenario_keys
