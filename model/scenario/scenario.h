#pragma once
#include <QString>
#include <QVariant>
#include <optional>
#include <vector>

namespace headroom {

// The scenario document `headroom.scenario/1` of DESIGN §7 as plain values. Units are those of
// the JSON keys (ms where the key says _ms, seconds where it says _s). A section that is absent
// in the document is an empty std::optional here and means "off". A member's default is the
// key's default: the key table (scenario_keys.cpp) reads it from here.

inline constexpr const char* kScenarioSchema = "headroom.scenario/1";

// A random quantity. In JSON: a bare number (deterministic), or
// {"dist":"exponential","mean":m} | {"dist":"lognormal","mean":m,"cv":c} | {"dist":"gamma","mean":m,"cv":c}
// | {"dist":"deterministic","value":v} | {"dist":"empirical","values":[…]} (drawn uniformly).
struct Distribution {
    enum class Kind { Exponential, Lognormal, Gamma, Deterministic, Empirical };
    Kind kind = Kind::Deterministic;
    double mean = 0;              // for Deterministic: the value
    double cv = 0;                // Lognormal, Gamma
    std::vector<double> values;   // Empirical
    bool bare = false;            // written back as a bare number (kept for round trips)

    static Distribution constant(double v) { Distribution d; d.mean = v; return d; }
    static Distribution exponential(double m) { Distribution d; d.kind = Kind::Exponential; d.mean = m; d.cv = 1; return d; }
    double expectedValue() const;
    Distribution scaled(double factor) const;  // same shape, every value × factor
    bool operator==(const Distribution&) const = default;
};

struct Traffic {
    enum class Kind { Poisson, Profile, Trace };
    Kind kind = Kind::Poisson;
    double rateRps = 0;                                 // Poisson
    std::vector<std::pair<double, double>> points;      // Profile: (t_s, rate_rps), linear between
    QVariant dataset;                                   // Trace: dataset id (qint64) or name (QString)
    QString series = QStringLiteral("http.requests_per_s");  // Trace: metric name
    QString node;                                       // Trace: node filter, empty = the first series
    double scale = 1;                                   // all kinds: multiplies the rate (what-if "traffic ×")
    bool operator==(const Traffic&) const = default;
};

struct IoSpec {
    int calls = 0;                 // round trips per request (database, cache, other services)
    Distribution rttMs;
    bool operator==(const IoSpec&) const = default;
};

struct DiskSpec {
    int ops = 0;                   // disk operations per request, served by the node's own disk queue
    double iops = 0;               // the disk's rate limit
    Distribution latencyMs;        // device latency per operation
    bool operator==(const DiskSpec&) const = default;
};

struct Service {
    Distribution cpuMs;            // CPU time per request on the reference CPU
    std::optional<IoSpec> io;
    std::optional<DiskSpec> disk;
    std::optional<double> referenceCpuScore;
    QString referenceInstanceType; // catalog key; used when referenceCpuScore is absent
    bool operator==(const Service&) const = default;
};

// An instance type given inline instead of by catalog key.
struct InlineInstanceType {
    int vcpu = 0;
    double memoryGib = 0;
    double pricePerHourUsd = 0;
    double cpuScore = 0;           // 0 = same as the reference
    double cpuScoreAllCores = 0;   // all vCPUs busy, same units; 0 = vCPUs independent
    bool burstable = false;
    double baselinePctPerVcpu = 100;
    double creditsPerHour = 0;
    double maxCredits = 0;
    bool operator==(const InlineInstanceType&) const = default;
};

struct CpuCredits {
    enum class Mode { Standard, Unlimited };
    std::optional<Mode> mode;       // absent = the family's default (AWS T3/T3a/T4g: unlimited)
    // Credits of each node present at the start; absent = balances carried over from the day
    // before until they repeat (the credit steady state).
    std::optional<double> initial;
    bool operator==(const CpuCredits&) const = default;
};

struct NoisyNeighbour {
    double episodesPerHour = 0;
    double meanDurationS = 0;
    double slowdown = 1;           // speed multiplier during an episode, (0, 1]
    bool operator==(const NoisyNeighbour&) const = default;
};

struct Billing {
    double granularityS = 1;       // billed in whole units of this
    double minimumS = 0;           // minimum billed time per node
    bool operator==(const Billing&) const = default;
};

enum class Balancer { RoundRobin, Random, LeastConnections, PowerOfTwo };

struct Cluster {
    QString instanceTypeKey;                      // catalog key, or empty when inline
    std::optional<InlineInstanceType> inlineType;
    int nodes = 1;
    double workersPerVcpu = 1;
    std::optional<double> memoryPerWorkerMib;
    std::optional<CpuCredits> cpuCredits;
    std::optional<int> queueLimit;                // waiting requests per node; absent = unbounded
    Balancer balancer = Balancer::RoundRobin;
    double speedCv = 0;                           // node speed factor: lognormal, mean 1
    // Node speed factor drawn from measured nodes (cluster.speed.from_dataset): a dataset name or
    // id, an instance type "provider/name", or "instance_type" (the cluster's own type, so a
    // candidate on another type draws from that type's evidence). Empty = speedCv.
    QString speedFromDataset;
    QString speedMetric;                          // cluster.speed.metric, e.g. cpu.events_per_s
    std::optional<NoisyNeighbour> noisyNeighbour;
    std::optional<Billing> billing;               // absent = the provider's usual rule
    bool operator==(const Cluster&) const = default;
};

struct LeadTime {
    Distribution provisioningS = Distribution::constant(0);
    Distribution bootS = Distribution::constant(0);
    double imageBytes = 0;
    double pullBytesPerS = 0;                     // 0 = image cached, no pull
    Distribution startS = Distribution::constant(0);
    Distribution readinessS = Distribution::constant(0);
    Distribution registrationS = Distribution::constant(0);
    bool bootFromCatalog = false;                 // "boot_s": "catalog" = the provider's measured boot times
    bool operator==(const LeadTime&) const = default;
};

struct ScalingStep {
    double lower = 0;                             // metric ≥ lower …
    std::optional<double> upper;                  // … and < upper (absent = no upper bound)
    int change = 0;                               // nodes to add (negative: remove)
    bool operator==(const ScalingStep&) const = default;
};

struct ScheduledCapacity {
    double atS = 0;
    int nodes = 0;
    bool operator==(const ScheduledCapacity&) const = default;
};

struct Autoscaling {
    enum class Policy { None, TargetTracking, Step, KubernetesHpa, Scheduled };
    enum class Metric { Cpu, Workers };           // vCPU utilisation or share of busy workers
    Policy policy = Policy::None;
    Metric metric = Metric::Cpu;
    double target = 0.6;
    int min = 1;
    int max = 1;
    std::optional<double> metricIntervalS;        // default 60, HPA 15
    double cooldownS = 300;
    std::vector<ScalingStep> steps;
    std::vector<ScheduledCapacity> schedule;
    double hpaTolerance = 0.1;
    double hpaStabilisationS = 300;
    double hpaReadinessDelayS = 30;
    // AWS CloudWatch alarms behind target tracking and step scaling: how many consecutive metric
    // datapoints must breach before the policy acts, and the instance warm-up during which a new
    // node counts as capacity but its metric is left out. Defaults: target tracking's alarms
    // (3 above the target, 15 below 90 % of it) and warm-up (300 s); step scaling 1 and 1, no warm-up.
    std::optional<int> scaleOutDatapoints, scaleInDatapoints;
    std::optional<double> instanceWarmupS;
    LeadTime leadTime;
    double metricIntervalOrDefault() const
    {
        return metricIntervalS ? *metricIntervalS : (policy == Policy::KubernetesHpa ? 15.0 : 60.0);
    }
    int scaleOutDatapointsOrDefault() const { return scaleOutDatapoints.value_or(policy == Policy::TargetTracking ? 3 : 1); }
    int scaleInDatapointsOrDefault() const { return scaleInDatapoints.value_or(policy == Policy::TargetTracking ? 15 : 1); }
    double instanceWarmupOrDefault() const { return instanceWarmupS.value_or(policy == Policy::TargetTracking ? 300.0 : 0.0); }
    bool operator==(const Autoscaling&) const = default;
};

struct HealthCheck {
    double intervalS = 5;
    double timeoutMs = 1000;
    int unhealthy = 3;
    int healthy = 2;
    bool queued = true;                           // false: answered on a separate port, never queues
    double cpuMs = 1;                             // work a check costs a worker when queued
    bool operator==(const HealthCheck&) const = default;
};

struct Client {
    double timeoutMs = 0;                         // 0 = never gives up
    int retries = 0;
    double backoffMs = 0;                         // doubles after every retry
    std::optional<double> retryBudget;            // retries ≤ budget × requests (+10), absent = unlimited
    bool operator==(const Client&) const = default;
};

struct Slo {
    double latencyP95Ms = 0;
    double errorRate = 0.001;
    std::optional<double> queueWaitP95Ms;         // job queues: time waiting for a worker
    bool operator==(const Slo&) const = default;
};

struct Scenario {
    QString name;
    QString description;
    double durationS = 3600;
    double warmupS = 0;
    double intervalS = 60;
    quint64 seed = 1;
    int replications = 5;
    Traffic traffic;
    Service service;
    Cluster cluster;
    std::optional<Autoscaling> autoscaling;
    // Other policies `headroom recommend` compares with `autoscaling` (a sweep dimension); the
    // simulator runs `autoscaling` alone.
    std::vector<Autoscaling> comparePolicies;
    std::optional<HealthCheck> healthCheck;
    std::optional<Client> client;
    std::optional<Slo> slo;
    bool operator==(const Scenario&) const = default;
};

}  // namespace headroom
