#include "noisy_neighbours.h"

#include "processor_sharing.h"

namespace headroom::sim {

void NoisyNeighbours::startOn(std::uint32_t id)
{
    if (const auto& nn = w_.s.doc.cluster.noisyNeighbour; nn && nn->episodesPerHour > 0)
        w_.nodes[id].noisyTimer = w_.loop.schedule(w_.now + w_.rng.exponential(3600 / nn->episodesPerHour),
                                                   EventKind::NoisyStart, id);
}

void NoisyNeighbours::stopOn(std::uint32_t id) { w_.loop.cancel(w_.nodes[id].noisyTimer); }

void NoisyNeighbours::onStart(std::uint32_t id)
{
    Node& n = w_.nodes[id];
    const NoisyNeighbour& nn = *w_.s.doc.cluster.noisyNeighbour;
    w_.cpu->advance(n);
    n.noisy = nn.slowdown;
    n.noisyTimer = w_.loop.schedule(w_.now + w_.rng.exponential(nn.meanDurationS), EventKind::NoisyEnd, id);
    w_.cpu->reschedule(id);
}

void NoisyNeighbours::onEnd(std::uint32_t id)
{
    Node& n = w_.nodes[id];
    const NoisyNeighbour& nn = *w_.s.doc.cluster.noisyNeighbour;
    w_.cpu->advance(n);
    n.noisy = 1;
    n.noisyTimer = w_.loop.schedule(w_.now + w_.rng.exponential(3600 / nn.episodesPerHour), EventKind::NoisyStart, id);
    w_.cpu->reschedule(id);
}

}  // namespace headroom::sim
