#pragma once
#include <QString>
#include <algorithm>
#include <optional>

namespace headroom {

// One rentable machine shape with its price and CPU rules, as the catalog states it.
// Every figure keeps its source and date so the UI and the report can say where it came from.
struct InstanceType {
    QString provider;          // "aws", "hetzner", …
    QString name;              // "c6i.large"
    QString region;            // region the price was read for
    int vcpu = 0;
    double memoryGib = 0;
    QString arch;              // "x86_64", "arm64"
    bool dedicatedCpu = false; // false: shared vCPUs, noisy neighbours expected
    bool burstable = false;
    double baselinePctPerVcpu = 100;  // burstable: sustained share of each vCPU, percent
    double creditsPerHour = 0;        // burstable: credits earned per hour (1 credit = 1 vCPU-minute)
    double maxCredits = 0;            // burstable: bank cap
    double pricePerHour = 0;
    QString currency = QStringLiteral("USD");
    QString priceBasis;        // "on-demand Linux", "hourly, monthly cap", …
    double monthlyCap = 0;     // providers that bill hourly up to a monthly cap; 0 = no cap
    double networkGbps = 0;    // 0 = not stated
    // CPU scores: stress-ng `--cpu` bogo ops/s in real time (data/catalog/cpu_scores.csv, or the
    // user's own runs). cpuScore is one busy vCPU (the speed a request sees); cpuScoreAllCores is
    // all vCPUs busy at once (what a loaded node delivers; far less than vcpu × cpuScore where
    // the vCPUs are hyper-threads of the same cores). 0 = unknown.
    double cpuScore = 0;
    double cpuScoreAllCores = 0;
    enum class CpuScoreOrigin { None, Shipped, CatalogRow, Workspace };
    CpuScoreOrigin cpuScoreOrigin = CpuScoreOrigin::None;
    QString cpuScoreSource;    // "stress-ng 0.17.08, measured 2024-06-13, Spare Cores inspector …"
    QString source;            // where the figures come from
    QString sourceDate;        // when they were read (YYYY-MM or YYYY-MM-DD)
    bool userOverride = false; // true when the row comes from the workspace, not the shipped catalog

    // Cost of running one node for `hours` in a month, the cap applied.
    double monthlyCost(double hours = 730) const
    {
        const double raw = pricePerHour * hours;
        return monthlyCap > 0 ? std::min(raw, monthlyCap) : raw;
    }
    QString key() const { return provider + QLatin1Char('/') + name; }
};

// Default scale-out timings of a provider (seconds from the create call), with their evidence.
struct ProviderBootTimes {
    QString provider;
    int runs = 0;                  // how many measured boots back the figures
    double machineStartP50 = 0;
    double machineStartP95 = 0;
    double userDataStartP50 = 0;
    double userDataStartP90 = 0;
    double userDataStartP95 = 0;
    QString source;
    QString sourceDate;
    // No timings were published for this provider: the figures are the median over the
    // providers that have them, and `source` says so.
    bool assumed = false;
    bool weakEvidence() const { return runs < 20; }
};

}  // namespace headroom
