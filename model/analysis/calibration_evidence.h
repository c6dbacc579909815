#pragma once
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace headroom {
class Workspace;
}

namespace headroom::calibration {

// Latency summary of one load level, in milliseconds.
struct LatencySummary {
    double mean = 0, p50 = 0, p95 = 0, p99 = 0;
};

// What one imported load test (one dataset, one request rate) tells about the service.
struct LevelEvidence {
    qint64 datasetId = 0;
    QString name;
    double rateRps = 0;              // the rate the load generator offered (from its requests)
    qint64 requests = 0;             // answered requests behind the latency figures
    LatencySummary latency;          // as the client saw it
    bool perRequest = false;         // true: computed from per-request rows; false: the tool's summary
    std::vector<double> latencyMs;   // per request (http.latency_ms), may be empty
    std::vector<double> serverTimeMs;  // per request: the app's own wall time (http.server_time_ms)
    std::vector<double> serverCpuMs;   // per request: the app's own CPU time (http.server_cpu_ms)
    std::vector<double> serverIoMs;    // per request: the app's own time in calls (http.server_io_ms)
    // Utilisation law on the CPU reading of this level: busy vCPU-seconds ÷ requests served.
    std::optional<double> demandMs;
    double cpuUtilPct = 0;           // mean utilisation of that reading
    // What other processes (cpu.other_processes_pct) or a hypervisor (cpu.steal_pct) took of the
    // server's CPU during the run, mean percent; above a few percent the server was not alone.
    double otherCpuPct = 0;
    bool otherCpuMeasured = false;   // a reading of either was in the dataset

    // {"dataset","name","rate_rps","requests","per_request","latency_ms":{"mean","p50","p95","p99"},
    //  "demand_ms"|null,"cpu_util_pct","other_cpu_pct"}
    QJsonObject toJson() const;
};

// Per-request rows → summary (type-7 quantiles) and the offered rate (n − 1 over the span of the
// scheduled start times, which the generic CSV import keeps as sample times).
LatencySummary summarize(const std::vector<double>& latencyMs);

// Reads the datasets: per-request latency series when the dataset has them (http.latency_ms,
// as k6 --out json and Headroom's own load generator write), else the headline values the tool
// printed (http.requests_per_s, http.latency_mean_ms, _p50_, _p95_, _p99_). The CPU reading is a
// cpu.util_pct series (percent of a node's `vcpuPerNode` vCPUs) with an http.requests_per_s
// series. A dataset with neither latency form is an InputError naming it. Sorted by rate.
std::vector<LevelEvidence> loadLevels(const Workspace& ws, const std::vector<qint64>& datasetIds, int vcpuPerNode);

// The datasets of a workspace that hold load-test latency in either form.
std::vector<qint64> loadTestDatasets(const Workspace& ws);

}  // namespace headroom::calibration
