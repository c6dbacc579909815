// runParallel: every job once, in its own slot, and the optional work that fills the cores the
// jobs leave idle only while the jobs still run.
#include "core/errors.h"
#include "core/parallel_jobs.h"

#include <QThreadPool>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

// At least two pool threads for the duration of a test, whatever the machine has.
class TwoPoolThreads : public ::testing::Test {
protected:
    void SetUp() override
    {
        before_ = QThreadPool::globalInstance()->maxThreadCount();
        QThreadPool::globalInstance()->setMaxThreadCount(std::max(2, before_));
    }
    void TearDown() override { QThreadPool::globalInstance()->setMaxThreadCount(before_); }

private:
    int before_ = 0;
};

TEST_F(TwoPoolThreads, EveryJobRunsOnceInItsSlot)
{
    std::vector<int> cells(100, 0);
    runParallel(100, 2, [&](int i) { cells[size_t(i)] += i + 1; }, nullptr, nullptr);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(cells[size_t(i)], i + 1) << i;
}

TEST_F(TwoPoolThreads, AnIdleThreadTakesTheOptionalWorkWhileALoneJobRuns)
{
    std::atomic<int> optional{0};
    std::atomic<bool> jobRunning{false};
    std::atomic<int> whileJobRan{0};
    // The one job waits (up to 5 s) until the optional work has run beside it a few times.
    runParallel(
        1, 2,
        [&](int) {
            jobRunning = true;
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            while (optional.load() < 3 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            jobRunning = false;
        },
        nullptr, nullptr,
        [&] {
            if (jobRunning.load()) ++whileJobRan;
            ++optional;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return true;
        });
    EXPECT_GE(optional.load(), 3);
    EXPECT_GE(whileJobRan.load(), 2);
    // Once the jobs are done, nothing more is taken.
    const int after = optional.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    EXPECT_EQ(optional.load(), after);
}

TEST_F(TwoPoolThreads, OptionalWorkThatHasNoneLeftOrFailsDoesNotTouchTheJobs)
{
    std::atomic<int> calls{0};
    std::vector<int> cells(4, 0);
    runParallel(
        4, 2, [&](int i) { cells[size_t(i)] = 1; }, nullptr, nullptr,
        [&]() -> bool {
            if (++calls == 1) throw InputError(QStringLiteral("x"), QStringLiteral("optional work failed"));
            return false;
        });
    for (int v : cells) EXPECT_EQ(v, 1);
}

}  // namespace
