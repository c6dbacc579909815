#include "job_control.h"

#include "job_runner.h"

#include <QElapsedTimer>
#include <algorithm>

namespace headroom {

namespace {

qint64 nowMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    // Offset by one interval so the first report of a job is never held back.
    return clock.elapsed() + JobControl::kProgressIntervalMs;
}

}  // namespace

void JobControl::setProgress(double fraction)
{
    permille_.store(int(std::clamp(fraction, 0.0, 1.0) * 1000), std::memory_order_relaxed);
    const qint64 now = nowMs();
    qint64 last = lastProgressPostMs_.load(std::memory_order_relaxed);
    if (now - last < kProgressIntervalMs) return;
    // Of several threads reporting at once (a parallel sweep), one posts; the GUI reads the
    // newest value when the call arrives, so nothing is lost by coalescing.
    if (!lastProgressPostMs_.compare_exchange_strong(last, now)) return;
    auto mailbox = mailbox_;
    const quint64 id = id_;
    QMetaObject::invokeMethod(
        mailbox.get(), [mailbox, id] { if (mailbox->runner) mailbox->runner->deliverProgress(id); }, Qt::QueuedConnection);
}

void JobControl::post(std::function<void()> f)
{
    auto mailbox = mailbox_;
    const quint64 id = id_;
    QMetaObject::invokeMethod(
        mailbox.get(), [mailbox, id, f = std::move(f)] { if (mailbox->runner) mailbox->runner->deliverPosted(id, f); },
        Qt::QueuedConnection);
}

void JobControl::finish(std::shared_ptr<JobEnd> end)
{
    auto mailbox = mailbox_;
    const quint64 id = id_;
    QMetaObject::invokeMethod(
        mailbox.get(), [mailbox, id, end = std::move(end)] { if (mailbox->runner) mailbox->runner->deliverEnd(id, end); },
        Qt::QueuedConnection);
}

}  // namespace headroom
