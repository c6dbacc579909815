#include "scenario_parser.h"

#include "core/errors.h"
#include "core/input_file.h"
#include "json_reader.h"
#include "scenario_names.h"

#include <QFile>
#include <QJsonArray>

namespace headroom {

using scenario_json::above;
using scenario_json::atLeast;
using scenario_json::between;
using scenario_json::ObjectReader;
using scenario_json::Range;
namespace names = scenario_names;
using json::Path;

namespace {

QStringList keys(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* k : list) out << QString::fromLatin1(k);
    return out;
}

// A distribution's values must be non-negative: they are durations.
Distribution readDistribution(const Path& path, const QJsonValue& v)
{
    if (v.isDouble()) {
        Distribution d = Distribution::constant(scenario_json::numberAt(path, v, atLeast(0)));
        d.bare = true;
        return d;
    }
    if (!v.isObject())
        path.fail(QStringLiteral("expected a number or an object {\"dist\": %1, …}")
                      .arg(names::distributions().join(QStringLiteral("|"))));
    const QString kind = v.toObject().value(QStringLiteral("dist")).toString();
    // The kind decides which other keys belong, so it is checked first.
    ObjectReader(path, QJsonObject{{QStringLiteral("dist"), v.toObject().value(QStringLiteral("dist"))}}, keys({"dist"}))
        .choice(QStringLiteral("dist"), names::distributions());
    QStringList allowed = keys({"dist"});
    if (kind == QStringLiteral("exponential")) allowed << QStringLiteral("mean");
    else if (kind == QStringLiteral("lognormal") || kind == QStringLiteral("gamma")) allowed << QStringLiteral("mean") << QStringLiteral("cv");
    else if (kind == QStringLiteral("deterministic"))
        allowed << QStringLiteral("value") << QStringLiteral("mean") << QStringLiteral("cv");  // DESIGN §7: {dist, mean, cv 0}
    else if (kind == QStringLiteral("empirical")) allowed << QStringLiteral("values");
    const ObjectReader r(path, v, allowed);
    Distribution d;
    d.kind = Distribution::Kind(r.choice(QStringLiteral("dist"), names::distributions()));
    switch (d.kind) {
    case Distribution::Kind::Exponential:
        d.mean = r.number(QStringLiteral("mean"), above(0));
        d.cv = 1;
        break;
    case Distribution::Kind::Lognormal:
        d.mean = r.number(QStringLiteral("mean"), above(0));
        d.cv = r.number(QStringLiteral("cv"), between(0, 10));
        break;
    case Distribution::Kind::Gamma:
        d.mean = r.number(QStringLiteral("mean"), above(0));
        d.cv = r.number(QStringLiteral("cv"), [] { Range x = between(0, 10); x.loOpen = true; return x; }());
        break;
    case Distribution::Kind::Deterministic:
        if (r.has(QStringLiteral("value")) && r.has(QStringLiteral("mean")))
            r.at(QStringLiteral("mean")).fail(QStringLiteral("give either \"value\" or \"mean\" for a deterministic distribution, not both"));
        d.mean = r.has(QStringLiteral("mean")) ? r.number(QStringLiteral("mean"), atLeast(0)) : r.number(QStringLiteral("value"), atLeast(0));
        r.number(QStringLiteral("cv"), between(0, 0), 0);  // a deterministic value does not vary
        break;
    case Distribution::Kind::Empirical: {
        const Path vp = r.at(QStringLiteral("values"));
        if (!r.has(QStringLiteral("values"))) r.missing(QStringLiteral("values"), QStringLiteral("expected an array of numbers ≥ 0"));
        if (!r.value(QStringLiteral("values")).isArray() || r.value(QStringLiteral("values")).toArray().isEmpty())
            vp.fail(QStringLiteral("expected a non-empty array of numbers ≥ 0"));
        const QJsonArray a = r.value(QStringLiteral("values")).toArray();
        for (qsizetype i = 0; i < a.size(); ++i) d.values.push_back(scenario_json::numberAt(vp.index(i), a[i], atLeast(0)));
        d.mean = d.expectedValue();
        break;
    }
    }
    return d;
}

Distribution readDistribution(const ObjectReader& r, const QString& key)
{
    if (!r.has(key)) r.missing(key, QStringLiteral("expected a number or a distribution object"));
    return readDistribution(r.at(key), r.value(key));
}

Distribution readDistribution(const ObjectReader& r, const QString& key, const Distribution& fallback)
{
    return r.has(key) ? readDistribution(r.at(key), r.value(key)) : fallback;
}

Traffic readTraffic(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"kind", "rate_rps", "points", "dataset", "series", "node", "scale"}));
    Traffic t;
    t.kind = Traffic::Kind(r.choice(QStringLiteral("kind"), names::trafficKinds()));
    t.scale = r.number(QStringLiteral("scale"), above(0), 1.0);
    auto refuse = [&](const char* key) {
        if (r.has(QString::fromLatin1(key)))
            r.at(QString::fromLatin1(key)).fail(QStringLiteral("not used with kind \"%1\"").arg(names::trafficKinds()[int(t.kind)]));
    };
    switch (t.kind) {
    case Traffic::Kind::Poisson:
        t.rateRps = r.number(QStringLiteral("rate_rps"), atLeast(0));
        refuse("points"), refuse("dataset"), refuse("series"), refuse("node");
        break;
    case Traffic::Kind::Profile: {
        refuse("rate_rps"), refuse("dataset"), refuse("series"), refuse("node");
        const Path pp = r.at(QStringLiteral("points"));
        if (!r.has(QStringLiteral("points"))) r.missing(QStringLiteral("points"), QStringLiteral("expected an array of [t_s, rate_rps] pairs"));
        const QJsonValue pv = r.value(QStringLiteral("points"));
        if (!pv.isArray() || pv.toArray().isEmpty()) pp.fail(QStringLiteral("expected a non-empty array of [t_s, rate_rps] pairs"));
        const QJsonArray a = pv.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const Path ip = pp.index(i);
            if (!a[i].isArray() || a[i].toArray().size() != 2) ip.fail(QStringLiteral("expected a pair [t_s, rate_rps]"));
            const QJsonArray pair = a[i].toArray();
            const double tS = scenario_json::numberAt(ip.index(0), pair[0], atLeast(0));
            const double rate = scenario_json::numberAt(ip.index(1), pair[1], atLeast(0));
            if (!t.points.empty() && tS <= t.points.back().first)
                ip.index(0).fail(QStringLiteral("expected a time after the previous point's %1 s").arg(t.points.back().first));
            t.points.emplace_back(tS, rate);
        }
        break;
    }
    case Traffic::Kind::Trace: {
        refuse("rate_rps"), refuse("points");
        if (!r.has(QStringLiteral("dataset"))) r.missing(QStringLiteral("dataset"), QStringLiteral("expected a dataset id or name"));
        const QJsonValue dv = r.value(QStringLiteral("dataset"));
        if (dv.isString() && !dv.toString().isEmpty()) t.dataset = dv.toString();
        else t.dataset = qint64(scenario_json::integerAt(r.at(QStringLiteral("dataset")), dv, atLeast(1)));
        t.series = r.string(QStringLiteral("series"), t.series);
        t.node = r.string(QStringLiteral("node"), QString());
        break;
    }
    }
    return t;
}

