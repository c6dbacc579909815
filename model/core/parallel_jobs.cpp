#include "parallel_jobs.h"

#include "errors.h"

#include <QThread>
#include <QThreadPool>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>

namespace headroom {

namespace {

// What the workers share. Owned jointly by the caller and every queued task, so a task the pool
// only gets to after the caller has returned (nothing left to do) still finds it alive.
struct Shared {
    int count = 0;
    std::function<void(int)> job;
    std::function<bool()> whileIdle;
    const std::atomic<bool>* cancel = nullptr;
    std::atomic<int> next{0}, done{0}, running{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex lock;
    std::condition_variable finished;

    void work()
    {
        for (;;) {
            const int i = next.fetch_add(1);
            if (i >= count || stop.load() || (cancel && cancel->load())) break;
            try {
                job(i);
            } catch (...) {
                std::lock_guard<std::mutex> guard(lock);
                if (!failure) failure = std::current_exception();
                stop.store(true);
                break;
            }
            done.fetch_add(1);
        }
        // Nothing left to start: fill this core while the others finish. An exception here is the
        // optional work's own business; it must not fail the jobs.
        while (whileIdle && done.load() < count && !stop.load() && !(cancel && cancel->load())) {
            try {
                if (!whileIdle()) break;
            } catch (...) {
                break;
            }
        }
        std::lock_guard<std::mutex> guard(lock);
        running.fetch_sub(1);
        finished.notify_all();
    }
};

}  // namespace

void runParallel(int count, int threads, const std::function<void(int)>& job, const std::function<void(int)>& tick,
                 const std::atomic<bool>* cancel, const std::function<bool()>& whileIdle)
{
    if (count <= 0) return;
    threads = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    if (!whileIdle) threads = std::min(threads, count);
    auto shared = std::make_shared<Shared>();
    shared->count = count;
    shared->job = job;
    shared->whileIdle = whileIdle;
    shared->cancel = cancel;
    shared->running = threads;

    QThreadPool* pool = QThreadPool::globalInstance();
    const bool insidePool = pool->contains(QThread::currentThread());
    // Waiting here would hold a pool thread that nested jobs may need: lend it back meanwhile.
    if (insidePool) pool->releaseThread();
    for (int t = 0; t < threads; ++t) pool->start([shared] { shared->work(); });
    {
        std::unique_lock<std::mutex> guard(shared->lock);
        while (shared->running.load() > 0) {
            shared->finished.wait_for(guard, std::chrono::milliseconds(50));
            if (tick) {
                guard.unlock();
                tick(shared->done.load());
                guard.lock();
            }
        }
    }
    if (insidePool) pool->reserveThread();
    if (shared->failure) std::rethrow_exception(shared->failure);
    if (cancel && cancel->load()) throw Cancelled();
    if (tick) tick(count);
}

}  // namespace headroom
