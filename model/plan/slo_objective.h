#pragma once
#include "scenario/scenario.h"

#include <cmath>

namespace headroom {

// The figure a plan is judged on: the p95 response time when the SLO states one, otherwise the
// p95 wait for a worker (a job queue's objective, `slo.queue_wait_p95_ms`).
inline bool objectiveIsQueueWait(const Scenario& s)
{
    return s.slo && s.slo->latencyP95Ms <= 0 && s.slo->queueWaitP95Ms && *s.slo->queueWaitP95Ms > 0;
}

inline double objectiveMs(const Scenario& s)
{
    if (!s.slo) return 0;
    return objectiveIsQueueWait(s) ? *s.slo->queueWaitP95Ms : s.slo->latencyP95Ms;
}

// For the analytic screen, which works on response times: a wait objective plus the p95 of an
// exponential service time (ln 20 × its mean), a guess the simulation then checks.
inline double responseTargetMs(const Scenario& s, double serviceMeanS)
{
    return objectiveIsQueueWait(s) ? objectiveMs(s) + std::log(20.0) * serviceMeanS * 1000 : objectiveMs(s);
}

}  // namespace headroom
