#pragma once
#include <atomic>
#include <functional>

namespace headroom {

// Runs job(0) … job(count − 1) on up to `threads` threads (0 = all cores). Each job writes only
// its own slot of the caller's results, so the outcome does not depend on the thread count.
// The calling thread only waits: it calls tick(jobs done) a few times a second and relays
// `cancel` (jobs poll it themselves too). After every thread has stopped, the first exception
// a job threw is rethrown; a set cancel flag throws Cancelled.
void runParallel(int count, int threads, const std::function<void(int index)>& job,
                 const std::function<void(int done)>& tick, const std::atomic<bool>* cancel);

}  // namespace headroom
