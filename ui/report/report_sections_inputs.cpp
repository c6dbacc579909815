#include "report_format.h"
#include "report_sections.h"

#include <QFileInfo>
#include <QSet>

namespace headroom::report {

namespace {

QString distText(const Distribution& d, const QString& unit)
{
    switch (d.kind) {
    case Distribution::Kind::Deterministic: return fmt::num(d.mean, 3) + unit;
    case Distribution::Kind::Exponential:
        return QObject::tr("exponential, mean %1%2").arg(fmt::num(d.mean, 3), unit);
    case Distribution::Kind::Lognormal:
        return QObject::tr("lognormal, mean %1%2, CV %3").arg(fmt::num(d.mean, 3), unit, fmt::num(d.cv, 2));
    case Distribution::Kind::Gamma:
        return QObject::tr("gamma, mean %1%2, CV %3").arg(fmt::num(d.mean, 3), unit, fmt::num(d.cv, 2));
    case Distribution::Kind::Empirical:
        return QObject::tr("empirical, %1 values, mean %2%3").arg(d.values.size()).arg(fmt::num(d.expectedValue(), 3), unit);
    }
    return {};
}

QString trafficText(const ReportData& d)
{
    const Traffic& t = d.scenario.doc.traffic;
    switch (t.kind) {
    case Traffic::Kind::Poisson: return QObject::tr("Poisson at %1").arg(fmt::rps(d.scenario.peakRateRps));
    case Traffic::Kind::Profile:
        return QObject::tr("profile of %1 points, peak %2").arg(t.points.size()).arg(fmt::rps(d.scenario.peakRateRps));
    case Traffic::Kind::Trace:
        return QObject::tr("trace of %1 from dataset %2, peak %3")
            .arg(t.series, t.dataset.toString(), fmt::rps(d.scenario.peakRateRps));
    }
    return {};
}

void addScenarioTable(Content& c, const ReportData& d)
{
    const Scenario& s = d.scenario.doc;
    const ResolvedScenario& r = d.scenario;
    heading(c, QObject::tr("Scenario"), 2);
    Table t;
    t.headers = {QObject::tr("Setting"), QObject::tr("Value")};
    t.widths = {1, 2.6};
    auto row = [&](const QString& k, const QString& v) { t.rows << QStringList{k, v}; };
    row(QObject::tr("Name"), s.name);
    if (!s.description.isEmpty()) row(QObject::tr("Description"), s.description);
    row(QObject::tr("File"), QFileInfo(d.scenarioPath).absoluteFilePath());
    row(QObject::tr("Duration"), QObject::tr("%1, warm-up %2, intervals of %3")
                                     .arg(fmt::seconds(s.durationS), fmt::seconds(s.warmupS), fmt::seconds(s.intervalS)));
    row(QObject::tr("Traffic"), trafficText(d) + (s.traffic.scale != 1 ? QObject::tr(" (scaled ×%1)").arg(s.traffic.scale) : QString()));
    row(QObject::tr("CPU time per request"), distText(s.service.cpuMs, QStringLiteral(" ms")) +
                                                 QObject::tr(" on the reference CPU; node speed ×%1%2")
                                                     .arg(fmt::num(r.nodeSpeed, 3),
                                                          r.speedFromScores ? QString() : QObject::tr(" (assumed: a CPU score is missing)")));
    row(QObject::tr("CPU score"), r.cpu.describe() + (r.cpu.source.isEmpty() ? QString() : QStringLiteral(" (") + r.cpu.source + QStringLiteral(")")));
    if (s.service.io)
        row(QObject::tr("I/O per request"), QObject::tr("%1 calls, round trip %2").arg(s.service.io->calls).arg(distText(s.service.io->rttMs, QStringLiteral(" ms"))));
    if (s.service.disk)
        row(QObject::tr("Disk per request"), QObject::tr("%1 operations at %2 IOPS, latency %3")
                                                 .arg(s.service.disk->ops)
                                                 .arg(fmt::grouped(s.service.disk->iops, 0), distText(s.service.disk->latencyMs, QStringLiteral(" ms"))));
    row(QObject::tr("Instance type"), QObject::tr("%1: %2 vCPU, %3 workers per node, %4 per hour")
                                          .arg(s.cluster.instanceTypeKey.isEmpty() ? QObject::tr("inline") : s.cluster.instanceTypeKey)
                                          .arg(r.vcpu)
                                          .arg(r.workersPerNode)
                                          .arg(fmt::usd(r.pricePerHourUsd)));
    row(QObject::tr("Fleet"), fleetDescription(d));
    if (s.cluster.speedCv > 0) row(QObject::tr("Node speed spread"), QObject::tr("lognormal, CV %1").arg(fmt::num(s.cluster.speedCv, 3)));
    if (s.cluster.noisyNeighbour)
        row(QObject::tr("Noisy neighbours"), QObject::tr("%1 episodes per hour, mean %2, speed ×%3")
                                                 .arg(fmt::num(s.cluster.noisyNeighbour->episodesPerHour, 2),
                                                      fmt::seconds(s.cluster.noisyNeighbour->meanDurationS),
                                                      fmt::num(s.cluster.noisyNeighbour->slowdown, 2)));
    if (r.burstable)
        row(QObject::tr("CPU credits"), QObject::tr("baseline %1 per vCPU, %2 credits/h earned, bank %3, %4 mode")
                                            .arg(fmt::percent(r.baselineFraction, 0), fmt::num(r.creditsEarnedPerHour, 1),
                                                 fmt::num(r.maxCredits, 0), r.unlimitedCredits ? QObject::tr("unlimited") : QObject::tr("standard")));
    if (s.healthCheck)
        row(QObject::tr("Health checks"), QObject::tr("every %1, timeout %2, unhealthy after %3, healthy after %4")
                                              .arg(fmt::seconds(s.healthCheck->intervalS), fmt::ms(s.healthCheck->timeoutMs))
                                              .arg(s.healthCheck->unhealthy)
                                              .arg(s.healthCheck->healthy));
    if (s.client)
        row(QObject::tr("Client"), QObject::tr("timeout %1, %2 retries, backoff %3")
                                       .arg(s.client->timeoutMs > 0 ? fmt::ms(s.client->timeoutMs) : QObject::tr("none"))
                                       .arg(s.client->retries)
                                       .arg(fmt::ms(s.client->backoffMs)));
    if (s.slo)
        row(QObject::tr("SLO"), QObject::tr("p95 latency ≤ %1, error rate ≤ %2")
                                    .arg(fmt::ms(s.slo->latencyP95Ms), fmt::percent(s.slo->errorRate, 3)));
    else
        row(QObject::tr("SLO"), QObject::tr("none given: every run counts as meeting it"));
    table(c, std::move(t));
}

void addDatasetTable(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Datasets"), 2);
    if (d.datasets.isEmpty()) {
        para(c, QObject::tr("The workspace holds no imported datasets. The figures in this report come from the "
                            "scenario and the catalog alone."));
        return;
    }
    para(c, QObject::tr("Every dataset in the workspace %1, with the first 12 hex digits of its SHA-256 so the "
                        "file can be matched to its source.").arg(fmt::esc(QFileInfo(d.workspacePath).fileName())));
    Table t;
    t.headers = {QObject::tr("#"), QObject::tr("Dataset"), QObject::tr("Format"), QObject::tr("Node"),
                 QObject::tr("Instance type"), QObject::tr("SHA-256"), QObject::tr("Imported (UTC)"), QObject::tr("Contents")};
    t.widths = {0.4, 2.2, 0.9, 0.8, 1.0, 1.5, 1.3, 1.6};  // the hash column fits 12 hex digits unbroken
    t.numeric = {true};
    QSet<QString> folders;
    for (const DatasetSummary& ds : d.datasets) {
        QStringList contents;
        if (ds.measurements) contents << QObject::tr("%1 measurements").arg(ds.measurements);
        if (ds.series) contents << QObject::tr("%1 series, %2 samples").arg(ds.series).arg(ds.samples);
        if (ds.leadTimeEvents) contents << QObject::tr("%1 lead-time events").arg(ds.leadTimeEvents);
        // The dataset's title, as the Data page shows it (an importer's title, else the file's
        // name); the folders it came from in the caption: long paths would crowd the row.
        if (!ds.source.isEmpty() && !ds.source.contains(QStringLiteral("://"))) folders.insert(QFileInfo(ds.source).absolutePath());
        t.rows << QStringList{QString::number(ds.id), ds.name, ds.format, ds.node,
                              ds.instanceType, ds.sha256.left(12), ds.importedAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), contents.join(QStringLiteral("; "))};
    }
    if (!folders.isEmpty()) {
        QStringList sorted = folders.values();
        sorted.sort();
        t.caption = QObject::tr("Imported from: %1").arg(sorted.join(QStringLiteral("; ")));
    }
    table(c, std::move(t));
    // Licences that require attribution wherever the data is shown.
    for (const DataLicence& l : d.licences) {
        QStringList ids;
        for (qint64 id : l.datasetIds) ids << QString::number(id);
        para(c, QObject::tr("Datasets %1: %2").arg(ids.join(QStringLiteral(", ")), fmt::esc(l.text())));
    }
}

void addCatalogTables(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Catalog sources and price dates"), 2);
    const InstanceType& used = d.scenario.instanceType;
    Table t;
    t.headers = {QObject::tr("Provider"), QObject::tr("Region"), QObject::tr("Types"), QObject::tr("Price basis"),
                 QObject::tr("Source"), QObject::tr("Price date")};
    t.widths = {0.9, 0.9, 0.6, 1.2, 2.6, 0.9};
    t.numeric = {false, false, true};
    struct Key { QString provider, region, basis, source, date; };
    QVector<Key> keys;
    QVector<int> counts;
    for (const InstanceType& it : d.catalog.instanceTypes()) {
        int found = -1;
        for (int i = 0; i < keys.size(); ++i)
            if (keys[i].provider == it.provider && keys[i].source == it.source && keys[i].date == it.sourceDate &&
                keys[i].region == it.region && keys[i].basis == it.priceBasis)
                found = i;
        if (found < 0) {
            keys << Key{it.provider, it.region, it.priceBasis, it.source, it.sourceDate};
            counts << 0;
            found = int(keys.size()) - 1;
        }
        ++counts[found];
    }
    for (int i = 0; i < keys.size(); ++i)
        t.rows << QStringList{keys[i].provider, keys[i].region, QString::number(counts[i]), keys[i].basis,
                              keys[i].source, keys[i].date};
    t.caption = QObject::tr("Prices are converted to USD at 1 EUR = %1 USD where the provider prices in EUR.")
                    .arg(fmt::num(d.catalog.rates().eurToUsd, 4));
    table(c, std::move(t));
    if (!used.provider.isEmpty())
        para(c, QObject::tr("The scenario's instance type <b>%1</b> (%2 vCPU, %3 GiB) is priced at %4 %5 per hour "
                            "(%6, %7), read from “%8” on %9.")
                    .arg(fmt::esc(used.key()))
                    .arg(used.vcpu)
                    .arg(fmt::num(used.memoryGib, 1), fmt::num(used.pricePerHour, 4), fmt::esc(used.currency),
                         fmt::esc(used.priceBasis), fmt::esc(used.region), fmt::esc(used.source), fmt::esc(used.sourceDate)));
    if (auto boot = d.catalog.bootTimesOf(d.scenario.instanceType.provider); boot && boot->assumed) {
        para(c, QObject::tr("Boot times of %1: machine start p50 %2, p95 %3, %4.")
                    .arg(fmt::esc(boot->provider), fmt::seconds(boot->machineStartP50), fmt::seconds(boot->machineStartP95),
                         fmt::esc(boot->source)));
    } else if (boot) {
        para(c, QObject::tr("Boot times of %1 from the catalog: machine start p50 %2, p95 %3 over %4 measured boots "
                            "(%5, %6)%7.")
                    .arg(fmt::esc(boot->provider), fmt::seconds(boot->machineStartP50), fmt::seconds(boot->machineStartP95))
                    .arg(boot->runs)
                    .arg(fmt::esc(boot->source), fmt::esc(boot->sourceDate),
                         boot->weakEvidence() ? QObject::tr("; fewer than 20 boots, so treat them as indicative") : QString()));
    }
}

void addAssumptions(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Assumptions"), 2);
    QStringList items;
    items << QObject::tr("A month is 730 hours; monthly costs scale the simulated node-hours to it, with the "
                         "provider's monthly cap applied and credit surcharges included.");
    items << QObject::tr("Prices are on-demand list prices in the region and on the date the catalog states; "
                         "discounts, reserved capacity, taxes and traffic charges are not included.");
    items << QObject::tr("Billing: node time is rounded up to %1 with a minimum of %2 per node.")
                 .arg(fmt::seconds(d.scenario.billingGranularityS), fmt::seconds(d.scenario.billingMinimumS));
    if (d.scenario.speedFromScores)
        items << QObject::tr("CPU time scales with the ratio of single-core stress-ng scores (×%1 for this type); a "
                             "busy node gives what its all-core score says (%2 vCPUs of the reference), so hyper-threads "
                             "count for what they deliver, not as whole vCPUs; I/O waits do not scale.")
                     .arg(fmt::num(d.scenario.nodeSpeed, 3), fmt::num(d.scenario.cpu.busyNodeReferenceVcpus(), 3));
    else
        items << QObject::tr("A CPU score is missing for the instance type or the reference, so CPU times are "
                             "taken as measured (speed ×1).");
    items << QObject::tr("Requests arrive as a Poisson process at the stated rate, independent of each other.");
    if (!d.scenario.doc.autoscaling || d.scenario.doc.autoscaling->policy == Autoscaling::Policy::None)
        items << QObject::tr("The fleet is fixed: no autoscaling, so scale-out lead time does not enter the results.");
    QString html = QStringLiteral("<ul>");
    for (const QString& i : items) html += QStringLiteral("<li>") + fmt::esc(i) + QStringLiteral("</li>");
    para(c, html + QStringLiteral("</ul>"));
}

}  // namespace

void addInputsAndProvenance(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Inputs and provenance"));
    addScenarioTable(c, d);
    addDatasetTable(c, d);
    addCatalogTables(c, d);
    addAssumptions(c, d);
}

}  // namespace headroom::report
