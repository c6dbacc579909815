#include "resolved_scenario.h"
#include "resource_estimate.h"

#include "analysis/speed_from_evidence.h"
#include "catalog/burstable_rules.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "store/dataset_repository.h"
#include "store/series_queries.h"

#include <algorithm>
#include <cmath>

namespace headroom {

namespace {

QString where(const QString& file, const QString& path) { return file + QStringLiteral(": ") + path; }

// Providers that bill Linux VMs per second after a first minute; the others in the catalog bill
// by the hour (with a monthly cap, which a simulation of hours or days never reaches).
bool billsPerSecond(const QString& provider)
{
    return provider == QStringLiteral("aws") || provider == QStringLiteral("gcp") || provider == QStringLiteral("azure");
}

// A lognormal with the catalog's median and 95th percentile boot time:
// median = e^µ, p95 = e^(µ + 1.645 σ).
Distribution bootFromCatalog(const ProviderBootTimes& b)
{
    const double p50 = b.userDataStartP50;
    const double p95 = std::max(b.userDataStartP95, p50);
    const double sigma = std::log(p95 / p50) / 1.6448536;
    Distribution d;
    d.kind = Distribution::Kind::Lognormal;
    d.mean = p50 * std::exp(sigma * sigma / 2);
    d.cv = std::sqrt(std::exp(sigma * sigma) - 1);
    return d;
}

std::vector<std::pair<double, double>> tracePoints(const Traffic& t, const Workspace* ws, const QString& file)
{
    const QString at = where(file, QStringLiteral("$.traffic.dataset"));
    if (!ws) throw InputError(at, QStringLiteral("a trace needs a workspace (-w) holding the dataset"));
    qint64 datasetId = 0;
    const QVector<DatasetSummary> datasets = listDatasets(*ws);
    for (const DatasetSummary& d : datasets) {
        const bool match = t.dataset.typeId() == QMetaType::QString ? d.name == t.dataset.toString() : d.id == t.dataset.toLongLong();
        if (match) datasetId = d.id;
    }
    if (datasetId == 0)
        throw InputError(at, QStringLiteral("no dataset %1 in the workspace (see headroom datasets)").arg(t.dataset.toString()));
    Selection filter;
    filter.metric = t.series;
    filter.datasetId = datasetId;
    const std::vector<Series> series = seriesByTime(*ws, filter);
    const Series* chosen = nullptr;
    for (const Series& s : series)
        if (!chosen && (t.node.isEmpty() || s.node == t.node) && !s.t.empty()) chosen = &s;
    if (!chosen)
        throw InputError(where(file, QStringLiteral("$.traffic.series")),
                         QStringLiteral("dataset %1 has no series \"%2\"%3 with samples")
                             .arg(t.dataset.toString(), t.series,
                                  t.node.isEmpty() ? QString() : QStringLiteral(" for node \"%1\"").arg(t.node)));
    std::vector<std::pair<double, double>> points;
    const double t0 = chosen->t.front();
    for (size_t i = 0; i < chosen->t.size(); ++i) {
        const double rel = chosen->t[i] - t0;
        const double v = chosen->v[i];
        if (!std::isfinite(v) || v < 0 || (!points.empty() && rel <= points.back().first)) continue;  // gaps, duplicates
        points.emplace_back(rel, v * t.scale);
    }
    return points;
}

}  // namespace

ResolvedScenario resolveScenario(const Scenario& doc, const Catalog& catalog, const Workspace* ws, const QString& fileName)
{
    ResolvedScenario r;
    r.doc = doc;
    const Cluster& c = doc.cluster;

    // Node shape and price.
    if (c.inlineType) {
        const InlineInstanceType& t = *c.inlineType;
        r.instanceType.provider = QStringLiteral("inline");
        r.instanceType.name = QStringLiteral("%1 vCPU / %2 GiB").arg(t.vcpu).arg(t.memoryGib);
        r.instanceType.vcpu = t.vcpu;
        r.instanceType.memoryGib = t.memoryGib;
        r.instanceType.pricePerHour = t.pricePerHourUsd;
        r.instanceType.cpuScore = t.cpuScore;
        r.instanceType.cpuScoreAllCores = t.cpuScore > 0 ? t.cpuScoreAllCores : 0;
        if (t.cpuScore > 0) r.instanceType.cpuScoreSource = QStringLiteral("the scenario's inline instance type");
        r.instanceType.burstable = t.burstable;
        r.instanceType.baselinePctPerVcpu = t.baselinePctPerVcpu;
        r.instanceType.creditsPerHour = t.creditsPerHour;
        r.instanceType.maxCredits = t.maxCredits;
        r.pricePerHourUsd = t.pricePerHourUsd;
    } else {
        const auto found = catalog.find(c.instanceTypeKey);
        if (!found)
            throw InputError(where(fileName, QStringLiteral("$.cluster.instance_type")),
                             QStringLiteral("\"%1\" is not in the catalog (see headroom catalog)").arg(c.instanceTypeKey));
        r.instanceType = *found;
        r.pricePerHourUsd = catalog.pricePerHourUsd(*found);
    }
    r.vcpu = std::max(1, r.instanceType.vcpu);
    r.workersPerNode = std::max(1, int(std::floor(r.vcpu * c.workersPerVcpu + 1e-9)));
    if (c.memoryPerWorkerMib) {
        const int byMemory = int(std::floor(r.instanceType.memoryGib * 1024.0 / *c.memoryPerWorkerMib + 1e-9));
        if (byMemory < 1)
            throw InputError(where(fileName, QStringLiteral("$.cluster.memory_per_worker_mib")),
                             QStringLiteral("%1 MiB per worker leaves no room for one worker in %2 GiB")
                                 .arg(*c.memoryPerWorkerMib).arg(r.instanceType.memoryGib));
        r.workersPerNode = std::min(r.workersPerNode, byMemory);
    }

    // Speed relative to the machine the CPU times were measured on (cpu_capacity.h). With no
    // reference stated, that machine is the cluster's own type.
    double reference = doc.service.referenceCpuScore.value_or(0);
    QString referenceLabel = QStringLiteral("reference_cpu_score %1").arg(reference);
    if (reference <= 0 && !doc.service.referenceInstanceType.isEmpty()) {
        const auto ref = catalog.find(doc.service.referenceInstanceType);
        if (!ref)
            throw InputError(where(fileName, QStringLiteral("$.service.reference_instance_type")),
                             QStringLiteral("\"%1\" is not in the catalog").arg(doc.service.referenceInstanceType));
        reference = ref->cpuScore;
        referenceLabel = ref->key();
    } else if (reference <= 0) {
        reference = r.instanceType.cpuScore;
        referenceLabel = r.instanceType.key();
    }
    r.cpu = cpuCapacityOf(r.instanceType, reference, referenceLabel);
    r.nodeSpeed = r.cpu.speed();
    r.speedFromScores = r.cpu.speedKnown();
    // A busy node's vCPUs give what its all-core score says, whatever the reference.
    r.allVcpusDelivered = r.cpu.allVcpusDelivered();

    // Node speed factors measured on real nodes (cluster.speed.from_dataset).
    if (!c.speedFromDataset.isEmpty()) {
        const QString at = where(fileName, QStringLiteral("$.cluster.speed.from_dataset"));
        const bool ownType = c.speedFromDataset == QLatin1String("instance_type");
        const QString source = ownType ? r.instanceType.key() : c.speedFromDataset;
        if (!ws) throw InputError(at, QStringLiteral("node speed from evidence needs a workspace (-w) holding the measurements"));
        const analysis::SpeedEvidence e = analysis::nodeSpeedFactors(*ws, source, c.speedMetric, at);
        // The cluster's own type may have no evidence (a recommender candidate): cluster.speed.cv then holds.
        if (e.factors.empty() && !ownType)
            throw InputError(at, QStringLiteral("no %1 measured on nodes of \"%2\"").arg(c.speedMetric, source));
        r.nodeSpeedFactors = e.factors;
        if (!e.factors.empty()) r.nodeSpeedSource = QStringLiteral("%1: %2 nodes of %3").arg(e.group).arg(e.factors.size()).arg(c.speedMetric);
    }

    // Burstable CPU credits.
    r.burstable = r.instanceType.burstable;
    if (r.burstable) {
        r.baselineFraction = std::clamp(r.instanceType.baselinePctPerVcpu / 100.0, 0.0, 1.0);
        r.creditsEarnedPerHour = r.instanceType.creditsPerHour > 0 ? r.instanceType.creditsPerHour
                                                                   : r.baselineFraction * r.vcpu * 60;
        r.maxCredits = r.instanceType.maxCredits > 0 ? r.instanceType.maxCredits : r.creditsEarnedPerHour * 24;
        // The family's documented rules: launch credits, default mode, surplus price.
        const auto rules = burstableRulesFor(r.instanceType);
        const bool modeStated = c.cpuCredits && c.cpuCredits->mode;
        r.unlimitedCredits = modeStated ? *c.cpuCredits->mode == CpuCredits::Mode::Unlimited
                                        : rules && rules->unlimitedByDefault;
        if (r.unlimitedCredits && rules && !rules->hasUnlimitedMode())
            throw InputError(where(fileName, QStringLiteral("$.cluster.cpu_credits.mode")),
                             QStringLiteral("%1 has no unlimited mode (%2); expected \"standard\"")
                                 .arg(r.instanceType.key(), rules->source));
        r.surplusUsdPerVcpuHour = rules && rules->hasUnlimitedMode() ? rules->unlimitedUsdPerVcpuHour
                                                                     : ResolvedScenario::kDefaultSurplusUsdPerVcpuHour;
        // Launch credits are a standard-mode gift (AWS T2; Azure B-series' initial credits).
        r.launchCredits = rules && !r.unlimitedCredits ? std::min(r.maxCredits, rules->launchCreditsPerVcpu * r.vcpu) : 0;
        if (rules) r.creditRulesSource = rules->source + QStringLiteral(", ") + rules->sourceDate;
        const bool initialStated = c.cpuCredits && c.cpuCredits->initial;
        r.carryCredits = !initialStated;
        r.initialCredits = initialStated ? std::min(r.maxCredits, *c.cpuCredits->initial) : r.launchCredits;
    }

    // Billing.
    if (c.billing) {
        r.billingGranularityS = c.billing->granularityS;
        r.billingMinimumS = c.billing->minimumS;
    } else if (c.inlineType || billsPerSecond(r.instanceType.provider)) {
        r.billingGranularityS = 1;
        r.billingMinimumS = 60;
    } else {
        r.billingGranularityS = 3600;
        r.billingMinimumS = 3600;
    }

    // Traffic as a rate curve.
    const Traffic& t = doc.traffic;
    switch (t.kind) {
    case Traffic::Kind::Poisson: r.ratePoints = {{0.0, t.rateRps * t.scale}}; break;
    case Traffic::Kind::Profile:
        for (const auto& [tS, rate] : t.points) r.ratePoints.emplace_back(tS, rate * t.scale);
        break;
    case Traffic::Kind::Trace: r.ratePoints = tracePoints(t, ws, fileName); break;
    }
    for (const auto& p : r.ratePoints) r.peakRateRps = std::max(r.peakRateRps, p.second);

    // Service, in seconds.
    r.cpuS = doc.service.cpuMs.scaled(0.001);
    if (doc.service.io) {
        r.ioCalls = doc.service.io->calls;
        r.rttS = doc.service.io->rttMs.scaled(0.001);
    }
    if (doc.service.disk) {
        r.diskOps = doc.service.disk->ops;
        r.diskServiceS = 1.0 / doc.service.disk->iops;
        r.diskLatencyS = doc.service.disk->latencyMs.scaled(0.001);
    }

    // Lead time.
    if (doc.autoscaling) {
        const LeadTime& lt = doc.autoscaling->leadTime;
        r.provisioningS = lt.provisioningS;
        r.bootS = lt.bootS;
        if (lt.bootFromCatalog) {
            const auto boots = catalog.bootTimesOf(r.instanceType.provider);
            if (!boots || boots->userDataStartP50 <= 0)
                throw InputError(where(fileName, QStringLiteral("$.autoscaling.lead_time.boot_s")),
                                 QStringLiteral("the catalog has no boot times for provider \"%1\"; give a distribution")
                                     .arg(r.instanceType.provider));
            r.bootS = bootFromCatalog(*boots);
        }
        r.startS = lt.startS;
        r.readinessS = lt.readinessS;
        r.registrationS = lt.registrationS;
        r.imagePullS = lt.pullBytesPerS > 0 ? lt.imageBytes / lt.pullBytesPerS : 0;
    }
    refuseUnlessFits(r, doc.replications, true, where(fileName, QStringLiteral("$")));
    return r;
}

}  // namespace headroom
