// How the job runner treats the GUI thread. Run by tests/bench/job_runner.sh; not a test.
//
//   delivery  from a job's return to its done handler on the GUI thread (median and worst of N)
//   progress  two jobs calling setProgress in tight loops for two seconds: progress calls that
//             reached the GUI thread, and the longest gap between ticks of a 5 ms heartbeat
//   release   how long abandonAll() and the runner's destructor take while a job ignores Cancel
//             for two seconds (the job is not waited for)
#include "job_runner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace headroom;

namespace {

QElapsedTimer clockSinceStart;

void runEventsUntil(const std::function<bool()>& done)
{
    while (!done()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
}

void delivery(int jobs)
{
    JobRunner runner;
    QObject owner;
    std::vector<double> latenciesMs;
    for (int i = 0; i < jobs; ++i) {
        bool arrived = false;
        runner.run(
            &owner, QStringLiteral("job"), QStringLiteral("job"), [](JobControl&) { return clockSinceStart.nsecsElapsed(); },
            [&](qint64 returnedAt) {
                latenciesMs.push_back(double(clockSinceStart.nsecsElapsed() - returnedAt) / 1e6);
                arrived = true;
            });
        runEventsUntil([&] { return arrived; });
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    std::printf("delivery  %d jobs: median %.3f ms, worst %.3f ms from return to done handler\n", jobs,
                latenciesMs[latenciesMs.size() / 2], latenciesMs.back());
}

void progress()
{
    JobRunner runner;
    QObject owner;
    int deliveries = 0, ended = 0;
    qint64 longestGapMs = 0;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] { longestGapMs = std::max(longestGapMs, beat.restart()); });
    QObject::connect(&runner, &JobRunner::progressChanged, [&] { ++deliveries; });
    qint64 calls = 0;
    auto counted = std::make_shared<std::atomic<qint64>>(0);
    beat.start();
    heartbeat.start();
    for (const char* key : {"a", "b"}) {
        runner.run(
            &owner, QString::fromLatin1(key), QString::fromLatin1(key),
            [counted](JobControl& control) {
                QElapsedTimer t;
                t.start();
                qint64 n = 0;
                for (; t.elapsed() < 2000; ++n) control.setProgress(double(n % 1000) / 1000);
                *counted += n;
                return 0;
            },
            [&](int) { ++ended; });
    }
    runEventsUntil([&] { return ended == 2; });
    calls = *counted;
    std::printf("progress  %lld setProgress calls in 2 s on 2 jobs: %d reached the GUI thread; longest heartbeat gap %lld ms\n",
                static_cast<long long>(calls), deliveries, static_cast<long long>(longestGapMs));
}

void release()
{
    auto stubborn = [](JobControl&) {
        QThread::msleep(2000);  // never looks at its flag
        return 0;
    };
    QObject owner;
    auto runner = std::make_unique<JobRunner>();
    runner->run(&owner, QStringLiteral("a"), QStringLiteral("a"), stubborn, [](int) {});
    QThread::msleep(50);  // the job is running
    QElapsedTimer t;
    t.start();
    runner->abandonAll();
    const double abandonMs = double(t.nsecsElapsed()) / 1e6;
    runner->run(&owner, QStringLiteral("b"), QStringLiteral("b"), stubborn, [](int) {});
    QThread::msleep(50);
    t.restart();
    runner.reset();
    const double destroyMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("release   abandonAll %.3f ms, destructor %.3f ms with a 2 s job that ignores Cancel\n", abandonMs, destroyMs);
    QThreadPool::globalInstance()->waitForDone();
}

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    clockSinceStart.start();
    delivery(argc > 1 ? std::max(1, std::atoi(argv[1])) : 200);
    progress();
    release();
    return 0;
}
