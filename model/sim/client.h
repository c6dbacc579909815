#pragma once
#include "reusable_slots.h"
#include "world.h"

#include <cstdint>
#include <vector>

namespace headroom::sim {

struct Request {
    double arrivedAt = 0;
    std::uint32_t liveSerial = 0;       // attempt whose answer the client still waits for; 0 = none
    std::uint16_t attempts = 0;
    std::uint16_t outstanding = 0;      // attempts still inside the cluster
    bool finished = false;
    bool counted = false;               // arrived after warm-up and before the end
    TimerHandle timeout;                // the live attempt's client timeout
};

// The clients: each request's attempts, their timeouts, and retries with backoff under the retry
// budget. An attempt is sent to the node the balancer picks; an older attempt the client gave up
// on may still be served, but only the live one's answer counts.
class Client {
public:
    explicit Client(World& w);
    // arrive, sendAttempt and answered are on every request's path: defined in request_path.h.
    void arrive();
    void sendAttempt(std::uint32_t r);     // also the Retry event
    void onTimeout(std::uint32_t r);
    void refused(const Job& job);          // a full queue turned the attempt away
    void answered(const Job& job);         // the attempt's worker is done with it

private:
    void attemptFailed(std::uint32_t r);
    void maybeFree(std::uint32_t r);
    std::uint32_t newRequest(bool counted);

    World& w_;
    double timeoutS_ = 0, backoffS_ = 0;
    int retries_ = 0;
    ReusableSlots<Request> requests_;
    std::uint32_t attemptSerial_ = 0;
    std::int64_t originalRequests_ = 0, retriesSent_ = 0;
};

}  // namespace headroom::sim