Service readService(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"cpu_ms", "io", "disk", "reference_cpu_score", "reference_instance_type"}));
    Service s;
    s.cpuMs = readDistribution(r, QStringLiteral("cpu_ms"));
    if (r.has(QStringLiteral("io"))) {
        const ObjectReader io(r.at(QStringLiteral("io")), r.value(QStringLiteral("io")), keys({"calls", "rtt_ms"}));
        s.io = IoSpec{io.integer(QStringLiteral("calls"), between(0, 10000)), readDistribution(io, QStringLiteral("rtt_ms"))};
    }
    if (r.has(QStringLiteral("disk"))) {
        const ObjectReader d(r.at(QStringLiteral("disk")), r.value(QStringLiteral("disk")), keys({"ops", "iops", "latency_ms"}));
        DiskSpec disk;
        disk.ops = d.integer(QStringLiteral("ops"), between(0, 10000));
        disk.iops = d.number(QStringLiteral("iops"), above(0));
        disk.latencyMs = readDistribution(d, QStringLiteral("latency_ms"), Distribution::constant(0));
        s.disk = disk;
    }
    s.referenceCpuScore = r.optionalNumber(QStringLiteral("reference_cpu_score"), above(0));
    s.referenceInstanceType = r.string(QStringLiteral("reference_instance_type"), QString());
    return s;
}

