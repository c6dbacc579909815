#include "credits.h"

#include "processor_sharing.h"
#include "recorder.h"

#include <algorithm>

namespace headroom::sim {

Credits::Credits(World& w, const std::vector<double>* carried)
    : w_(w), carried_(carried), accountingS_(std::min(5.0, w.s.doc.intervalS))
{
}

void Credits::start() { w_.loop.post(accountingS_, EventKind::AccountingTick); }

void Credits::setStartingBalance(Node& n, std::size_t index)
{
    n.credits = w_.s.initialCredits;
    if (carried_ && index < carried_->size()) n.credits = (*carried_)[index];
    carriedSurplus_ += std::max(0.0, -n.credits);
}

// Each node earns credits_per_hour up to the cap and spends the vCPU-minutes it used. At zero a
// standard-mode node is held to its baseline. An unlimited-mode node keeps full speed and spends
// surplus credits, a negative balance that later earnings pay back first; AWS bills surplus
// beyond what the node earns in 24 hours at once, and what is still owed when the node stops.
void Credits::onAccountingTick()
{
    const ResolvedScenario& s = w_.s;
    const double now = w_.now;
    const double dt = now - lastAccounting_;
    lastAccounting_ = now;
    if (now + accountingS_ <= s.doc.durationS) w_.loop.post(now + accountingS_, EventKind::AccountingTick);
    if (!s.burstable) return;
    const double earned = s.creditsEarnedPerHour * dt / 3600;
    double lowest = 1e300;
    for (std::uint32_t id = 0; id < w_.nodes.size(); ++id) {
        Node& n = w_.nodes[id];
        if (n.state != Node::State::Ready && n.state != Node::State::Draining) continue;
        w_.cpu->advance(n);
        const bool wasThrottled = n.throttled;
        n.credits = std::min(s.maxCredits, n.credits + earned - n.cpuForCredits / 60);
        n.cpuForCredits = 0;
        if (s.unlimitedCredits) {
            const double floor = -s.creditsEarnedPerHour * 24;
            if (n.credits < floor) {
                surplus_ += floor - n.credits;
                n.credits = floor;
            }
        } else if (n.credits <= 0) {
            n.credits = 0;
            n.throttled = true;
        } else {
            n.throttled = false;
        }
        if (n.throttled != wasThrottled) w_.cpu->reschedule(id);
        lowest = std::min(lowest, n.credits);
    }
    Recorder& rec = *w_.recorder;
    if (lowest < 1e300) rec.creditMin = std::min(rec.creditMin, lowest);
}

void Credits::nodeStopped(Node& n)
{
    surplus_ += std::max(0.0, -n.credits);
    n.credits = 0;
}

void Credits::settle(ReplicationResult& r)
{
    double owed = 0;
    for (const Node& n : w_.nodes)
        if (n.state == Node::State::Ready || n.state == Node::State::Draining) {
            owed += std::max(0.0, -n.credits);
            if (w_.s.burstable) r.endCredits.push_back(n.credits);
        }
    surplus_ = std::max(0.0, surplus_ + owed - carriedSurplus_);
}

}  // namespace headroom::sim
