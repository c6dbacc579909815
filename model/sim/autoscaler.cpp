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

// AWS target tracking (EC2 Auto Scaling). The policy owns two CloudWatch alarms on the metric,
// one datapoint per period: scale-out when 3 consecutive datapoints are above the target,
// scale-in when 15 consecutive ones are below 90 % of it. Capacity is then proportional to
// metric ÷ target over the nodes whose metric counts; nodes launching or in their instance
// warm-up count as capacity already bought, so a slow boot does not buy the same capacity twice,
// and scale-in waits until none is warming up and the cooldown since the last change has passed.
// AWS scales in gradually without publishing the size of each step: here the scale-in alarm is
// re-armed after every scale-in, so capacity falls in steps at least 15 datapoints apart.
int Autoscaler::targetTracking(const ScalerInput& in)
{
    highRun_ = in.ready > 0 && in.metric > c_.target ? highRun_ + 1 : 0;
    lowRun_ = in.ready > 0 && in.metric < 0.9 * c_.target ? lowRun_ + 1 : 0;
    if (in.ready <= 0) return clamp(in.desired);
    const int wanted = clamp(int(std::ceil(in.ready * in.metric / c_.target - 1e-9)));
    if (highRun_ >= c_.scaleOutDatapointsOrDefault() && wanted > in.desired) {
        lastScaleS_ = in.now;
        return wanted;
    }
    if (lowRun_ >= c_.scaleInDatapointsOrDefault() && wanted < in.desired && in.launching == 0
        && in.now - lastScaleS_ >= c_.cooldownS) {
        lastScaleS_ = in.now;
        lowRun_ = 0;
        return wanted;
    }
    return clamp(in.desired);
}

// Step scaling: a step that adds nodes acts after its alarm's scale-out datapoints, one that
// removes nodes after the scale-in datapoints (1 and 1 unless the scenario says otherwise); the
// first step whose [lower, upper) holds the metric applies, then the cooldown blocks the next.
int Autoscaler::step(const ScalerInput& in)
{
    const ScalingStep* hit = nullptr;
    for (const ScalingStep& s : c_.steps)
        if (in.metric >= s.lower && (!s.upper || in.metric < *s.upper)) {
            hit = &s;
            break;
        }
    highRun_ = hit && hit->change > 0 ? highRun_ + 1 : 0;
    lowRun_ = hit && hit->change < 0 ? lowRun_ + 1 : 0;
    if (!hit || in.now - lastScaleS_ < c_.cooldownS) return clamp(in.desired);
    const int needed = hit->change > 0 ? c_.scaleOutDatapointsOrDefault() : c_.scaleInDatapointsOrDefault();
    if ((hit->change > 0 ? highRun_ : lowRun_) < needed) return clamp(in.desired);
    const int next = clamp(in.desired + hit->change);
    if (next != in.desired) lastScaleS_ = in.now;
    return next;
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