InlineInstanceType readInlineType(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"vcpu", "memory_gib", "price_per_hour_usd", "cpu_score", "burstable",
                                        "baseline_pct_per_vcpu", "credits_per_hour", "max_credits",
                                        "cpu_score_all_cores"}));
    InlineInstanceType t;
    t.vcpu = r.integer(QStringLiteral("vcpu"), between(1, 1024));
    t.memoryGib = r.number(QStringLiteral("memory_gib"), above(0));
    t.pricePerHourUsd = r.number(QStringLiteral("price_per_hour_usd"), atLeast(0));
    t.cpuScore = r.number(QStringLiteral("cpu_score"), above(0), 0.0);
    t.cpuScoreAllCores = r.number(QStringLiteral("cpu_score_all_cores"), above(0), 0.0);
    t.burstable = r.boolean(QStringLiteral("burstable"), false);
    Range pct = between(0, 100);
    pct.loOpen = true;
    t.baselinePctPerVcpu = r.number(QStringLiteral("baseline_pct_per_vcpu"), pct, 100.0);
    // Earned credits follow from the baseline (baseline × vCPU × 60 per hour) unless stated.
    t.creditsPerHour = r.number(QStringLiteral("credits_per_hour"), atLeast(0), t.baselinePctPerVcpu / 100.0 * t.vcpu * 60);
    t.maxCredits = r.number(QStringLiteral("max_credits"), atLeast(0), t.creditsPerHour * 24);
    if (t.burstable && !r.has(QStringLiteral("baseline_pct_per_vcpu")))
        r.missing(QStringLiteral("baseline_pct_per_vcpu"), QStringLiteral("expected a number > 0 and ≤ 100 for a burstable type"));
    return t;
}

