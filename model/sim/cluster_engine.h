#pragma once
#include "arrivals.h"
#include "client.h"
#include "credits.h"
#include "fleet.h"
#include "health_checks.h"
#include "load_balancer.h"
#include "noisy_neighbours.h"
#include "processor_sharing.h"
#include "recorder.h"
#include "scaling.h"
#include "simulator.h"
#include "workers.h"
#include "world.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// One replication of the cluster model: the parts, each with one job, and the event loop that
// hands every event to the part that owns its kind.
class ClusterEngine {
public:
    ClusterEngine(const ResolvedScenario& scenario, std::uint64_t streamSeed, const std::atomic<bool>* cancel,
                  std::atomic<double>* progress, bool keepTimeseries,
                  const std::vector<double>* carriedCredits = nullptr);
    ClusterEngine(const ClusterEngine&) = delete;
    ClusterEngine& operator=(const ClusterEngine&) = delete;
    ReplicationResult run();

private:
    World world_;
    Arrivals arrivals_;
    Client client_;
    LoadBalancer balancer_;
    Workers workers_;
    ProcessorSharing cpu_;
    HealthChecks health_;
    NoisyNeighbours noisy_;
    Fleet fleet_;
    Credits credits_;
    Scaling scaling_;
    Recorder recorder_;
    const std::atomic<bool>* cancel_;
    std::atomic<double>* progress_;
};

}  // namespace headroom::sim
