#include "client.h"

#include "load_balancer.h"
#include "recorder.h"
#include "request_path.h"

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

}  // namespace headroom::sim