Cluster readCluster(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"instance_type", "nodes", "workers_per_vcpu", "memory_per_worker_mib", "cpu_credits",
                                        "queue_limit", "balancer", "speed", "noisy_neighbour", "billing"}));
    Cluster c;
    if (!r.has(QStringLiteral("instance_type")))
        r.missing(QStringLiteral("instance_type"), QStringLiteral("expected a catalog key \"provider/name\" or an object"));
    const QJsonValue it = r.value(QStringLiteral("instance_type"));
    if (it.isString()) {
        c.instanceTypeKey = it.toString();
        if (!c.instanceTypeKey.contains(QLatin1Char('/')))
            r.at(QStringLiteral("instance_type")).fail(QStringLiteral("expected a catalog key \"provider/name\", found \"%1\"").arg(c.instanceTypeKey));
    } else if (it.isObject()) {
        c.inlineType = readInlineType(r.at(QStringLiteral("instance_type")), it);
    } else {
        r.at(QStringLiteral("instance_type")).fail(QStringLiteral("expected a catalog key \"provider/name\" or an object"));
    }
    c.nodes = r.integer(QStringLiteral("nodes"), atLeast(1));
    c.workersPerVcpu = r.number(QStringLiteral("workers_per_vcpu"), [] { Range x = between(0, 256); x.loOpen = true; return x; }(), 1.0);
    c.memoryPerWorkerMib = r.optionalNumber(QStringLiteral("memory_per_worker_mib"), above(0));
    if (r.has(QStringLiteral("cpu_credits"))) {
        const ObjectReader cr(r.at(QStringLiteral("cpu_credits")), r.value(QStringLiteral("cpu_credits")), keys({"mode", "initial"}));
        CpuCredits credits;
        if (cr.has(QStringLiteral("mode")))
            credits.mode = CpuCredits::Mode(cr.choice(QStringLiteral("mode"), names::creditModes(), 0));
        credits.initial = cr.optionalNumber(QStringLiteral("initial"), atLeast(0));
        c.cpuCredits = credits;
    }
    if (r.has(QStringLiteral("queue_limit"))) c.queueLimit = r.integer(QStringLiteral("queue_limit"), atLeast(0));
    c.balancer = Balancer(r.choice(QStringLiteral("balancer"), names::balancers(), 0));
    if (r.has(QStringLiteral("speed"))) {
        const ObjectReader s(r.at(QStringLiteral("speed")), r.value(QStringLiteral("speed")), keys({"cv", "from_dataset", "metric"}));
        if (s.has(QStringLiteral("cv")) || !s.has(QStringLiteral("from_dataset"))) c.speedCv = s.number(QStringLiteral("cv"), between(0, 2));
        if (s.has(QStringLiteral("from_dataset"))) {
            const QJsonValue v = s.value(QStringLiteral("from_dataset"));  // a dataset id, name or instance type
            c.speedFromDataset = v.isDouble() ? QString::number(integerAt(s.at(QStringLiteral("from_dataset")), v, atLeast(1)))
                                              : s.string(QStringLiteral("from_dataset")).trimmed();
            if (c.speedFromDataset.isEmpty())
                s.at(QStringLiteral("from_dataset")).fail(QStringLiteral("a dataset name or id, an instance type \"provider/name\", or \"instance_type\""));
            c.speedMetric = s.string(QStringLiteral("metric"), QStringLiteral("cpu.events_per_s"));
        }
    }
    if (r.has(QStringLiteral("noisy_neighbour"))) {
        const ObjectReader n(r.at(QStringLiteral("noisy_neighbour")), r.value(QStringLiteral("noisy_neighbour")),
                             keys({"episodes_per_hour", "mean_duration_s", "slowdown"}));
        NoisyNeighbour nn;
        nn.episodesPerHour = n.number(QStringLiteral("episodes_per_hour"), atLeast(0));
        nn.meanDurationS = n.number(QStringLiteral("mean_duration_s"), above(0));
        Range slow = between(0, 1);
        slow.loOpen = true;
        nn.slowdown = n.number(QStringLiteral("slowdown"), slow);
        c.noisyNeighbour = nn;
    }
    if (r.has(QStringLiteral("billing"))) {
        const ObjectReader b(r.at(QStringLiteral("billing")), r.value(QStringLiteral("billing")), keys({"granularity_s", "minimum_s"}));
        Billing billing;
        billing.granularityS = b.number(QStringLiteral("granularity_s"), above(0));
        billing.minimumS = b.number(QStringLiteral("minimum_s"), atLeast(0), 0.0);
        c.billing = billing;
    }
    return c;
}

LeadTime readLeadTime(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"provisioning_s", "boot_s", "image_bytes", "pull_bytes_per_s", "start_s",
                                        "readiness_s", "registration_s"}));
    LeadTime lt;
    lt.provisioningS = readDistribution(r, QStringLiteral("provisioning_s"), lt.provisioningS);
    if (r.value(QStringLiteral("boot_s")) == QJsonValue(QStringLiteral("catalog"))) lt.bootFromCatalog = true;
    else lt.bootS = readDistribution(r, QStringLiteral("boot_s"), lt.bootS);
    lt.imageBytes = r.number(QStringLiteral("image_bytes"), atLeast(0), 0.0);
    lt.pullBytesPerS = r.number(QStringLiteral("pull_bytes_per_s"), above(0), 0.0);
    if (lt.imageBytes > 0 && lt.pullBytesPerS <= 0)
        r.missing(QStringLiteral("pull_bytes_per_s"), QStringLiteral("expected a number > 0 when image_bytes is given"));
    lt.startS = readDistribution(r, QStringLiteral("start_s"), lt.startS);
    lt.readinessS = readDistribution(r, QStringLiteral("readiness_s"), lt.readinessS);
    lt.registrationS = readDistribution(r, QStringLiteral("registration_s"), lt.registrationS);
    return lt;
}

