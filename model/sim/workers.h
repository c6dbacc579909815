#pragma once
#include "random.h"
#include "reusable_slots.h"
#include "world.h"

#include <cstdint>
#include <vector>

namespace headroom::sim {

// Each node's worker pool: a job takes a free worker or waits in the node's FIFO queue (or is
// turned away when the queue is full), runs its CPU phase under processor sharing, then its I/O
// (round trips and the node's disk), and hands the worker to the next job in the queue.
class Workers {
public:
    explicit Workers(World& w);
    // A job enqueued now; `request` is kNone for a health check. (Fields written one by one: see
    // Client::newRequest.)
    std::uint32_t newJob(std::uint32_t request, std::uint32_t serial, std::uint32_t node, bool recordWait)
    {
        const std::uint32_t j = jobs_.take();
        Job& job = jobs_[j];
        job.request = request;
        job.serial = serial;
        job.node = node;
        job.enqueuedAt = w_.now;
        job.recordWait = recordWait;
        return j;
    }
    // On every request's path: defined in request_path.h.
    void dispatch(std::uint32_t node, std::uint32_t job);
    void afterCpu(std::uint32_t node, std::uint32_t job);  // processor sharing is done with it
    void onServiceDone(std::uint32_t node, std::uint32_t job);

private:
    void start(std::uint32_t node, std::uint32_t job);
    // Straight to I/O: a real call, which ends the inlined cycle start → afterCpu → onServiceDone → start.
    void noCpu(std::uint32_t node, std::uint32_t job);
    void turnAway(std::uint32_t node, std::uint32_t job);  // the node's queue is full

    World& w_;
    Sampler cpu_, rtt_, diskLatency_;
    int queueLimit_ = -1;
    double checkCpuS_ = 0;
    ReusableSlots<Job> jobs_;
};

}  // namespace headroom::sim
