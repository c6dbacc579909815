#pragma once
#include "random.h"
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
    std::uint32_t newJob(const Job& job)
    {
        if (!freeJobs_.empty()) {
            const std::uint32_t j = freeJobs_.back();
            freeJobs_.pop_back();
            jobs_[j] = job;
            return j;
        }
        jobs_.push_back(job);
        return std::uint32_t(jobs_.size() - 1);
    }
    void dispatch(std::uint32_t node, std::uint32_t job);
    void afterCpu(std::uint32_t node, std::uint32_t job);  // processor sharing is done with it
    void onServiceDone(std::uint32_t node, std::uint32_t job);

private:
    void start(std::uint32_t node, std::uint32_t job);

    World& w_;
    Sampler cpu_, rtt_, diskLatency_;
    int queueLimit_ = -1;
    double checkCpuS_ = 0;
    std::vector<Job> jobs_;
    std::vector<std::uint32_t> freeJobs_;
};

}  // namespace headroom::sim