Autoscaling readAutoscaling(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"policy", "metric", "target", "min", "max", "metric_interval_s", "cooldown_s", "steps",
                                        "schedule", "tolerance", "stabilisation_s", "readiness_delay_s", "lead_time",
                                        "scale_out_datapoints", "scale_in_datapoints", "instance_warmup_s"}));
    Autoscaling a;
    a.policy = Autoscaling::Policy(r.choice(QStringLiteral("policy"), names::policies()));
    a.metric = Autoscaling::Metric(r.choice(QStringLiteral("metric"), names::metrics(), 0));
    Range fraction = between(0, 1);
    fraction.loOpen = true;
    const bool needsTarget = a.policy == Autoscaling::Policy::TargetTracking || a.policy == Autoscaling::Policy::KubernetesHpa;
    a.target = needsTarget ? r.number(QStringLiteral("target"), fraction) : r.number(QStringLiteral("target"), fraction, a.target);
    a.min = r.integer(QStringLiteral("min"), between(0, 100000), 1);
    a.max = r.integer(QStringLiteral("max"), between(1, 100000), std::max(1, a.min));
    if (a.max < a.min) r.at(QStringLiteral("max")).fail(QStringLiteral("expected an integer ≥ min (%1), found %2").arg(a.min).arg(a.max));
    a.metricIntervalS = r.optionalNumber(QStringLiteral("metric_interval_s"), above(0));
    a.cooldownS = r.number(QStringLiteral("cooldown_s"), atLeast(0), a.cooldownS);
    if (r.has(QStringLiteral("scale_out_datapoints")))
        a.scaleOutDatapoints = r.integer(QStringLiteral("scale_out_datapoints"), between(1, 1440));
    if (r.has(QStringLiteral("scale_in_datapoints")))
        a.scaleInDatapoints = r.integer(QStringLiteral("scale_in_datapoints"), between(1, 1440));
    a.instanceWarmupS = r.optionalNumber(QStringLiteral("instance_warmup_s"), atLeast(0));
    if (r.has(QStringLiteral("steps")) || a.policy == Autoscaling::Policy::Step) {
        const Path sp = r.at(QStringLiteral("steps"));
        if (!r.has(QStringLiteral("steps"))) r.missing(QStringLiteral("steps"), QStringLiteral("expected an array of {lower, upper, change} for policy \"step\""));
        if (!r.value(QStringLiteral("steps")).isArray() || r.value(QStringLiteral("steps")).toArray().isEmpty())
            sp.fail(QStringLiteral("expected a non-empty array of {lower, upper, change}"));
        const QJsonArray steps = r.value(QStringLiteral("steps")).toArray();
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const ObjectReader s(sp.index(i), steps[i], keys({"lower", "upper", "change"}));
            ScalingStep step;
            step.lower = s.number(QStringLiteral("lower"), atLeast(0));
            step.upper = s.optionalNumber(QStringLiteral("upper"), above(step.lower));
            step.change = s.integer(QStringLiteral("change"), between(-100000, 100000));
            a.steps.push_back(step);
        }
    }
    if (r.has(QStringLiteral("schedule")) || a.policy == Autoscaling::Policy::Scheduled) {
        const Path sp = r.at(QStringLiteral("schedule"));
        if (!r.has(QStringLiteral("schedule"))) r.missing(QStringLiteral("schedule"), QStringLiteral("expected an array of {at_s, nodes} for policy \"scheduled\""));
        if (!r.value(QStringLiteral("schedule")).isArray() || r.value(QStringLiteral("schedule")).toArray().isEmpty())
            sp.fail(QStringLiteral("expected a non-empty array of {at_s, nodes}"));
        const QJsonArray entries = r.value(QStringLiteral("schedule")).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const ObjectReader s(sp.index(i), entries[i], keys({"at_s", "nodes"}));
            ScheduledCapacity e{s.number(QStringLiteral("at_s"), atLeast(0)), s.integer(QStringLiteral("nodes"), between(0, 100000))};
            if (!a.schedule.empty() && e.atS <= a.schedule.back().atS)
                sp.index(i).key(QStringLiteral("at_s")).fail(QStringLiteral("expected a time after the previous entry's %1 s").arg(a.schedule.back().atS));
            a.schedule.push_back(e);
        }
    }
    Range tol = between(0, 1);
    tol.hiOpen = true;
    a.hpaTolerance = r.number(QStringLiteral("tolerance"), tol, a.hpaTolerance);
    a.hpaStabilisationS = r.number(QStringLiteral("stabilisation_s"), atLeast(0), a.hpaStabilisationS);
    a.hpaReadinessDelayS = r.number(QStringLiteral("readiness_delay_s"), atLeast(0), a.hpaReadinessDelayS);
    if (r.has(QStringLiteral("lead_time"))) a.leadTime = readLeadTime(r.at(QStringLiteral("lead_time")), r.value(QStringLiteral("lead_time")));
    return a;
}

