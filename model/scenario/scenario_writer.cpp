#include "scenario_writer.h"

#include "core/errors.h"
#include "scenario_names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace headroom {

namespace names = scenario_names;

namespace {

QJsonValue toJson(const Distribution& d)
{
    if (d.kind == Distribution::Kind::Deterministic && d.bare) return d.mean;
    QJsonObject o{{QStringLiteral("dist"), names::distributions()[int(d.kind)]}};
    switch (d.kind) {
    case Distribution::Kind::Exponential: o.insert(QStringLiteral("mean"), d.mean); break;
    case Distribution::Kind::Lognormal:
    case Distribution::Kind::Gamma:
        o.insert(QStringLiteral("mean"), d.mean);
        o.insert(QStringLiteral("cv"), d.cv);
        break;
    case Distribution::Kind::Deterministic: o.insert(QStringLiteral("value"), d.mean); break;
    case Distribution::Kind::Empirical: {
        QJsonArray a;
        for (double v : d.values) a.append(v);
        o.insert(QStringLiteral("values"), a);
        break;
    }
    }
    return o;
}

QJsonObject toJson(const Traffic& t)
{
    QJsonObject o{{QStringLiteral("kind"), names::trafficKinds()[int(t.kind)]}};
    switch (t.kind) {
    case Traffic::Kind::Poisson: o.insert(QStringLiteral("rate_rps"), t.rateRps); break;
    case Traffic::Kind::Profile: {
        QJsonArray points;
        for (const auto& [tS, rate] : t.points) points.append(QJsonArray{tS, rate});
        o.insert(QStringLiteral("points"), points);
        break;
    }
    case Traffic::Kind::Trace:
        o.insert(QStringLiteral("dataset"), t.dataset.typeId() == QMetaType::QString ? QJsonValue(t.dataset.toString())
                                                                                   : QJsonValue(t.dataset.toLongLong()));
        o.insert(QStringLiteral("series"), t.series);
        if (!t.node.isEmpty()) o.insert(QStringLiteral("node"), t.node);
        break;
    }
    if (t.scale != 1) o.insert(QStringLiteral("scale"), t.scale);
    return o;
}

QJsonObject toJson(const Service& s)
{
    QJsonObject o{{QStringLiteral("cpu_ms"), toJson(s.cpuMs)}};
    if (s.io) o.insert(QStringLiteral("io"), QJsonObject{{QStringLiteral("calls"), s.io->calls}, {QStringLiteral("rtt_ms"), toJson(s.io->rttMs)}});
    if (s.disk)
        o.insert(QStringLiteral("disk"), QJsonObject{{QStringLiteral("ops"), s.disk->ops},
                                                     {QStringLiteral("iops"), s.disk->iops},
                                                     {QStringLiteral("latency_ms"), toJson(s.disk->latencyMs)}});
    if (s.referenceCpuScore) o.insert(QStringLiteral("reference_cpu_score"), *s.referenceCpuScore);
    if (!s.referenceInstanceType.isEmpty()) o.insert(QStringLiteral("reference_instance_type"), s.referenceInstanceType);
    return o;
}

QJsonObject toJson(const Cluster& c)
{
    QJsonObject o;
    if (c.inlineType) {
        const InlineInstanceType& t = *c.inlineType;
        QJsonObject it{{QStringLiteral("vcpu"), t.vcpu},
                       {QStringLiteral("memory_gib"), t.memoryGib},
                       {QStringLiteral("price_per_hour_usd"), t.pricePerHourUsd}};
        if (t.cpuScore > 0) it.insert(QStringLiteral("cpu_score"), t.cpuScore);
        if (t.cpuScoreAllCores > 0) it.insert(QStringLiteral("cpu_score_all_cores"), t.cpuScoreAllCores);
        if (t.burstable) {
            it.insert(QStringLiteral("burstable"), true);
            it.insert(QStringLiteral("baseline_pct_per_vcpu"), t.baselinePctPerVcpu);
            it.insert(QStringLiteral("credits_per_hour"), t.creditsPerHour);
            it.insert(QStringLiteral("max_credits"), t.maxCredits);
        }
        o.insert(QStringLiteral("instance_type"), it);
    } else {
        o.insert(QStringLiteral("instance_type"), c.instanceTypeKey);
    }
    o.insert(QStringLiteral("nodes"), c.nodes);
    o.insert(QStringLiteral("workers_per_vcpu"), c.workersPerVcpu);
    if (c.memoryPerWorkerMib) o.insert(QStringLiteral("memory_per_worker_mib"), *c.memoryPerWorkerMib);
    if (c.cpuCredits) {
        QJsonObject cr;
        if (c.cpuCredits->mode) cr.insert(QStringLiteral("mode"), names::creditModes()[int(*c.cpuCredits->mode)]);
        if (c.cpuCredits->initial) cr.insert(QStringLiteral("initial"), *c.cpuCredits->initial);
        o.insert(QStringLiteral("cpu_credits"), cr);
    }
    if (c.queueLimit) o.insert(QStringLiteral("queue_limit"), *c.queueLimit);
    o.insert(QStringLiteral("balancer"), names::balancers()[int(c.balancer)]);
    if (!c.speedFromDataset.isEmpty()) {
        QJsonObject speed{{QStringLiteral("from_dataset"), c.speedFromDataset}, {QStringLiteral("metric"), c.speedMetric}};
        if (c.speedCv > 0) speed.insert(QStringLiteral("cv"), c.speedCv);
        o.insert(QStringLiteral("speed"), speed);
    } else if (c.speedCv > 0) {
        o.insert(QStringLiteral("speed"), QJsonObject{{QStringLiteral("cv"), c.speedCv}});
    }
    if (c.noisyNeighbour)
        o.insert(QStringLiteral("noisy_neighbour"), QJsonObject{{QStringLiteral("episodes_per_hour"), c.noisyNeighbour->episodesPerHour},
                                                                {QStringLiteral("mean_duration_s"), c.noisyNeighbour->meanDurationS},
                                                                {QStringLiteral("slowdown"), c.noisyNeighbour->slowdown}});
    if (c.billing)
        o.insert(QStringLiteral("billing"), QJsonObject{{QStringLiteral("granularity_s"), c.billing->granularityS},
                                                        {QStringLiteral("minimum_s"), c.billing->minimumS}});
    return o;
}

QJsonObject toJson(const LeadTime& lt)
{
    QJsonObject o{{QStringLiteral("provisioning_s"), toJson(lt.provisioningS)},
                  {QStringLiteral("boot_s"), lt.bootFromCatalog ? QJsonValue(QStringLiteral("catalog")) : toJson(lt.bootS)},
                  {QStringLiteral("start_s"), toJson(lt.startS)},
                  {QStringLiteral("readiness_s"), toJson(lt.readinessS)},
                  {QStringLiteral("registration_s"), toJson(lt.registrationS)}};
    if (lt.imageBytes > 0) o.insert(QStringLiteral("image_bytes"), lt.imageBytes);
    if (lt.pullBytesPerS > 0) o.insert(QStringLiteral("pull_bytes_per_s"), lt.pullBytesPerS);
    return o;
}

QJsonObject toJson(const Autoscaling& a)
{
    QJsonObject o{{QStringLiteral("policy"), names::policies()[int(a.policy)]},
                  {QStringLiteral("metric"), names::metrics()[int(a.metric)]},
                  {QStringLiteral("target"), a.target},
                  {QStringLiteral("min"), a.min},
                  {QStringLiteral("max"), a.max},
                  {QStringLiteral("cooldown_s"), a.cooldownS},
                  {QStringLiteral("lead_time"), toJson(a.leadTime)}};
    if (a.metricIntervalS) o.insert(QStringLiteral("metric_interval_s"), *a.metricIntervalS);
    if (a.scaleOutDatapoints) o.insert(QStringLiteral("scale_out_datapoints"), *a.scaleOutDatapoints);
    if (a.scaleInDatapoints) o.insert(QStringLiteral("scale_in_datapoints"), *a.scaleInDatapoints);
    if (a.instanceWarmupS) o.insert(QStringLiteral("instance_warmup_s"), *a.instanceWarmupS);
    if (!a.steps.empty()) {
        QJsonArray steps;
        for (const ScalingStep& s : a.steps) {
            QJsonObject step{{QStringLiteral("lower"), s.lower}, {QStringLiteral("change"), s.change}};
            if (s.upper) step.insert(QStringLiteral("upper"), *s.upper);
            steps.append(step);
        }
        o.insert(QStringLiteral("steps"), steps);
    }
    if (!a.schedule.empty()) {
        QJsonArray entries;
        for (const ScheduledCapacity& e : a.schedule)
            entries.append(QJsonObject{{QStringLiteral("at_s"), e.atS}, {QStringLiteral("nodes"), e.nodes}});
        o.insert(QStringLiteral("schedule"), entries);
    }
    if (a.policy == Autoscaling::Policy::KubernetesHpa) {
        o.insert(QStringLiteral("tolerance"), a.hpaTolerance);
        o.insert(QStringLiteral("stabilisation_s"), a.hpaStabilisationS);
        o.insert(QStringLiteral("readiness_delay_s"), a.hpaReadinessDelayS);
    } else {
        // Written only when changed, so a document that never mentioned them stays short.
        if (a.hpaTolerance != 0.1) o.insert(QStringLiteral("tolerance"), a.hpaTolerance);
        if (a.hpaStabilisationS != 300) o.insert(QStringLiteral("stabilisation_s"), a.hpaStabilisationS);
        if (a.hpaReadinessDelayS != 30) o.insert(QStringLiteral("readiness_delay_s"), a.hpaReadinessDelayS);
    }
    return o;
}

}  // namespace

