#include "job_runner.h"

#include "core/errors.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace headroom {

namespace {

// The mailbox may die on a worker thread (the last job holding it ends after the runner went);
// a QObject must be deleted on its own thread, so that case is left to its event loop.
void deleteMailbox(JobMailbox* mailbox)
{
    if (mailbox->thread() == QThread::currentThread()) delete mailbox;
    else mailbox->deleteLater();
}

}  // namespace

JobRunner::JobRunner(QObject* parent) : QObject(parent), mailbox_(new JobMailbox, deleteMailbox)
{
    mailbox_->runner = this;
}

// No waiting: jobs still running learn of the end through their flag, and whatever they post
// finds a mailbox without a runner.
JobRunner::~JobRunner()
{
    mailbox_->runner = nullptr;
    for (Job& job : jobs_) job.control->requestCancel();
}

void JobRunner::start(Job job, Body body)
{
    if (!job.owner) job.owner = this;  // a job for no page lives as long as the runner
    // The newest job of a key wins: the older one is told to stop and forgotten, so whatever it
    // still returns finds no entry and is dropped.
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
        if (it->owner.data() == job.owner.data() && it->key == job.key) {
            it->control->requestCancel();
            jobs_.erase(it);
            break;
        }
    }
    watch(job.owner);
    job.control = std::make_shared<JobControl>(nextId_++, mailbox_);
    job.future = QtConcurrent::run(QThreadPool::globalInstance(),
                                   [control = job.control, body = std::move(body)] { execute(control, body); });
    const QString label = job.label;
    jobs_.push_back(std::move(job));
    emit progressChanged(label, 0);
}

void JobRunner::execute(const std::shared_ptr<JobControl>& control, const Body& body)
{
    std::shared_ptr<JobEnd> end;
    QString error;
    try {
        end = body(*control);
    } catch (const Cancelled&) {
        end = std::make_shared<JobEnd>();
        end->how = JobEnd::How::Stopped;
    } catch (const InputError& e) {
        error = e.text();
    } catch (const RuntimeFailure& e) {
        error = e.text();
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    } catch (...) {
        error = QStringLiteral("an unexpected failure (not a standard exception)");
    }
    if (!end) {
        end = std::make_shared<JobEnd>();
        // A failure after Cancel is most likely the interruption itself (a half-read file, a
        // stopped sweep), so it is reported as a stop, not as an error.
        end->how = control->cancelled() ? JobEnd::How::Stopped : JobEnd::How::Failed;
        end->error = error;
    }
    control->finish(std::move(end));
}

JobRunner::Job* JobRunner::find(quint64 id)
{
    for (Job& job : jobs_)
        if (job.control->id() == id) return &job;
    return nullptr;
}

void JobRunner::deliverEnd(quint64 id, const std::shared_ptr<JobEnd>& end)
{
    Job* found = find(id);
    if (!found) return;  // superseded, discarded or abandoned
    // Out of the list before any handler runs: a handler may well start the next job.
    Job job = std::move(*found);
    jobs_.erase(jobs_.begin() + (found - jobs_.data()));
    if (job.owner) {
        switch (end->how) {
        case JobEnd::How::Returned:
            job.finish(*end);
            break;
        case JobEnd::How::Failed:
            emit failed(job.label, end->error);
            if (job.failed) job.failed(end->error);
            break;
        case JobEnd::How::Stopped:
            if (job.stopped) job.stopped();
            break;
        }
    }
    dropIfIdle();
}

void JobRunner::deliverProgress(quint64 id)
{
    Job* job = find(id);
    if (!job || !job->owner) return;
    const int permille = job->control->permille();
    emit progressChanged(job->label, permille);
    if (job->progress) job->progress(permille);
}

void JobRunner::deliverPosted(quint64 id, const std::function<void()>& f)
{
    const Job* job = find(id);
    if (job && job->owner) f();
}

void JobRunner::cancel(const QObject* owner, const QString& key)
{
    for (Job& job : jobs_)
        if (job.owner.data() == owner && job.key == key) job.control->requestCancel();
}

void JobRunner::discard(const QObject* owner, const QString& key)
{
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
        if (it->owner.data() == owner && it->key == key) {
            drop(it);
            break;
        }
    }
    dropIfIdle();
}

bool JobRunner::running(const QObject* owner, const QString& key) const
{
    for (const Job& job : jobs_)
        if (job.owner.data() == owner && job.key == key) return true;
    return false;
}

void JobRunner::drop(std::vector<Job>::iterator it)
{
    it->control->requestCancel();
    jobs_.erase(it);
}

void JobRunner::cancelAll()
{
    for (Job& job : jobs_) job.control->requestCancel();
}

void JobRunner::abandonAll()
{
    if (jobs_.empty()) return;
    cancelAll();
    jobs_.clear();
    emit idle();
}

void JobRunner::dropIfIdle()
{
    if (jobs_.empty()) emit idle();
}

void JobRunner::watch(QObject* owner)
{
    if (watched_.contains(owner)) return;
    watched_.insert(owner);
    // A page that goes away takes its jobs with it: they stop and report to no one.
    connect(owner, &QObject::destroyed, this, [this](QObject* gone) {
        watched_.remove(gone);
        const auto before = jobs_.size();
        std::erase_if(jobs_, [gone](const Job& job) {
            // A widget's pointers may still read as set while ~QWidget announces its end.
            if (job.owner && job.owner.data() != gone) return false;
            job.control->requestCancel();
            return true;
        });
        if (jobs_.size() != before) dropIfIdle();
    });
}

void JobRunner::waitForAll()
{
    while (!jobs_.empty()) {
        std::vector<QFuture<void>> futures;
        for (const Job& job : jobs_) futures.push_back(job.future);
        for (QFuture<void>& f : futures) f.waitForFinished();
        // Each finished job has queued its end; a handler may start another job, hence the loop.
        QCoreApplication::sendPostedEvents(mailbox_.get(), QEvent::MetaCall);
    }
}

}  // namespace headroom
