#include "cluster_engine.h"

#include "core/errors.h"
#include "core/vector_state.h"
#include "request_path.h"

namespace headroom::sim {

ClusterEngine::ClusterEngine(const ResolvedScenario& scenario, std::uint64_t streamSeed, const std::atomic<bool>* cancel,
                             std::atomic<double>* progress, bool keepTimeseries,
                             const std::vector<double>* carriedCredits)
    : world_(scenario, streamSeed), arrivals_(world_), client_(world_), balancer_(world_), workers_(world_), cpu_(world_),
      health_(world_), noisy_(world_), fleet_(world_), credits_(world_, carriedCredits), scaling_(world_),
      recorder_(world_, keepTimeseries), cancel_(cancel), progress_(progress)
{
    world_.arrivals = &arrivals_;
    world_.client = &client_;
    world_.balancer = &balancer_;
    world_.workers = &workers_;
    world_.cpu = &cpu_;
    world_.health = &health_;
    world_.noisy = &noisy_;
    world_.fleet = &fleet_;
    world_.credits = &credits_;
    world_.scaling = &scaling_;
    world_.recorder = &recorder_;
    world_.loop.reserve(1024);
}

ReplicationResult ClusterEngine::run()
{
    clearUpperVectorState();  // whatever ran before on this thread (core/vector_state.h)
    const double durationS = world_.s.doc.durationS;
    const int initial = scaling_.initialNodes();
    for (int i = 0; i < initial; ++i) credits_.setStartingBalance(world_.nodes[fleet_.launch(true)], std::size_t(i));
    recorder_.start();
    // The order of these first events decides ties at equal times, so it never changes.
    arrivals_.start();
    credits_.start();
    scaling_.start(initial);
    recorder_.scheduleFirstInterval();
    world_.loop.post(durationS, EventKind::End);

    std::uint32_t sinceCheck = 0;
    Event e;
    while (world_.loop.next(e)) {
        world_.now = e.t;
        if (++sinceCheck == 4096) {
            sinceCheck = 0;
            if (cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
            if (progress_) progress_->store(e.t / durationS, std::memory_order_relaxed);
        }
        switch (e.kind) {
        case EventKind::Arrival: arrivals_.onArrival(); break;
        case EventKind::CpuDone: cpu_.onCpuDone(e.a); break;
        case EventKind::DirectCpuDone: cpu_.onDirectCpuDone(e.a, e.b); break;
        case EventKind::ServiceDone: workers_.onServiceDone(e.a, e.b); break;
        case EventKind::ClientTimeout: client_.onTimeout(e.a); break;
        case EventKind::Retry: client_.sendAttempt(e.a); break;
        case EventKind::HealthTick: health_.onTick(e.a); break;
        case EventKind::HealthTimeout: health_.onTimeout(e.a, e.b); break;
        case EventKind::NodeReady: fleet_.onReady(e.a); break;
        case EventKind::NoisyStart: noisy_.onStart(e.a); break;
        case EventKind::NoisyEnd: noisy_.onEnd(e.a); break;
        case EventKind::AccountingTick: credits_.onAccountingTick(); break;
        case EventKind::ScalerTick: scaling_.onTick(); break;
        case EventKind::ScheduledCapacity: scaling_.onScheduledCapacity(); break;
        case EventKind::IntervalEnd: recorder_.onIntervalEnd(); break;
        case EventKind::End:
            recorder_.onEnd();
            if (progress_) progress_->store(1.0, std::memory_order_relaxed);
            return recorder_.finish();
        }
    }
    return recorder_.finish();
}

}  // namespace headroom::sim