QJsonObject scenarioToJson(const Scenario& s)
{
    QJsonObject o{{QStringLiteral("schema"), QString::fromLatin1(kScenarioSchema)},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("duration_s"), s.durationS},
                  {QStringLiteral("warmup_s"), s.warmupS},
                  {QStringLiteral("interval_s"), s.intervalS},
                  {QStringLiteral("seed"), double(s.seed)},
                  {QStringLiteral("replications"), s.replications},
                  {QStringLiteral("traffic"), toJson(s.traffic)},
                  {QStringLiteral("service"), toJson(s.service)},
                  {QStringLiteral("cluster"), toJson(s.cluster)}};
    if (!s.description.isEmpty()) o.insert(QStringLiteral("description"), s.description);
    if (s.autoscaling) o.insert(QStringLiteral("autoscaling"), toJson(*s.autoscaling));
    if (!s.comparePolicies.empty()) {
        QJsonArray policies;
        for (const Autoscaling& a : s.comparePolicies) policies.append(toJson(a));
        o.insert(QStringLiteral("compare_policies"), policies);
    }
    if (s.healthCheck) {
        const HealthCheck& h = *s.healthCheck;
        o.insert(QStringLiteral("health_check"), QJsonObject{{QStringLiteral("interval_s"), h.intervalS},
                                                             {QStringLiteral("timeout_ms"), h.timeoutMs},
                                                             {QStringLiteral("unhealthy"), h.unhealthy},
                                                             {QStringLiteral("healthy"), h.healthy},
                                                             {QStringLiteral("queued"), h.queued},
                                                             {QStringLiteral("cpu_ms"), h.cpuMs}});
    }
    if (s.client) {
        QJsonObject c{{QStringLiteral("timeout_ms"), s.client->timeoutMs},
                      {QStringLiteral("retries"), s.client->retries},
                      {QStringLiteral("backoff_ms"), s.client->backoffMs}};
        if (s.client->retryBudget) c.insert(QStringLiteral("retry_budget"), *s.client->retryBudget);
        o.insert(QStringLiteral("client"), c);
    }
    if (s.slo) {
        QJsonObject slo{{QStringLiteral("error_rate"), s.slo->errorRate}};
        if (s.slo->latencyP95Ms > 0) slo.insert(QStringLiteral("latency_p95_ms"), s.slo->latencyP95Ms);
        if (s.slo->queueWaitP95Ms) slo.insert(QStringLiteral("queue_wait_p95_ms"), *s.slo->queueWaitP95Ms);
        o.insert(QStringLiteral("slo"), slo);
    }
    return o;
}

QByteArray writeScenario(const Scenario& scenario)
{
    return QJsonDocument(scenarioToJson(scenario)).toJson(QJsonDocument::Indented);
}

void saveScenarioFile(const Scenario& scenario, const QString& path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) throw RuntimeFailure(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    f.write(writeScenario(scenario));
    if (!f.commit()) throw RuntimeFailure(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
}

}  // namespace headroom
