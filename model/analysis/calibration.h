#pragma once
#include "catalog/instance_type.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom::calibration {

// Monitoring of an existing fleet: CPU utilisation averaged over its nodes (percent) and the
// request rate the whole fleet served (requests/s), each as a time series.
struct FleetSeries {
    std::vector<double> utilT, utilPct;
    std::vector<double> rateT, rateRps;
    int nodes = 1;
    int vcpuPerNode = 1;
    double cpuScore = 0;  // per-vCPU benchmark score of the fleet's instance type, 0 = unknown
};

// Service demand per request by the utilisation law D = U·c / X, per interval.
struct Demand {
    int intervals = 0;
    int nodes = 0;
    int vcpuPerNode = 0;
    double meanUtilPct = 0;
    double meanRateRps = 0;
    // Over the intervals: spread of the demand over time, not the per-request distribution,
    // which utilisation cannot show.
    double meanMs = 0, medianMs = 0, p10Ms = 0, p90Ms = 0, cv = 0;
    // Σ busy / Σ requests over the whole window (weights busy intervals by their traffic).
    double pooledMs = 0;
    double cpuScore = 0;
    std::vector<double> t, demandMs;

    // The scenario's service section: {"cpu_ms":{"dist":"exponential","mean"},"reference_cpu_score"}.
    // Exponential because utilisation gives the mean only; the page says so.
    QJsonObject scenarioService() const;
    // {"intervals","nodes","vcpu_per_node","mean_util_pct","mean_rate_rps","demand_ms":{"mean",
    //  "pooled","median","p10","p90","cv"},"service":{…scenarioService…}}
    QJsonObject toJson() const;
};

// Pairs every utilisation sample with the request rate at that time (linear interpolation,
// no extrapolation beyond the rate series) and skips intervals without traffic. Throws
// InputError(where, …) when no interval pairs up or the fleet shape is not positive.
Demand serviceDemand(const FleetSeries& fleet, const QString& where = QString());

// "12 × m5.large at 45 % ≈ N × CCX23 at 60 %": the busy vCPU-seconds per second of the fleet,
// rescaled by the ratio of per-vCPU scores, spread over the target type at its target load.
struct Projection {
    QString from, to;
    int nodesFrom = 0;
    double utilFromPct = 0;
    double targetUtilPct = 0;
    double scoreFrom = 0, scoreTo = 0;
    double speedRatio = 0;   // scoreTo / scoreFrom
    double nodesExact = 0;
    int nodesNeeded = 0;     // rounded up
    double demandOnTargetMs = 0;  // when a demand was given, 0 otherwise
    QString text;            // the sentence above, with the numbers
    // {"from","to","nodes_from","util_from_pct","target_util_pct","score_from","score_to",
    //  "speed_ratio","nodes_exact","nodes_needed","demand_on_target_ms","text"}
    QJsonObject toJson() const;
};

// Throws InputError when a score or vCPU count is unknown (0) or a utilisation is out of (0, 100].
Projection project(int nodes, double utilPct, const InstanceType& from, const InstanceType& to,
                   double targetUtilPct, double demandMs = 0);

}  // namespace headroom::calibration
