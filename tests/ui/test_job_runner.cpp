// The job runner: the newest job of a key wins, results arrive typed on the GUI thread, Cancel
// is cooperative and nothing waits for a job that ignores it.
#include "app_context.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "job_runner.h"
#include "pages/lead_time_page.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <gtest/gtest.h>
#include <atomic>
#include <memory>
#include <vector>

using namespace headroom;

namespace {

constexpr int kWaitMs = 30000;  // only reached when something is broken

// Lets every job still on the pool end and every call it queued reach the GUI thread, so a
// result that was going to be delivered has been by the time the test looks.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// A result type QVariant could not hold: move-only, not a registered metatype.
struct Payload {
    std::unique_ptr<int> value;
    QThread* madeOn = nullptr;
};

// A job that never looks at its flag: it waits for the test to let it go.
struct Latch {
    QSemaphore released;
    std::atomic<bool> started{false};
    std::atomic<bool> releasedByTest{false};
    std::atomic<bool> sawCancel{false};
    std::atomic<bool> ended{false};
};

}  // namespace

TEST(JobRunner, TheNewestJobOfAKeyWinsAndTheOlderOneSeesItsCancelFlag)
{
    JobRunner runner;
    QObject owner;
    std::vector<int> delivered;
    auto firstSawCancel = std::make_shared<std::atomic<bool>>(false);
    auto firstStarted = std::make_shared<QSemaphore>();
    runner.run(
        &owner, QStringLiteral("sum"), QStringLiteral("first"),
        [firstSawCancel, firstStarted](JobControl& control) {
            firstStarted->release();
            // The slower one: it works until told to stop, then still returns a value.
            const QDeadlineTimer deadline(kWaitMs);
            while (!control.cancelled() && !deadline.hasExpired()) QThread::msleep(1);
            *firstSawCancel = control.cancelled();
            return 1;
        },
        [&](int v) { delivered.push_back(v); });
    // The second starts once the first is surely running, so it is the first's own work that is
    // cut short, not a job that never began.
    ASSERT_TRUE(firstStarted->tryAcquire(1, kWaitMs));
    runner.run(&owner, QStringLiteral("sum"), QStringLiteral("second"), [](JobControl&) { return 2; },
               [&](int v) { delivered.push_back(v); });
    EXPECT_TRUE(runner.running(&owner, QStringLiteral("sum")));
    QSignalSpy idle(&runner, &JobRunner::idle);
    ASSERT_TRUE(idle.wait(kWaitMs));
    settle();
    EXPECT_TRUE(*firstSawCancel);
    EXPECT_EQ(delivered, std::vector<int>{2}) << "the first job's value must be dropped";
    EXPECT_FALSE(runner.busy());
}

TEST(JobRunner, DifferentKeysAndDifferentOwnersBothDeliver)
{
    JobRunner runner;
    QObject pageA, pageB;
    QStringList delivered;
    auto note = [&](const QString& text) { delivered << text; };
    runner.run(&pageA, QStringLiteral("one"), QStringLiteral("A one"), [](JobControl&) { return QStringLiteral("A one"); }, note);
    runner.run(&pageA, QStringLiteral("two"), QStringLiteral("A two"), [](JobControl&) { return QStringLiteral("A two"); }, note);
    // The same key under another owner is another job: two pages never cancel each other.
    runner.run(&pageB, QStringLiteral("one"), QStringLiteral("B one"), [](JobControl&) { return QStringLiteral("B one"); }, note);
    ASSERT_TRUE(QTest::qWaitFor([&] { return delivered.size() == 3; }, kWaitMs));
    delivered.sort();
    EXPECT_EQ(delivered, (QStringList{QStringLiteral("A one"), QStringLiteral("A two"), QStringLiteral("B one")}));
}

TEST(JobRunner, ResultsArriveWithTheirOwnTypeOnTheGuiThread)
{
    JobRunner runner;
    QObject owner;
    std::optional<Payload> received;
    QThread* deliveredOn = nullptr;
    runner.run(
        &owner, QStringLiteral("payload"), QStringLiteral("payload"),
        [](JobControl&) { return Payload{std::make_unique<int>(42), QThread::currentThread()}; },
        [&](Payload p) {
            deliveredOn = QThread::currentThread();
            received = std::move(p);
        });
    ASSERT_TRUE(QTest::qWaitFor([&] { return received.has_value(); }, kWaitMs));
    ASSERT_TRUE(received->value);
    EXPECT_EQ(*received->value, 42);
    EXPECT_EQ(deliveredOn, QCoreApplication::instance()->thread());
    EXPECT_NE(received->madeOn, QCoreApplication::instance()->thread()) << "the work ran on the GUI thread";
}

