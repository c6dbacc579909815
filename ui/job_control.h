#pragma once
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace headroom {

class JobRunner;

// The GUI-thread object every message from a worker is queued to. It outlives the runner when a
// job is still running (the job shares it), so a worker never posts to a dead object; `runner`
// is set to null when the runner goes and is only ever read on the GUI thread.
class JobMailbox : public QObject {
public:
    JobRunner* runner = nullptr;
};

// How a job ended, written by the worker and read on the GUI thread.
struct JobEnd {
    enum class How { Returned, Failed, Stopped };
    How how = How::Returned;
    QString error;  // Failed: the exception's text
    virtual ~JobEnd() = default;
};

// What a running job sees: a cancel flag to poll (or to hand to the models, which poll it and
// throw Cancelled) and a progress value to set. Shared by the worker and the runner, so it
// stays valid for the worker even after the runner is gone.
class JobControl : public std::enable_shared_from_this<JobControl> {
public:
    JobControl(quint64 id, std::shared_ptr<JobMailbox> mailbox) : id_(id), mailbox_(std::move(mailbox)) {}
    JobControl(const JobControl&) = delete;
    JobControl& operator=(const JobControl&) = delete;

    quint64 id() const { return id_; }
    bool cancelled() const { return cancel_.load(std::memory_order_relaxed); }
    // For the models' options (SimulationOptions::cancel, importFile(..., cancel)).
    const std::atomic<bool>* cancelFlag() const { return &cancel_; }
    void requestCancel() { cancel_.store(true); }

    // 0…1, from any thread, as often as the work likes: the GUI hears the latest value at most
    // every kProgressIntervalMs, so a tight loop cannot flood the event loop.
    void setProgress(double fraction);
    int permille() const { return permille_.load(std::memory_order_relaxed); }
    static constexpr qint64 kProgressIntervalMs = 100;

    // Runs `f` on the GUI thread, but only while this job is still the newest of its key and its
    // owner lives (an intermediate result, such as a provisional ranking). Dropped otherwise.
    void post(std::function<void()> f);

    // Called once by the worker when the work is over; hands `end` to the GUI thread.
    void finish(std::shared_ptr<JobEnd> end);

private:
    const quint64 id_;
    const std::shared_ptr<JobMailbox> mailbox_;
    std::atomic<bool> cancel_{false};
    std::atomic<int> permille_{0};
    std::atomic<qint64> lastProgressPostMs_{0};
};

}  // namespace headroom
