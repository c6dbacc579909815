#include "fleet.h"

#include "credits.h"
#include "health_checks.h"
#include "load_balancer.h"
#include "noisy_neighbours.h"
#include "recorder.h"

#include <algorithm>
#include <cmath>

namespace headroom::sim {

namespace {

Distribution lognormalSpeed(double cv)
{
    Distribution d = Distribution::constant(1);
    if (cv > 0) {
        d.kind = Distribution::Kind::Lognormal;
        d.cv = cv;
    }
    return d;
}

}  // namespace

Fleet::Fleet(World& w)
    : w_(w), nodeFactor_(lognormalSpeed(w.s.doc.cluster.speedCv)), provisioning_(w.s.provisioningS), boot_(w.s.bootS),
      start_(w.s.startS), readiness_(w.s.readinessS), registration_(w.s.registrationS)
{
    if (!w.s.nodeSpeedFactors.empty()) {  // measured nodes: drawn as they were, whatever their shape
        Distribution measured;
        measured.kind = Distribution::Kind::Empirical;
        measured.values = w.s.nodeSpeedFactors;
        nodeFactor_ = Sampler(measured);
    }
}

// Node counts change in steps; their time integrals give node-hours, cost and utilisation.
void Fleet::integrateCounts()
{
    const double dt = w_.now - countsAt_;
    readyNodeSeconds_ += readyCount_ * dt;
    runningNodeSeconds_ += runningCount_ * dt;
    countsAt_ = w_.now;
}

std::uint32_t Fleet::launch(bool immediate)
{
    integrateCounts();
    const std::uint32_t id = std::uint32_t(w_.nodes.size());
    w_.nodes.emplace_back();
    Node& n = w_.nodes.back();
    n.launchedAt = w_.now;
    const double factor = nodeFactor_.draw(w_.rng);
    n.speed = w_.s.nodeSpeed * factor;
    w_.recorder->out.nodeSpeedFactors.push_back(factor);
    n.credits = w_.s.launchCredits;  // the family's launch credits (none for AWS T3, T3a, T4g)
    ++runningCount_;
    if (immediate) {
        onReady(id);
    } else {
        Rng& rng = w_.rng;
        const double lead = provisioning_.draw(rng) + boot_.draw(rng) + w_.s.imagePullS + start_.draw(rng)
                            + readiness_.draw(rng) + registration_.draw(rng);
        n.ready = w_.loop.schedule(w_.now + lead, EventKind::NodeReady, id);
    }
    return id;
}

void Fleet::onReady(std::uint32_t id)
{
    Node& n = w_.nodes[id];
    n.ready = TimerHandle{};
    integrateCounts();
    n.state = Node::State::Ready;
    n.readySince = w_.now;
    ++readyCount_;
    // Nodes present at the start are in service; a new one must pass `healthy` checks first.
    HealthChecks& health = *w_.health;
    n.healthy = !health.enabled() || w_.now == 0;
    w_.balancer->nodesChanged();
    if (health.enabled()) health.startOn(id);
    w_.noisy->startOn(id);
}

// Scale-in: a node still launching is cancelled first (newest first), else the newest node in
// service drains (takes no new requests, finishes what it holds).
void Fleet::retireOne()
{
    std::vector<Node>& nodes = w_.nodes;
    for (std::uint32_t i = std::uint32_t(nodes.size()); i-- > 0;) {
        Node& n = nodes[i];
        if (n.state == Node::State::Launching) {
            integrateCounts();
            w_.loop.cancel(n.ready);
            n.state = Node::State::Gone;
            n.goneAt = w_.now;
            --runningCount_;
            return;
        }
    }
    for (std::uint32_t i = std::uint32_t(nodes.size()); i-- > 0;) {
        Node& n = nodes[i];
        if (n.state == Node::State::Ready) {
            integrateCounts();
            n.state = Node::State::Draining;
            --readyCount_;
            w_.balancer->nodesChanged();
            w_.health->stopOn(i);
            finishDrainIfIdle(i);
            return;
        }
    }
}

void Fleet::finishDrainIfIdle(std::uint32_t id)
{
    Node& n = w_.nodes[id];
    if (n.state != Node::State::Draining || n.busy > 0 || !n.queue.empty()) return;
    integrateCounts();
    w_.credits->nodeStopped(n);
    n.state = Node::State::Gone;
    n.goneAt = w_.now;
    --runningCount_;
    w_.noisy->stopOn(id);
}

void Fleet::reconcile(int desired)
{
    int active = 0;
    for (const Node& n : w_.nodes)
        if (n.state == Node::State::Launching || n.state == Node::State::Ready) ++active;
    for (; active < desired; ++active) launch(false);
    for (; active > desired; --active) retireOne();
}

// Billed time of a node: from the launch decision to its end, rounded up to the billing
// granularity with the provider's minimum.
double Fleet::billedSeconds(double end) const
{
    const ResolvedScenario& s = w_.s;
    double billed = 0;
    for (const Node& n : w_.nodes) {
        const double used = std::max(0.0, (n.goneAt >= 0 ? n.goneAt : end) - n.launchedAt);
        const double atLeast = std::max(used, s.billingMinimumS);
        billed += std::ceil(atLeast / s.billingGranularityS - 1e-9) * s.billingGranularityS;
    }
    return billed;
}

}  // namespace headroom::sim