TEST(JobRunner, DestroyingTheRunnerDoesNotWaitForAJobThatIgnoresCancel)
{
    auto latch = std::make_shared<Latch>();
    bool delivered = false;
    QObject owner;
    auto runner = std::make_unique<JobRunner>();
    runner->run(
        &owner, QStringLiteral("stubborn"), QStringLiteral("stubborn"),
        [latch](JobControl& control) {
            latch->started = true;
            // Had the destructor waited for this job, the test could not release it and the
            // wait would run out instead.
            latch->releasedByTest = latch->released.tryAcquire(1, kWaitMs);
            latch->sawCancel = control.cancelled();
            control.setProgress(1.0);  // reaches no runner
            control.post([] { ADD_FAILURE() << "a posted call reached the GUI after the runner went"; });
            latch->ended = true;
            return 7;
        },
        [&](int) { delivered = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return latch->started.load(); }, kWaitMs));
    runner.reset();
    latch->released.release();  // only now: the runner is gone
    ASSERT_TRUE(QTest::qWaitFor([&] { return latch->ended.load(); }, kWaitMs));
    settle();
    EXPECT_TRUE(latch->releasedByTest) << "the runner's destructor waited for the job";
    EXPECT_TRUE(latch->sawCancel) << "the job was not told to stop";
    EXPECT_FALSE(delivered) << "a result arrived after the runner was gone";
}

TEST(JobRunner, AnExceptionArrivesInFailedWithItsText)
{
    JobRunner runner;
    QObject owner;
    QSignalSpy failedSignal(&runner, &JobRunner::failed);
    QStringList messages;
    bool done = false;
    runner.run(
        &owner, QStringLiteral("input"), QStringLiteral("Reading"),
        [](JobControl&) -> int { throw InputError(QStringLiteral("plan.json:3:14"), QStringLiteral("expected a number")); },
        [&](int) { done = true; }, [&](const QString& m) { messages << m; });
    runner.run(
        &owner, QStringLiteral("plain"), QStringLiteral("Counting"),
        [](JobControl&) -> int { throw std::runtime_error("out of range"); },
        [&](int) { done = true; }, [&](const QString& m) { messages << m; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return messages.size() == 2; }, kWaitMs));
    messages.sort();
    EXPECT_EQ(messages, (QStringList{QStringLiteral("out of range"), QStringLiteral("plan.json:3:14: expected a number")}));
    EXPECT_FALSE(done);
    ASSERT_EQ(failedSignal.size(), 2);  // the status bar hears of it too, with the job's label
    QStringList labels{failedSignal[0][0].toString(), failedSignal[1][0].toString()};
    labels.sort();
    EXPECT_EQ(labels, (QStringList{QStringLiteral("Counting"), QStringLiteral("Reading")}));
}

TEST(JobRunner, CancelLetsTheJobSayItStoppedAndDiscardDropsIt)
{
    JobRunner runner;
    QObject owner;
    int stopped = 0, failed = 0, done = 0;
    auto untilCancelled = [](JobControl& control) -> int {
        const QDeadlineTimer deadline(kWaitMs);
        while (!control.cancelled() && !deadline.hasExpired()) QThread::msleep(1);
        throw Cancelled();
    };
    JobHandlers<int> handlers{[&](int) { ++done; }, [&](const QString&) { ++failed; }, [&] { ++stopped; }, {}};
    runner.run(&owner, QStringLiteral("k"), QStringLiteral("k"), untilCancelled, handlers);
    runner.cancel(&owner, QStringLiteral("k"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return stopped == 1; }, kWaitMs));
    EXPECT_EQ(failed, 0) << "Cancel is not an error";

    runner.run(&owner, QStringLiteral("k"), QStringLiteral("k"), untilCancelled, handlers);
    runner.discard(&owner, QStringLiteral("k"));
    EXPECT_FALSE(runner.busy());
    settle();
    EXPECT_EQ(stopped, 1) << "a discarded job reports nothing";
    EXPECT_EQ(done + failed, 0);
}

