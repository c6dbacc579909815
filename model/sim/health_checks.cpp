#include "health_checks.h"

#include "load_balancer.h"
#include "request_path.h"

namespace headroom::sim {

HealthChecks::HealthChecks(World& w) : w_(w)
{
    if (const auto& hc = w.s.doc.healthCheck) {
        enabled_ = true;
        queued_ = hc->queued;
        timeoutS_ = hc->timeoutMs / 1000;
    }
}

void HealthChecks::startOn(std::uint32_t id)
{
    w_.nodes[id].healthTick = w_.loop.schedule(w_.now + w_.rng.uniform() * w_.s.doc.healthCheck->intervalS,
                                               EventKind::HealthTick, id);
}

void HealthChecks::stopOn(std::uint32_t id) { w_.loop.cancel(w_.nodes[id].healthTick); }

void HealthChecks::onTick(std::uint32_t id)
{
    Node& n = w_.nodes[id];
    n.healthTick = w_.loop.schedule(w_.now + w_.s.doc.healthCheck->intervalS, EventKind::HealthTick, id);
    const std::uint32_t serial = ++n.checkSerial;
    if (!queued_) {  // a separate port answers at once while the node is up
        resolve(id, serial, true);
        return;
    }
    n.pendingChecks.push_back(PendingCheck{serial, w_.loop.schedule(w_.now + timeoutS_, EventKind::HealthTimeout, id, serial)});
    const std::uint32_t j = w_.workers->newJob(kNone, serial, id, false);
    w_.workers->dispatch(id, j);
}

void HealthChecks::onTimeout(std::uint32_t id, std::uint32_t serial) { resolve(id, serial, false); }

void HealthChecks::answered(std::uint32_t id, std::uint32_t serial, bool ok)
{
    if (serial > w_.nodes[id].checksResolved) resolve(id, serial, ok);
}

// A result settles this check and every older one still waiting: their timeouts are cancelled.
void HealthChecks::resolve(std::uint32_t id, std::uint32_t serial, bool ok)
{
    Node& n = w_.nodes[id];
    n.checksResolved = serial;
    std::size_t settled = 0;
    while (settled < n.pendingChecks.size() && n.pendingChecks[settled].serial <= serial)
        w_.loop.cancel(n.pendingChecks[settled++].timeout);
    n.pendingChecks.erase(n.pendingChecks.begin(), n.pendingChecks.begin() + std::ptrdiff_t(settled));

    const HealthCheck& hc = *w_.s.doc.healthCheck;
    if (ok) {
        n.failInRow = 0;
        if (++n.okInRow >= hc.healthy && !n.healthy) {
            n.healthy = true;
            w_.balancer->nodesChanged();
        }
    } else {
        n.okInRow = 0;
        if (++n.failInRow >= hc.unhealthy && n.healthy) {
            n.healthy = false;
            w_.balancer->nodesChanged();
        }
    }
}

}  // namespace headroom::sim
