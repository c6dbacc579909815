#pragma once
#include <atomic>
#include <functional>

namespace headroom {

// Runs job(0) … job(count − 1) on up to `threads` threads of the program's one thread pool
// (QThreadPool::globalInstance(), which the GUI's background jobs use too); 0 = all cores.
// Each job writes only its own slot of the
// caller's results, so the outcome does not depend on the thread count or the schedule.
//
// The calling thread only waits: it calls tick(jobs done) a few times a second and relays
// `cancel` (jobs poll it themselves too). A caller that is itself a pool thread (a simulation
// inside a recommendation's job) lends its place in the pool while it waits, so nesting never
// deadlocks. After every job has stopped, the first exception a job threw is rethrown; a set
// cancel flag throws Cancelled.
//
// `whileIdle`, when given, fills the cores the jobs leave idle: a thread that finds no job left
// to start while others still run calls it over and over (it runs one small unit of optional
// work and returns false when it has none), and every thread the pool lends is started even when
// there are fewer jobs. It is not called once the last job is done, so the caller waits at most
// for one unit more than the jobs themselves.
void runParallel(int count, int threads, const std::function<void(int index)>& job,
                 const std::function<void(int done)>& tick, const std::atomic<bool>* cancel,
                 const std::function<bool()>& whileIdle = {});

}  // namespace headroom
