#pragma once
#include "job_control.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace headroom {

// What a job's owner wants to hear, all on the GUI thread. Only `done` is required.
template <class T>
struct JobHandlers {
    std::function<void(T)> done;                // the work's return value
    std::function<void(const QString&)> failed; // the work threw: the exception's text
    std::function<void()> stopped;              // the work ended on Cancel without a value
    std::function<void(int permille)> progress; // at most every JobControl::kProgressIntervalMs
};

template <class Work>
using JobResultOf = std::invoke_result_t<Work&, JobControl&>;

// Runs work off the GUI thread, on the program's one thread pool (QThreadPool::globalInstance(),
// where the models' runParallel also runs simulation replications and sweeps), and hands the
// result back typed, on the GUI thread, through a queued call.
//
// A job belongs to an owner (a page) and a key ("refresh", "simulate"). Starting a job under the
// owner and key of one still running cancels the older job and drops whatever it would deliver:
// the newest request wins without the page counting generations. A destroyed owner drops its jobs.
//
// Cancel is cooperative: it sets the job's flag and never waits. cancel() lets the job report how
// it ended: its value if it kept partial work, else `stopped` (an exception thrown once the flag
// is set counts as a stop: it is most likely the interruption itself). discard() and
// abandonAll() also drop what it would report.
//
// Lifetime contract: nothing here ever blocks the GUI on a job. When the runner goes, or a
// workspace is switched, a job that ignores its flag just runs to its end and its result goes
// nowhere. So `work` must own or share (by value, std::shared_ptr) everything it touches: never
// `this` of a page, never a raw Workspace* (take AppContext::sharedWorkspace()). Handlers, and
// calls handed to JobControl::post, may use the owner freely: they only run while it lives.
//
// All members are for the GUI thread.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // `label` is what the status bar shows while the job runs. `work` is copied to a pool
    // thread; its return type is what `done` receives.
    template <class Work>
    void run(QObject* owner, const QString& key, const QString& label, Work work,
             JobHandlers<JobResultOf<Work>> handlers);
    template <class Work>
    void run(QObject* owner, const QString& key, const QString& label, Work work,
             std::function<void(JobResultOf<Work>)> done, std::function<void(const QString&)> failed = {})
    {
        run(owner, key, label, std::move(work), JobHandlers<JobResultOf<Work>>{std::move(done), std::move(failed), {}, {}});
    }

    void cancel(const QObject* owner, const QString& key);
    void discard(const QObject* owner, const QString& key);
    bool running(const QObject* owner, const QString& key) const;
    bool busy() const { return !jobs_.empty(); }

    // The status bar's Cancel: every job is asked to stop and reports how it ended.
    void cancelAll();
    // For a workspace switch: every job is asked to stop and nothing it reports arrives.
    void abandonAll();
    // Blocks until every job ended and delivered. For tests and benchmarks only.
    void waitForAll();

signals:
    void progressChanged(const QString& label, int permille);
    void failed(const QString& label, const QString& message);
    void idle();  // the last job ended or was dropped

private:
    using Body = std::function<std::shared_ptr<JobEnd>(JobControl&)>;
    using Finish = std::function<void(JobEnd&)>;
    struct Job {
        QPointer<QObject> owner;
        QString key;
        QString label;
        std::shared_ptr<JobControl> control;
        QFuture<void> future;
        Finish finish;
        std::function<void(const QString&)> failed;
        std::function<void()> stopped;
        std::function<void(int)> progress;
    };
    template <class T>
    struct Returned : JobEnd {
        std::optional<T> value;
    };

    void start(Job job, Body body);
    // Runs on the pool thread; touches only what the job shares, never the runner.
    static void execute(const std::shared_ptr<JobControl>& control, const Body& body);
    Job* find(quint64 id);
    void drop(std::vector<Job>::iterator it);
    void watch(QObject* owner);
    void dropIfIdle();

    // Reached through the mailbox, on the GUI thread.
    friend class JobControl;
    void deliverEnd(quint64 id, const std::shared_ptr<JobEnd>& end);
    void deliverProgress(quint64 id);
    void deliverPosted(quint64 id, const std::function<void()>& f);

    std::shared_ptr<JobMailbox> mailbox_;
    std::vector<Job> jobs_;
    QSet<QObject*> watched_;
    quint64 nextId_ = 1;
};

template <class Work>
void JobRunner::run(QObject* owner, const QString& key, const QString& label, Work work,
                    JobHandlers<JobResultOf<Work>> handlers)
{
    using T = JobResultOf<Work>;
    static_assert(!std::is_void_v<T>, "a job returns its result; return a value the done handler needs");
    Job job;
    job.owner = owner;
    job.key = key;
    job.label = label;
    // The value travels inside the JobEnd, so a move-only or non-QVariant type arrives as is.
    job.finish = [done = std::move(handlers.done)](JobEnd& end) {
        if (done) done(std::move(*static_cast<Returned<T>&>(end).value));
    };
    job.failed = std::move(handlers.failed);
    job.stopped = std::move(handlers.stopped);
    job.progress = std::move(handlers.progress);
    start(std::move(job), [work = std::move(work)](JobControl& control) mutable -> std::shared_ptr<JobEnd> {
        auto end = std::make_shared<Returned<T>>();
        end->value.emplace(work(control));
        return end;
    });
}

}  // namespace headroom
