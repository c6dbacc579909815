#pragma once
#include "event_loop.h"
#include "node.h"
#include "random.h"
#include "scenario/resolved_scenario.h"

#include <cstdint>
#include <vector>

namespace headroom::sim {

class Arrivals;
class Client;
class LoadBalancer;
class Workers;
class ProcessorSharing;
class HealthChecks;
class NoisyNeighbours;
class Fleet;
class Credits;
class Scaling;
class Recorder;

// What the parts of one replication share: the scenario, the random stream, the event loop, the
// clock and the nodes, and a way to reach each other. ClusterEngine owns the parts and wires them.
struct World {
    World(const ResolvedScenario& scenario, std::uint64_t streamSeed) : s(scenario), rng(streamSeed) {}

    const ResolvedScenario& s;
    Rng rng;
    EventLoop loop;
    double now = 0;
    std::vector<Node> nodes;

    Arrivals* arrivals = nullptr;
    Client* client = nullptr;
    LoadBalancer* balancer = nullptr;
    Workers* workers = nullptr;
    ProcessorSharing* cpu = nullptr;
    HealthChecks* health = nullptr;
    NoisyNeighbours* noisy = nullptr;
    Fleet* fleet = nullptr;
    Credits* credits = nullptr;
    Scaling* scaling = nullptr;
    Recorder* recorder = nullptr;
};

}  // namespace headroom::sim
