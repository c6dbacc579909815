#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// Timers of which each owner (a node) has at most one pending, moved in place when they are set
// again. Processor sharing reschedules a node's next CPU completion whenever a request starts or
// ends on it; cancelling the old event and scheduling a new one left a dead key in the event heap
// each time (on a busy hyper-threaded node 44 % of the CPU completions popped were dead), and the
// dead keys made the heap deeper for every other event. Here the owners' timers are an indexed
// heap of their own, one entry per owner (a few dozen nodes), beside the event heap.
class OwnerTimers {
public:
    // As the event loop orders its keys: by time (the bits of a non-negative double), then by
    // the sequence number taken when the timer was set.
    struct Entry {
        std::uint64_t when = 0;
        std::uint32_t seq = 0;
        std::uint32_t kind = 0, a = 0, b = 0;
    };

    bool empty() const { return heap_.empty(); }
    const Entry& top() const { return entries_[heap_.front()]; }
    std::uint32_t topOwner() const { return heap_.front(); }
    bool pending(std::uint32_t owner) const { return owner < at_.size() && at_[owner] != kNotPending; }

    void set(std::uint32_t owner, std::uint64_t when, std::uint32_t seq, std::uint32_t kind, std::uint32_t a, std::uint32_t b)
    {
        if (owner >= at_.size()) {
            at_.resize(std::size_t(owner) + 1, kNotPending);
            entries_.resize(std::size_t(owner) + 1);
        }
        Entry& e = entries_[owner];
        e.when = when;
        e.seq = seq;
        e.kind = kind;
        e.a = a;
        e.b = b;
        if (at_[owner] == kNotPending) {
            heap_.push_back(owner);
            at_[owner] = std::uint32_t(heap_.size() - 1);
            siftUp(heap_.size() - 1);
        } else {
            siftUp(at_[owner]);
            siftDown(at_[owner]);
        }
    }

    void clear(std::uint32_t owner)
    {
        if (!pending(owner)) return;
        const std::size_t i = at_[owner];
        at_[owner] = kNotPending;
        const std::uint32_t last = heap_.back();
        heap_.pop_back();
        if (i == heap_.size()) return;  // it was the last one
        heap_[i] = last;
        at_[last] = std::uint32_t(i);
        siftUp(i);
        siftDown(at_[last]);
    }

private:
    static constexpr std::uint32_t kNotPending = 0xFFFFFFFFu;
    bool earlier(std::uint32_t x, std::uint32_t y) const
    {
        const Entry& p = entries_[x];
        const Entry& q = entries_[y];
        return p.when < q.when || (p.when == q.when && p.seq < q.seq);
    }
    // The same, without a branch, for choosing between two children: see EventLoop::earlierNoBranch.
    bool earlierNoBranch(std::uint32_t x, std::uint32_t y) const
    {
        const Entry& p = entries_[x];
        const Entry& q = entries_[y];
        return (p.when < q.when) | ((p.when == q.when) & (p.seq < q.seq));
    }
    void put(std::size_t i, std::uint32_t owner)
    {
        heap_[i] = owner;
        at_[owner] = std::uint32_t(i);
    }
    void siftUp(std::size_t i)
    {
        const std::uint32_t owner = heap_[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            if (!earlier(owner, heap_[parent])) break;
            put(i, heap_[parent]);
            i = parent;
        }
        put(i, owner);
    }
    void siftDown(std::size_t i)
    {
        const std::uint32_t owner = heap_[i];
        const std::size_t n = heap_.size();
        for (;;) {
            std::size_t child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n) child += std::size_t(earlierNoBranch(heap_[child + 1], heap_[child]));
            if (!earlier(heap_[child], owner)) break;
            put(i, heap_[child]);
            i = child;
        }
        put(i, owner);
    }

    std::vector<Entry> entries_;        // by owner
    std::vector<std::uint32_t> at_;     // owner → its place in heap_
    std::vector<std::uint32_t> heap_;   // pending owners, earliest first
};

}  // namespace headroom::sim
