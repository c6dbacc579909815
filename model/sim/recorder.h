#pragma once
#include "log_histogram.h"
#include "simulator.h"
#include "world.h"

namespace headroom::sim {

// What a replication reports: the counters and latency histograms of the whole run, the
// per-interval time series, and at the end the result with node-hours, cost and the SLO verdict.
class Recorder {
public:
    Recorder(World& w, bool keepTimeseries) : w_(w), keepTimeseries_(keepTimeseries) {}
    void start();                          // after the nodes present at the start are up
    void scheduleFirstInterval();
    void completed(double latency, bool counted)
    {
        intervalLatency_.add(latency);
        interval.completed += 1;
        if (counted) {
            ++out.completed;
            latency_.add(latency);
        }
    }
    void onIntervalEnd();
    void onEnd();                          // the last interval ends with the run
    ReplicationResult finish();

    // Written by the other parts as things happen.
    ReplicationResult out;
    LogHistogram wait;                     // first attempts' wait for a worker (after warm-up)
    IntervalPoint interval;                // the interval under way
    double intervalCpu = 0, intervalBusy = 0;  // vCPU-seconds and worker-seconds used in it
    double creditMin = 0;                  // lowest credit balance seen in it

private:
    World& w_;
    bool keepTimeseries_;
    LogHistogram latency_, intervalLatency_;
    double intervalStart_ = 0, readyNodeSecondsAtIntervalStart_ = 0;
};

}  // namespace headroom::sim
