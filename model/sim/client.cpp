#include "client.h"

#include "load_balancer.h"
#include "recorder.h"
#include "reusable_slots.h"
#include "workers.h"

#include <cmath>

namespace headroom::sim {

Client::Client(World& w) : w_(w)
{
    if (const auto& client = w.s.doc.client) {
        timeoutS_ = client->timeoutMs / 1000;
        backoffS_ = client->backoffMs / 1000;
        retries_ = client->retries;
    }
}

// Fields are written one by one rather than from a temporary Request: copying a temporary just
// built on the stack made the CPU wait for its stores to land (a store-forwarding stall that
// cost 5 % of the M/M/10 benchmark).
std::uint32_t Client::newRequest(bool counted)
{
    const std::uint32_t r = takeSlot(requests_, freeRequests_);
    Request& req = requests_[r];
    req.arrivedAt = w_.now;
    req.liveSerial = 0;
    req.attempts = 0;
    req.outstanding = 0;
    req.finished = false;
    req.counted = counted;
    req.timeout = TimerHandle{};
    return r;
}

void Client::arrive()
{
    const bool counted = w_.now >= w_.s.doc.warmupS;
    const std::uint32_t r = newRequest(counted);
    ++originalRequests_;
    w_.recorder->interval.arrivals += 1;
    if (counted) ++w_.recorder->out.requests;
    sendAttempt(r);
}

void Client::sendAttempt(std::uint32_t r)
{
    Request& req = requests_[r];
    ReplicationResult& out = w_.recorder->out;
    ++req.attempts;
    if (req.counted) ++out.attempts;
    const std::uint32_t serial = ++attemptSerial_;
    req.liveSerial = serial;
    const std::uint32_t node = w_.balancer->pick();
    if (node == kNone) {  // nothing in service: the balancer answers 503
        if (req.counted) ++out.rejected;
        req.liveSerial = 0;
        attemptFailed(r);
        return;
    }
    Workers& workers = *w_.workers;
    const std::uint32_t j = workers.newJob(r, serial, node, req.attempts == 1);
    ++req.outstanding;
    // The same delay after a clock that never goes back: each timeout is due no earlier than the last.
    if (timeoutS_ > 0) req.timeout = w_.loop.scheduleInOrder(EventLoop::Lane::ClientTimeouts, w_.now + timeoutS_, EventKind::ClientTimeout, r);
    workers.dispatch(node, j);
}

void Client::onTimeout(std::uint32_t r)
{
    Request& req = requests_[r];
    req.timeout = TimerHandle{};
    if (req.counted) ++w_.recorder->out.timeouts;
    req.liveSerial = 0;  // the server may still work on it; nobody waits for the answer
    attemptFailed(r);
}

void Client::refused(const Job& job)
{
    Request& req = requests_[job.request];
    --req.outstanding;
    if (req.counted) ++w_.recorder->out.rejected;
    if (req.liveSerial == job.serial) {
        w_.loop.cancel(req.timeout);
        req.liveSerial = 0;
        attemptFailed(job.request);
    } else {
        maybeFree(job.request);
    }
}

void Client::answered(const Job& job)
{
    Request& req = requests_[job.request];
    --req.outstanding;
    if (!req.finished && req.liveSerial == job.serial) {
        w_.loop.cancel(req.timeout);
        req.finished = true;
        req.liveSerial = 0;
        w_.recorder->completed(w_.now - req.arrivedAt, req.counted);
    }
    maybeFree(job.request);
}

// A failed attempt is retried after an exponential backoff while retries and the retry budget
// (retries ≤ budget × requests + 10, as gRPC and Envoy budgets do) allow; otherwise the request
// fails for good.
void Client::attemptFailed(std::uint32_t r)
{
    Request& req = requests_[r];
    const auto& client = w_.s.doc.client;
    const bool budgetLeft = !client || !client->retryBudget
                            || double(retriesSent_) < *client->retryBudget * double(originalRequests_) + 10;
    if (req.attempts <= retries_ && budgetLeft) {
        ++retriesSent_;
        const double backoff = backoffS_ * std::ldexp(1.0, req.attempts - 1);
        w_.loop.post(w_.now + backoff, EventKind::Retry, r);
        return;
    }
    req.finished = true;
    w_.recorder->interval.errors += 1;
    if (req.counted) ++w_.recorder->out.errors;
    maybeFree(r);
}

void Client::maybeFree(std::uint32_t r)
{
    const Request& req = requests_[r];
    if (req.finished && req.outstanding == 0) freeRequests_.push_back(r);
}

}  // namespace headroom::sim
