#pragma once
#include <QFutureWatcher>
#include <QTimer>
#include <QObject>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>
#include <memory>

namespace headroom {

// What a background job sees: a cancel flag to poll and a progress value to set (0…1).
struct TaskControl {
    std::atomic<bool> cancel{false};
    std::atomic<int> permille{0};
    void setProgress(double fraction) { permille.store(int(std::clamp(fraction, 0.0, 1.0) * 1000)); }
    bool cancelled() const { return cancel.load(std::memory_order_relaxed); }
};

// Runs long work off the GUI thread (QtConcurrent) and hands the result back on the GUI thread.
// Progress is polled ten times a second rather than signalled per step, so a busy worker never
// floods the event loop; Cancel sets the flag the worker polls.
class TaskTracker : public QObject {
    Q_OBJECT
public:
    using Work = std::function<QVariant(TaskControl&)>;
    using Done = std::function<void(const QVariant&)>;
    using Failed = std::function<void(const QString&)>;

    explicit TaskTracker(QObject* parent = nullptr);
    ~TaskTracker() override;

    // `onDone` and `onFailed` run on the GUI thread. After Cancel, `onDone` still runs when the
    // job returned a valid QVariant (it kept partial work); a job that threw Cancelled is dropped.
    // Exceptions thrown by `work` arrive in `onFailed` as text ("FILE:LINE: what").
    void run(const QString& label, Work work, Done onDone, Failed onFailed = {});
    void cancelAll();
    // Cancels every task, waits for it to end and drops its callbacks: for when what the
    // callbacks (or the jobs) use is about to go away (closing the window, switching workspace).
    void abandonAll();
    bool busy() const { return !tasks_.empty(); }
    // Blocks until every task ended (tests, closing the window).
    void waitForAll();

signals:
    void progressChanged(const QString& label, int permille);  // permille -1 = unknown
    void idle();
    void failed(const QString& label, const QString& message);

private:
    struct Task;
    void poll();
    std::vector<std::shared_ptr<Task>> tasks_;
    QTimer* timer_ = nullptr;
};

}  // namespace headroom