HealthCheck readHealthCheck(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"interval_s", "timeout_ms", "unhealthy", "healthy", "queued", "cpu_ms"}));
    HealthCheck h;
    h.intervalS = r.number(QStringLiteral("interval_s"), above(0), h.intervalS);
    h.timeoutMs = r.number(QStringLiteral("timeout_ms"), above(0), h.timeoutMs);
    h.unhealthy = r.integer(QStringLiteral("unhealthy"), between(1, 100), h.unhealthy);
    h.healthy = r.integer(QStringLiteral("healthy"), between(1, 100), h.healthy);
    h.queued = r.boolean(QStringLiteral("queued"), h.queued);
    h.cpuMs = r.number(QStringLiteral("cpu_ms"), atLeast(0), h.cpuMs);
    return h;
}

Client readClient(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"timeout_ms", "retries", "backoff_ms", "retry_budget"}));
    Client c;
    c.timeoutMs = r.number(QStringLiteral("timeout_ms"), atLeast(0), 0.0);
    c.retries = r.integer(QStringLiteral("retries"), between(0, 10), 0);
    c.backoffMs = r.number(QStringLiteral("backoff_ms"), atLeast(0), 0.0);
    c.retryBudget = r.optionalNumber(QStringLiteral("retry_budget"), between(0, 10));
    return c;
}

Slo readSlo(const Path& path, const QJsonValue& v)
{
    const ObjectReader r(path, v, keys({"latency_p95_ms", "error_rate", "queue_wait_p95_ms"}));
    Slo s;
    s.queueWaitP95Ms = r.optionalNumber(QStringLiteral("queue_wait_p95_ms"), above(0));
    s.latencyP95Ms = s.queueWaitP95Ms ? r.number(QStringLiteral("latency_p95_ms"), above(0), 0.0)
                                      : r.number(QStringLiteral("latency_p95_ms"), above(0));
    s.errorRate = r.number(QStringLiteral("error_rate"), between(0, 1), s.errorRate);
    return s;
}

}  // namespace

