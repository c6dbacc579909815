#pragma once
#include "simulator.h"
#include "world.h"

#include <cstddef>
#include <vector>

namespace headroom::sim {

// Burstable CPU credits (1 credit = 1 vCPU-minute at 100 %), settled every accounting tick, and
// the surplus credits an unlimited-mode node is billed for.
class Credits {
public:
    Credits(World& w, const std::vector<double>* carried);
    void start();
    // The balance node `index` of those present at the start begins with: the scenario's, or the
    // one carried over from the day before.
    void setStartingBalance(Node& n, std::size_t index);
    void onAccountingTick();
    void nodeStopped(Node& n);             // surplus still owed is billed when a node stops
    double surplus() const { return surplus_; }
    // At the end: what the nodes still in service owe is billed too (less what the nodes present
    // at the start owed already), and their balances are kept for the next day.
    void settle(ReplicationResult& r);

private:
    World& w_;
    const std::vector<double>* carried_;   // balances of the nodes present at the start
    double accountingS_ = 5, lastAccounting_ = 0;
    double surplus_ = 0;                   // billed surplus credits (unlimited mode)
    double carriedSurplus_ = 0;            // surplus the nodes present at the start owed already
};

}  // namespace headroom::sim