TEST(JobRunner, ADestroyedOwnerTakesItsJobsWithIt)
{
    JobRunner runner;
    auto owner = std::make_unique<QObject>();
    auto latch = std::make_shared<Latch>();
    bool delivered = false;
    runner.run(
        owner.get(), QStringLiteral("k"), QStringLiteral("k"),
        [latch](JobControl& control) {
            latch->released.tryAcquire(1, kWaitMs);
            latch->sawCancel = control.cancelled();
            return 1;
        },
        [&](int) { delivered = true; });
    owner.reset();
    EXPECT_FALSE(runner.busy());
    latch->released.release();
    settle();
    EXPECT_TRUE(latch->sawCancel);
    EXPECT_FALSE(delivered);
}

TEST(JobRunner, ProgressIsThrottledNotOneCallPerStep)
{
    JobRunner runner;
    QObject owner;
    std::vector<int> seen;
    auto busyMs = std::make_shared<std::atomic<qint64>>(0);
    JobHandlers<int> handlers;
    handlers.done = [](int) {};
    handlers.progress = [&](int permille) { seen.push_back(permille); };
    runner.run(
        &owner, QStringLiteral("busy"), QStringLiteral("busy"),
        [busyMs](JobControl& control) {
            QElapsedTimer clock;
            clock.start();
            // A tight loop reporting every step for about half a second.
            for (int step = 0; clock.elapsed() < 500; ++step) control.setProgress((step % 1000) / 1000.0);
            *busyMs = clock.elapsed();
            return 0;
        },
        handlers);
    QSignalSpy idle(&runner, &JobRunner::idle);
    ASSERT_TRUE(idle.wait(kWaitMs));
    ASSERT_FALSE(seen.empty()) << "progress never reached the GUI";
    // At most one report per interval (plus the first, which is never held back).
    EXPECT_LE(qint64(seen.size()), *busyMs / JobControl::kProgressIntervalMs + 1);
    for (int permille : seen) {
        EXPECT_GE(permille, 0);
        EXPECT_LE(permille, 1000);
    }
}

// A workspace switch drops the jobs' results but does not wait for them, and does not close the
// old workspace under a job that still uses it.
TEST(JobRunner, SwitchingWorkspaceNeitherWaitsNorClosesTheOldOneUnderAJob)
{
    QTemporaryDir dir;
    AppContext context;
    context.setWorkspace(Workspace::open(dir.filePath(QStringLiteral("old.headroom"))));
    context.workspace()->setSetting(QStringLiteral("marker"), QStringLiteral("old"));
    auto latch = std::make_shared<Latch>();
    auto readAfterSwitch = std::make_shared<QString>();
    bool delivered = false;
    QObject owner;
    context.jobs()->run(
        &owner, QStringLiteral("read"), QStringLiteral("read"),
        [latch, readAfterSwitch, ws = context.sharedWorkspace()](JobControl&) {
            latch->started = true;
            latch->releasedByTest = latch->released.tryAcquire(1, kWaitMs);
            *readAfterSwitch = ws->setting(QStringLiteral("marker"));
            latch->ended = true;
            return 0;
        },
        [&](int) { delivered = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return latch->started.load(); }, kWaitMs));
    context.setWorkspace(Workspace::open(dir.filePath(QStringLiteral("new.headroom"))));
    latch->released.release();
    ASSERT_TRUE(QTest::qWaitFor([&] { return latch->ended.load(); }, kWaitMs));
    settle();
    EXPECT_TRUE(latch->releasedByTest) << "the switch waited for the job";
    EXPECT_EQ(*readAfterSwitch, QStringLiteral("old")) << "the old workspace was closed under the job";
    EXPECT_FALSE(delivered);
}

// A page that asks twice in a row shows the second answer only, with no counter of its own:
// data/catalog/boot_times.csv gives azure a boot p50 of 41 s and aws 32 s.
TEST(JobRunner, APageThatAsksTwiceShowsOnlyTheSecondAnswer)
{
    QTemporaryDir dir;
    AppContext context;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("pages.headroom")));
    Catalog::seedShipped(*ws);
    context.setWorkspace(std::move(ws));
    LeadTimePage page(&context);
    QSignalSpy refreshed(&page, &LeadTimePage::refreshed);
    QComboBox* provider = page.providerPicker();
    provider->setCurrentIndex(provider->findData(QStringLiteral("azure")));  // each change starts a job
    provider->setCurrentIndex(provider->findData(QStringLiteral("aws")));
    ASSERT_TRUE(refreshed.wait(kWaitMs));
    settle();
    EXPECT_EQ(refreshed.size(), 1) << "the answer for azure was shown too";
    ASSERT_EQ(page.phaseTable()->rowCount(), 1);
    EXPECT_EQ(page.phaseTable()->item(0, 2)->text(), QStringLiteral("32"));
}