Scenario parseScenarioObject(const QJsonObject& root, const QString& fileName)
{
    const Path top(fileName);
    const ObjectReader r(top, root, keys({"schema", "name", "description", "duration_s", "warmup_s", "interval_s", "seed",
                                          "replications", "traffic", "service", "cluster", "autoscaling", "health_check",
                                          "client", "slo", "compare_policies"}));
    const QString schema = r.string(QStringLiteral("schema"));
    if (schema != QString::fromLatin1(kScenarioSchema))
        r.at(QStringLiteral("schema")).fail(QStringLiteral("expected \"%1\", found \"%2\"").arg(QString::fromLatin1(kScenarioSchema), schema));
    Scenario s;
    s.name = r.string(QStringLiteral("name"), QString());
    s.description = r.string(QStringLiteral("description"), QString());
    s.durationS = r.number(QStringLiteral("duration_s"), between(1, 366 * 86400.0));
    Range warm = atLeast(0);
    warm.hi = s.durationS;
    warm.hiOpen = true;
    s.warmupS = r.number(QStringLiteral("warmup_s"), warm, 0.0);
    s.intervalS = r.number(QStringLiteral("interval_s"), between(1, s.durationS), std::min(60.0, s.durationS));
    if (r.has(QStringLiteral("seed")))
        s.seed = quint64(scenario_json::numberAt(r.at(QStringLiteral("seed")), r.value(QStringLiteral("seed")), between(0, 9007199254740991.0)));
    if (r.has(QStringLiteral("seed")) && r.value(QStringLiteral("seed")).toDouble() != double(s.seed))
        r.at(QStringLiteral("seed")).fail(QStringLiteral("expected an integer ≥ 0"));
    s.replications = r.integer(QStringLiteral("replications"), between(1, 10000), s.replications);
    auto required = [&](const char* key) {
        if (!r.has(QString::fromLatin1(key))) r.missing(QString::fromLatin1(key), QStringLiteral("expected an object"));
        return r.value(QString::fromLatin1(key));
    };
    s.traffic = readTraffic(r.at(QStringLiteral("traffic")), required("traffic"));
    s.service = readService(r.at(QStringLiteral("service")), required("service"));
    s.cluster = readCluster(r.at(QStringLiteral("cluster")), required("cluster"));
    if (r.has(QStringLiteral("autoscaling")))
        s.autoscaling = readAutoscaling(r.at(QStringLiteral("autoscaling")), r.value(QStringLiteral("autoscaling")));
    if (r.has(QStringLiteral("compare_policies"))) {
        // Each entry changes some keys of `autoscaling`: [{"target": 0.5}, {"policy": "kubernetes_hpa"}].
        const json::Path at = r.at(QStringLiteral("compare_policies"));
        if (!s.autoscaling) at.fail(QStringLiteral("expected \"autoscaling\" too: the policies compared are variations of it"));
        if (!r.value(QStringLiteral("compare_policies")).isArray()) at.fail(QStringLiteral("expected an array of objects"));
        const QJsonArray entries = r.value(QStringLiteral("compare_policies")).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (!entries[i].isObject()) at.index(i).fail(QStringLiteral("expected an object"));
            QJsonObject merged = r.value(QStringLiteral("autoscaling")).toObject();
            const QJsonObject entry = entries[i].toObject();
            for (auto it = entry.begin(); it != entry.end(); ++it) merged.insert(it.key(), it.value());
            s.comparePolicies.push_back(readAutoscaling(at.index(i), merged));
        }
    }
    if (r.has(QStringLiteral("health_check")))
        s.healthCheck = readHealthCheck(r.at(QStringLiteral("health_check")), r.value(QStringLiteral("health_check")));
    if (r.has(QStringLiteral("client"))) s.client = readClient(r.at(QStringLiteral("client")), r.value(QStringLiteral("client")));
    if (r.has(QStringLiteral("slo"))) s.slo = readSlo(r.at(QStringLiteral("slo")), r.value(QStringLiteral("slo")));
    return s;
}

Scenario parseScenario(const QByteArray& bytes, const QString& fileName)
{
    const QJsonDocument doc = json::parseDocument(bytes, fileName, false, json::DuplicateKeys::Refuse);
    if (!doc.isObject()) throw InputError(fileName + QStringLiteral(": $"), QStringLiteral("expected a JSON object"));
    return parseScenarioObject(doc.object(), fileName);
}

Scenario loadScenarioFile(const QString& path)
{
    // A regular file only (a device never ends, a FIFO blocks), and one that fits easily in memory.
    return parseScenario(readRegularFile(path, 64LL * 1024 * 1024), path);
}

}  // namespace headroom
