#include "parallel_jobs.h"

#include "core/errors.h"

#include <QThread>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace headroom {

void runParallel(int count, int threads, const std::function<void(int)>& job, const std::function<void(int)>& tick,
                 const std::atomic<bool>* cancel)
{
    if (count <= 0) return;
    threads = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    threads = std::min(threads, count);

    std::atomic<int> next{0}, done{0}, running{threads};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex lock;
    std::condition_variable finished;
    auto worker = [&] {
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
        std::lock_guard<std::mutex> guard(lock);
        running.fetch_sub(1);
        finished.notify_all();
    };
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads));
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    {
        std::unique_lock<std::mutex> guard(lock);
        while (running.load() > 0) {
            finished.wait_for(guard, std::chrono::milliseconds(100));
            if (tick) {
                guard.unlock();
                tick(done.load());
                guard.lock();
            }
        }
    }
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (cancel && cancel->load()) throw Cancelled();
    if (tick) tick(count);
}

}  // namespace headroom
