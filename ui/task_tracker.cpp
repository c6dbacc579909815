#include "task_tracker.h"

#include "core/errors.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace headroom {

struct TaskTracker::Task {
    QString label;
    std::shared_ptr<TaskControl> control = std::make_shared<TaskControl>();
    QFuture<QVariant> future;
    Done onDone;
    Failed onFailed;
    QString error;  // written by the worker before it finishes, read after
};

TaskTracker::TaskTracker(QObject* parent) : QObject(parent), timer_(new QTimer(this))
{
    timer_->setInterval(100);
    connect(timer_, &QTimer::timeout, this, &TaskTracker::poll);
}

TaskTracker::~TaskTracker() { abandonAll(); }

void TaskTracker::run(const QString& label, Work work, Done onDone, Failed onFailed)
{
    auto task = std::make_shared<Task>();
    task->label = label;
    task->onDone = std::move(onDone);
    task->onFailed = std::move(onFailed);
    Task* raw = task.get();
    auto control = task->control;
    task->future = QtConcurrent::run([raw, control, work = std::move(work)]() -> QVariant {
        try {
            return work(*control);
        } catch (const InputError& e) {
            raw->error = e.text();
        } catch (const RuntimeFailure& e) {
            raw->error = e.text();
        } catch (const Cancelled&) {
            control->cancel = true;
        } catch (const std::exception& e) {
            raw->error = QString::fromUtf8(e.what());
        }
        return {};
    });
    tasks_.push_back(std::move(task));
    emit progressChanged(label, 0);
    if (!timer_->isActive()) timer_->start();
}

void TaskTracker::poll()
{
    for (size_t i = 0; i < tasks_.size();) {
        const auto task = tasks_[i];
        if (!task->future.isFinished()) {
            emit progressChanged(task->label, task->control->permille.load());
            ++i;
            continue;
        }
        tasks_.erase(tasks_.begin() + qsizetype(i));
        // A job that noticed the cancel and still returned a value (partial work that was kept,
        // such as the files imported before Cancel) is handed back; an abandoned one is not.
        if (task->control->cancelled() && !task->future.result().isValid()) continue;
        if (!task->error.isEmpty()) {
            emit failed(task->label, task->error);
            if (task->onFailed) task->onFailed(task->error);
        } else if (task->onDone) {
            task->onDone(task->future.result());
        }
    }
    if (tasks_.empty()) {
        timer_->stop();
        emit idle();
    }
}

void TaskTracker::cancelAll()
{
    for (const auto& task : tasks_) task->control->cancel = true;
}

void TaskTracker::abandonAll()
{
    cancelAll();
    for (const auto& task : tasks_) task->future.waitForFinished();
    if (tasks_.empty()) return;
    tasks_.clear();
    timer_->stop();
    emit idle();
}

void TaskTracker::waitForAll()
{
    for (const auto& task : tasks_) task->future.waitForFinished();
    poll();
}

}  // namespace headroom
