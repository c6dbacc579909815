#pragma once
#include "task_tracker.h"

#include <mutex>

namespace headroom {

// Lets a page's own Cancel button reach the TaskControl of the run in flight, and only that one:
// the tracker's Cancel stops every task, this stops the page's run alone. A request made before
// the worker starts still counts: the worker sees it when it attaches.
struct CancelHandle {
    std::mutex lock;
    TaskControl* control = nullptr;
    bool requested = false;

    void request()
    {
        std::lock_guard<std::mutex> guard(lock);
        requested = true;
        if (control) control->cancel = true;
    }
    // Held by the worker for as long as `control` is alive.
    struct Attach {
        CancelHandle& handle;
        Attach(CancelHandle& h, TaskControl& c) : handle(h)
        {
            std::lock_guard<std::mutex> guard(handle.lock);
            handle.control = &c;
            if (handle.requested) c.cancel = true;
        }
        ~Attach()
        {
            std::lock_guard<std::mutex> guard(handle.lock);
            handle.control = nullptr;
        }
        Attach(const Attach&) = delete;
        Attach& operator=(const Attach&) = delete;
    };
};

}  // namespace headroom
