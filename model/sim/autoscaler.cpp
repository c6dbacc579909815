#include "autoscaler.h"

#include <algorithm>
#include <cmath>

namespace headroom::sim {

int Autoscaler::clamp(int n) const { return std::clamp(n, c_.min, std::max(c_.min, c_.max)); }

int Autoscaler::scheduled(double t, int initial) const
{
    int n = initial;
    for (const ScheduledCapacity& e : c_.schedule)
        if (e.atS <= t) n = e.nodes;
    return clamp(n);
}

int Autoscaler::decide(const ScalerInput& in)
{
    switch (c_.policy) {
    case Autoscaling::Policy::None: return in.desired;
    case Autoscaling::Policy::TargetTracking: return targetTracking(in);
    case Autoscaling::Policy::Step: return step(in);
    case Autoscaling::Policy::KubernetesHpa: return kubernetesHpa(in);
    case Autoscaling::Policy::Scheduled: return scheduled(in.now, in.desired);
    }
    return in.desired;
}

// AWS target tracking: capacity proportional to metric ÷ target. Nodes still launching count as
// capacity already bought (the instance warm-up rule), so a slow boot does not trigger a second
// scale-out for the same load. Scale-in waits for the cooldown and is held back while anything
// is launching, and only acts below 90 % of the target, as AWS scales in conservatively.
int Autoscaler::targetTracking(const ScalerInput& in)
{
    if (in.ready <= 0) return clamp(in.desired);
    const double ratio = in.metric / c_.target;
    const int wanted = clamp(int(std::ceil(in.ready * ratio - 1e-9)));
    if (wanted > in.desired) {
        lastScaleS_ = in.now;
        return wanted;
    }
    if (ratio < 0.9 && wanted < in.desired && in.launching == 0 && in.now - lastScaleS_ >= c_.cooldownS) {
        lastScaleS_ = in.now;
        return wanted;
    }
    return clamp(in.desired);
}

// Step scaling: the first step whose [lower, upper) holds the metric adds (or removes) its nodes,
// then the cooldown blocks the next step.
int Autoscaler::step(const ScalerInput& in)
{
    if (in.now - lastScaleS_ < c_.cooldownS) return clamp(in.desired);
    for (const ScalingStep& s : c_.steps) {
        if (in.metric >= s.lower && (!s.upper || in.metric < *s.upper)) {
            const int next = clamp(in.desired + s.change);
            if (next != in.desired) lastScaleS_ = in.now;
            return next;
        }
    }
    return clamp(in.desired);
}

// Kubernetes HPA (autoscaling/v2 defaults): desired = ceil(ready × metric / target) unless the
// ratio is within the tolerance; scale-down takes the highest recommendation of the
// stabilisation window; scale-up is limited to max(+100 %, +4 pods) per 15 s period.
int Autoscaler::kubernetesHpa(const ScalerInput& in)
{
    const int current = in.desired;
    int recommendation = current;
    if (in.ready > 0) {
        const double ratio = in.metric / c_.target;
        if (std::fabs(ratio - 1) > c_.hpaTolerance) recommendation = int(std::ceil(ratio * in.ready - 1e-9));
    }
    recommendation = clamp(recommendation);

    recommendations_.emplace_back(in.now, recommendation);
    while (!recommendations_.empty() && recommendations_.front().first < in.now - c_.hpaStabilisationS)
        recommendations_.pop_front();
    int next = recommendation;
    if (recommendation < current) {
        int highest = recommendation;
        for (const auto& r : recommendations_) highest = std::max(highest, r.second);
        next = std::min(current, highest);
    } else if (recommendation > current) {
        const int limit = std::max(current * 2, current + 4);
        next = std::min(recommendation, limit);
    }
    return clamp(next);
}

}  // namespace headroom::sim
