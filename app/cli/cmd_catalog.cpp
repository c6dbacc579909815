#include "cli_support.h"

#include "catalog/catalog.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace headroom::cli {

namespace {

QJsonObject toJson(const InstanceType& t, const Catalog& catalog)
{
    QJsonObject o{{QStringLiteral("provider"), t.provider},
                  {QStringLiteral("name"), t.name},
                  {QStringLiteral("key"), t.key()},
                  {QStringLiteral("region"), t.region},
                  {QStringLiteral("vcpu"), t.vcpu},
                  {QStringLiteral("memory_gib"), t.memoryGib},
                  {QStringLiteral("arch"), t.arch},
                  {QStringLiteral("dedicated_cpu"), t.dedicatedCpu},
                  {QStringLiteral("burstable"), t.burstable},
                  {QStringLiteral("price_per_hour"), t.pricePerHour},
                  {QStringLiteral("currency"), t.currency},
                  {QStringLiteral("price_basis"), t.priceBasis},
                  {QStringLiteral("price_per_hour_usd"), catalog.pricePerHourUsd(t)},
                  {QStringLiteral("monthly_cost_usd"), catalog.monthlyCostUsd(t)},
                  {QStringLiteral("source"), t.source},
                  {QStringLiteral("source_date"), t.sourceDate},
                  {QStringLiteral("user_override"), t.userOverride}};
    if (t.monthlyCap > 0) o.insert(QStringLiteral("monthly_cap"), t.monthlyCap);
    if (t.burstable) {
        o.insert(QStringLiteral("baseline_pct_per_vcpu"), t.baselinePctPerVcpu);
        o.insert(QStringLiteral("credits_per_hour"), t.creditsPerHour);
        o.insert(QStringLiteral("max_credits"), t.maxCredits);
    }
    if (t.cpuScore > 0) o.insert(QStringLiteral("cpu_score"), t.cpuScore);
    if (t.cpuScoreAllCores > 0) o.insert(QStringLiteral("cpu_score_all_cores"), t.cpuScoreAllCores);
    if (!t.cpuScoreSource.isEmpty()) o.insert(QStringLiteral("cpu_score_source"), t.cpuScoreSource);
    return o;
}

}  // namespace

int runCatalog(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addOption({QStringLiteral("provider"), QStringLiteral("Only this provider (aws, gcp, azure, hetzner, …)."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print {\"instance_types\":[…],\"boot_times\":[…]} as JSON.")});
    const int early = parseOrExit(parser, args,
        QStringLiteral("List the catalog: shipped instance types and prices, overridden by rows imported into the "
                       "workspace. Prices are list prices of the date shown; check current prices."), 0, 0);
    if (early >= 0) return early;
    return guarded([&] {
        auto ws = openWorkspace(parser);
        const Catalog catalog = Catalog::load(*ws);
        const QString provider = parser.value(QStringLiteral("provider")).toLower();
        if (!provider.isEmpty() && !catalog.providers().contains(provider)) {
            printError(QStringLiteral("--provider %1: unknown provider; expected one of: %2")
                           .arg(provider, catalog.providers().join(QStringLiteral(", "))));
            return int(kUsage);
        }
        QJsonArray types;
        QString text;
        for (const InstanceType& t : catalog.instanceTypes()) {
            if (!provider.isEmpty() && t.provider != provider) continue;
            types.append(toJson(t, catalog));
            text += QStringLiteral("%1 %2 vCPU %3 GiB  %4 %5/h  %6%7\n")
                        .arg(t.key().leftJustified(26))
                        .arg(t.vcpu, 3)
                        .arg(t.memoryGib, 6, 'g', 4)
                        .arg(t.pricePerHour, 9, 'f', 4)
                        .arg(t.currency, t.burstable ? QStringLiteral("burstable ") : QString(),
                             t.dedicatedCpu ? QStringLiteral("dedicated") : QStringLiteral("shared vCPU"));
        }
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray boots;
            for (const ProviderBootTimes& b : catalog.bootTimes()) {
                if (!provider.isEmpty() && b.provider != provider) continue;
                boots.append(QJsonObject{{QStringLiteral("provider"), b.provider},
                                         {QStringLiteral("runs"), b.runs},
                                         {QStringLiteral("machine_start_p50_s"), b.machineStartP50},
                                         {QStringLiteral("machine_start_p95_s"), b.machineStartP95},
                                         {QStringLiteral("user_data_start_p50_s"), b.userDataStartP50},
                                         {QStringLiteral("user_data_start_p95_s"), b.userDataStartP95},
                                         {QStringLiteral("weak_evidence"), b.weakEvidence()},
                                         {QStringLiteral("source"), b.source},
                                         {QStringLiteral("source_date"), b.sourceDate}});
            }
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("instance_types"), types},
                                                {QStringLiteral("boot_times"), boots},
                                                {QStringLiteral("eur_to_usd"), catalog.rates().eurToUsd}}));
        } else {
            printText(text + QStringLiteral("\nList prices as published (see source and date with --json); "
                                            "EUR converted at %1 USD for comparisons.").arg(catalog.rates().eurToUsd));
        }
        return int(kOk);
    });
}

}  // namespace headroom::cli
