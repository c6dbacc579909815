#include "load_balancer.h"

namespace headroom::sim {

void LoadBalancer::rebuild()
{
    eligible_.clear();
    const std::vector<Node>& nodes = w_.nodes;
    bool anyHealthy = false;
    for (const Node& n : nodes)
        if (n.state == Node::State::Ready && n.healthy) anyHealthy = true;
    // Fail open: when no node passes its checks, the balancer sends to all of them (ALB, Envoy).
    for (std::uint32_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].state == Node::State::Ready && (nodes[i].healthy || !anyHealthy)) eligible_.push_back(i);
    dirty_ = false;
}

std::uint32_t LoadBalancer::pickAmong(std::uint32_t n)
{
    const std::vector<Node>& nodes = w_.nodes;
    auto load = [&](std::uint32_t i) { return nodes[i].busy + int(nodes[i].queue.size()); };
    switch (w_.s.doc.cluster.balancer) {
    case Balancer::RoundRobin: return eligible_[roundRobin_++ % n];
    case Balancer::Random: return eligible_[w_.rng.below(n)];
    case Balancer::LeastConnections: {
        // Ties go to the next node in rotation, as nginx and HAProxy spread equal loads.
        std::uint32_t at = roundRobin_++ % n;
        std::uint32_t best = eligible_[at];
        int bestLoad = load(best);
        for (std::uint32_t k = 1; k < n && bestLoad > 0; ++k) {
            if (++at == n) at = 0;
            const std::uint32_t i = eligible_[at];
            const int l = load(i);
            if (l < bestLoad) {
                best = i;
                bestLoad = l;
            }
        }
        return best;
    }
    case Balancer::PowerOfTwo: {
        const std::uint32_t a = w_.rng.below(n);
        std::uint32_t b = w_.rng.below(n - 1);
        if (b >= a) ++b;
        return load(eligible_[b]) < load(eligible_[a]) ? eligible_[b] : eligible_[a];
    }
    }
    return eligible_[0];
}

}  // namespace headroom::sim
