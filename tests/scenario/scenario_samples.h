#pragma once
#include <QByteArray>

namespace headroom::test {

// A document that uses every section of headroom.scenario/1 (DESIGN §7 plus the optional keys),
// for round trips and as the base that the bad-input table breaks one key at a time.
inline QByteArray fullScenarioJson()
{
    return R"({
  "schema": "headroom.scenario/1",
  "name": "Checkout API, Black Friday peak",
  "description": "every section",
  "duration_s": 7200, "warmup_s": 300, "interval_s": 60, "seed": 42, "replications": 10,
  "traffic": { "kind": "profile", "points": [[0, 200], [3600, 900], [5400, 2400], [7200, 600]], "scale": 1.5 },
  "service": { "cpu_ms": { "dist": "lognormal", "mean": 12, "cv": 0.8 },
               "io": { "calls": 3, "rtt_ms": { "dist": "gamma", "mean": 2, "cv": 0.5 } },
               "disk": { "ops": 2, "iops": 3000, "latency_ms": { "dist": "empirical", "values": [0.2, 0.4, 1.5] } },
               "reference_cpu_score": 1000 },
  "cluster": { "instance_type": "aws/c6i.large", "nodes": 6, "workers_per_vcpu": 1,
               "cpu_credits": { "mode": "standard", "initial": 0 },
               "memory_per_worker_mib": 300, "queue_limit": 200, "balancer": "least_connections",
               "speed": { "cv": 0.05 }, "noisy_neighbour": { "episodes_per_hour": 0.2,
               "mean_duration_s": 600, "slowdown": 0.6 }, "billing": { "granularity_s": 1, "minimum_s": 60 } },
  "autoscaling": { "policy": "target_tracking", "metric": "cpu", "target": 0.6,
                   "min": 4, "max": 40, "metric_interval_s": 60, "cooldown_s": 300,
                   "lead_time": { "provisioning_s": { "dist": "exponential", "mean": 5 },
                                  "boot_s": { "dist": "lognormal", "mean": 45, "cv": 0.3 },
                                  "image_bytes": 900000000, "pull_bytes_per_s": 60000000,
                                  "start_s": 8, "readiness_s": { "dist": "deterministic", "value": 10 },
                                  "registration_s": 3 } },
  "health_check": { "interval_s": 5, "timeout_ms": 1000, "unhealthy": 3, "healthy": 2, "queued": true, "cpu_ms": 0.5 },
  "client": { "timeout_ms": 3000, "retries": 2, "backoff_ms": 200, "retry_budget": 0.2 },
  "slo": { "latency_p95_ms": 250, "error_rate": 0.001 }
})";
}

}  // namespace headroom::test
