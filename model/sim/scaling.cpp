#include "scaling.h"

#include "fleet.h"
#include "processor_sharing.h"

#include <algorithm>

namespace headroom::sim {

Scaling::Scaling(World& w) : w_(w)
{
    const auto& a = w.s.doc.autoscaling;
    if (a && a->policy != Autoscaling::Policy::None) scaler_.emplace(*a);
}

int Scaling::initialNodes() const
{
    const int nodes = w_.s.doc.cluster.nodes;
    return scaler_ ? scaler_->clamp(nodes) : nodes;
}

void Scaling::start(int initialNodes)
{
    desired_ = initialNodes;
    if (!scaler_) return;
    const Scenario& d = w_.s.doc;
    if (d.autoscaling->policy == Autoscaling::Policy::Scheduled) {
        for (const ScheduledCapacity& e : d.autoscaling->schedule)
            if (e.atS < d.durationS) w_.loop.post(e.atS, EventKind::ScheduledCapacity);
    } else {
        w_.loop.post(d.autoscaling->metricIntervalOrDefault(), EventKind::ScalerTick);
    }
}

void Scaling::onScheduledCapacity()
{
    desired_ = scaler_->scheduled(w_.now, desired_);
    w_.fleet->reconcile(desired_);
}

void Scaling::onTick()
{
    const Autoscaling& a = *w_.s.doc.autoscaling;
    const double now = w_.now;
    const double period = a.metricIntervalOrDefault();
    const double dt = std::max(1e-9, now - lastTick_);
    lastTick_ = now;
    w_.loop.post(now + period, EventKind::ScalerTick);
    w_.cpu->advanceAll();
    ScalerInput in;
    in.now = now;
    in.desired = desired_;
    double sum = 0;
    // HPA leaves out pods not ready for its readiness delay; AWS policies leave out nodes in their
    // instance warm-up but count them as capacity.
    const bool hpa = a.policy == Autoscaling::Policy::KubernetesHpa;
    const double warmup = hpa ? a.hpaReadinessDelayS : a.instanceWarmupOrDefault();
    for (Node& n : w_.nodes) {
        if (n.state == Node::State::Launching) ++in.launching;
        const bool warming = n.state == Node::State::Ready && (hpa || n.launchedAt > 0) && now - n.readySince < warmup;
        if (warming && !hpa) ++in.launching;
        const bool counts = n.state == Node::State::Ready && !warming;
        if (counts) {
            // Utilisation over the part of the period the node was in service.
            const double span = std::min(dt, now - n.readySince);
            const double used = a.metric == Autoscaling::Metric::Cpu ? n.cpuForScaler / (w_.s.vcpu * span)
                                                                     : n.busyForScaler / (w_.s.workersPerNode * span);
            sum += span > 0 ? std::min(1.0, used) : 0;
            ++in.ready;
        }
        n.cpuForScaler = 0;
        n.busyForScaler = 0;
    }
    in.metric = in.ready > 0 ? sum / in.ready : 0;
    desired_ = scaler_->decide(in);
    w_.fleet->reconcile(desired_);
}

}  // namespace headroom::sim
