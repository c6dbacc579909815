#pragma once
#include "owner_timers.h"
#include "reusable_slots.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// Every kind of event of the cluster model. The engine's loop hands each kind to the one part
// that owns it (cluster_engine.cpp).
enum class EventKind : std::uint8_t {
    Arrival, CpuDone, DirectCpuDone, ServiceDone, ClientTimeout, Retry, HealthTick, HealthTimeout, NodeReady, NoisyStart, NoisyEnd,
    AccountingTick, ScalerTick, ScheduledCapacity, IntervalEnd, End
};

// What scheduling an event returns: enough to cancel it in O(1). A default handle, or one whose
// event has fired, cancels nothing.
struct TimerHandle {
    static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
    std::uint32_t slot = kNoSlot;
    std::uint32_t seq = 0;
};

// An event as the loop hands it out: its time, kind and two small operands (a node, a job, a
// request, a check serial: whatever the owning part needs).
struct Event {
    double t = 0;
    EventKind kind = EventKind::End;
    std::uint32_t a = 0, b = 0;
};

// The pending events. A binary heap holds 24-byte keys: the time, a tie-breaking sequence number
// so that equal times come out in the order they were scheduled and runs are deterministic, the
// event's kind and operands, and for an event that may be cancelled the slot of its cancel flag.
// Times are never negative, and the bits of a non-negative double order as the double does, so
// keys compare as integers (no floating-point compares with their unordered cases).
// The slots are reused through a free list, so after warm-up neither scheduling nor popping
// allocates. Cancelling marks the slot: the loop skips a cancelled event when its key reaches the
// top, and no handler has to check whether the event it got is still wanted. Most events are
// never cancelled (an arrival, the end of a request's I/O); `post` schedules those without a
// slot, which saves the slot's bookkeeping on every one of them.
class EventLoop {
public:
    void reserve(std::size_t n)
    {
        if (heap_.size() < n) heap_.resize(n);
        slots_.reserve(n);
    }

    TimerHandle schedule(double t, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        const std::uint32_t slot = newSlot();
        pushKey(whenOf(t), a, b, (std::uint32_t(kind) << kSlotBits) | slot);
        return TimerHandle{slot, seq_++};
    }
    // An event nobody will cancel. (Always inlined, as are next() and pushKey(): they run for
    // every event, and the compiler's own estimate left them as calls.)
    [[gnu::always_inline]] void post(double t, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        pushKey(whenOf(t), a, b, (std::uint32_t(kind) << kSlotBits) | kNoSlot);
        ++seq_;
    }

    // The same for a timer whose time is never earlier than that of the one scheduled before it
    // in the same lane: the next arrival (only one is ever pending), or a fixed delay after the
    // current time, as every client timeout is. Each lane is a FIFO beside the heap, which then
    // holds only the other events: at 1,000 requests/s with a 3 s timeout that keeps some 3,000
    // keys (most of them cancelled) out of it, and in M/M/c the heap holds only CPU completions.
    // Events come out in the same order as if they had all gone to the heap, ties included.
    enum class Lane : std::uint8_t { Arrivals, ClientTimeouts };
    TimerHandle scheduleInOrder(Lane lane, double t, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        const std::uint32_t slot = newSlot();
        lanes_[std::size_t(lane)].push(whenOf(t), seq_, a, b, (std::uint32_t(kind) << kSlotBits) | slot);
        return TimerHandle{slot, seq_++};
    }
    void postInOrder(Lane lane, double t, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        lanes_[std::size_t(lane)].push(whenOf(t), seq_, a, b, (std::uint32_t(kind) << kSlotBits) | kNoSlot);
        ++seq_;
    }

    // A timer of which `owner` has at most one pending (owner_timers.h): setting it again moves
    // it, in the order of equal times as if it were scheduled now; clearing it leaves nothing
    // behind. A node's next CPU completion under processor sharing.
    void setOwnerTimer(std::uint32_t owner, double t, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        owners_.set(owner, whenOf(t), seq_++, std::uint32_t(kind), a, b);
    }
    void clearOwnerTimer(std::uint32_t owner) { owners_.clear(owner); }

    // O(1). Resets the handle; cancelling an event that already fired (or was cancelled) is harmless.
    void cancel(TimerHandle& h)
    {
        if (h.slot != TimerHandle::kNoSlot && slots_[h.slot].seq == h.seq) slots_[h.slot].cancelled = true;
        h = TimerHandle{};
    }

    // The earliest event that was not cancelled; false when none is left.
    [[gnu::always_inline]] bool next(Event& out)
    {
        for (;;) {
            dropCancelledFront(lanes_[std::size_t(Lane::ClientTimeouts)]);
            // The earliest of the heap's top and the lanes' fronts.
            const Key* best = heapSize_ == 0 ? nullptr : &heap_[0];
            KeyRing* from = nullptr;
            for (KeyRing& lane : lanes_)
                if (!lane.empty() && (!best || earlier(lane.front(), *best))) {
                    best = &lane.front();
                    from = &lane;
                }
            if (!owners_.empty()) {
                const OwnerTimers::Entry& own = owners_.top();
                if (!best || earlier(own, *best)) {
                    out.t = std::bit_cast<double>(own.when);
                    out.kind = EventKind(own.kind);
                    out.a = own.a;
                    out.b = own.b;
                    owners_.clear(owners_.topOwner());
                    return true;
                }
            }
            if (!best) return false;
            // Field by field (see write()): the key may have been written a moment ago.
            const std::uint64_t when = best->when;
            const std::uint32_t a = best->a, b = best->b, kindAndSlot = best->kindAndSlot;
            if (from) from->drop();
            else dropTop();
            const std::uint32_t slot = kindAndSlot & kNoSlot;
            if (slot != kNoSlot) {
                Slot& s = slots_[slot];
                slots_.release(slot);
                if (s.cancelled) continue;
                s.cancelled = true;  // fired: a late cancel through its handle must not touch the reused slot
            }
            out.t = std::bit_cast<double>(when);
            out.kind = EventKind(kindAndSlot >> kSlotBits);
            out.a = a;
            out.b = b;
            return true;
        }
    }

private:
    // The slot in the low 24 bits of a key's last word (kNoSlot: cannot be cancelled), the kind above.
    static constexpr int kSlotBits = 24;
    static constexpr std::uint32_t kNoSlot = (1u << kSlotBits) - 1;
    struct Key {
        std::uint64_t when;  // the bits of the time
        std::uint32_t seq;
        std::uint32_t a, b;
        std::uint32_t kindAndSlot;
    };
    static std::uint64_t whenOf(double t) { return std::bit_cast<std::uint64_t>(t + 0.0); }  // + 0.0: no −0
    // Keys are written field by field where they land, never built on the stack and copied: the
    // copy's wide loads of the narrow stores just made stalled on every event (store forwarding).
    static void write(Key& k, std::uint64_t when, std::uint32_t seq, std::uint32_t a, std::uint32_t b, std::uint32_t kindAndSlot)
    {
        k.when = when;
        k.seq = seq;
        k.a = a;
        k.b = b;
        k.kindAndSlot = kindAndSlot;
    }
    struct Slot {
        std::uint32_t seq;
        bool cancelled;
    };
    // By time, then by sequence number: for the heap's keys and the owner timers' entries alike.
    template <typename X, typename Y>
    static bool earlier(const X& x, const Y& y)
    {
        return x.when < y.when || (x.when == y.when && x.seq < y.seq);
    }

    // The same order, computed without a branch: which child of a heap node is earlier is a coin
    // toss the processor cannot predict, and a conditional add costs less than a mispredicted jump.
    static bool earlierNoBranch(const Key& x, const Key& y)
    {
        return (x.when < y.when) | ((x.when == y.when) & (x.seq < y.seq));
    }

    // A FIFO of keys on a power-of-two ring that only grows.
    class KeyRing {
    public:
        bool empty() const { return size_ == 0; }
        const Key& front() const { return ring_[head_]; }
        [[gnu::always_inline]] void push(std::uint64_t when, std::uint32_t seq, std::uint32_t a, std::uint32_t b, std::uint32_t kindAndSlot)
        {
            if (size_ == ring_.size()) grow();
            write(ring_[(head_ + size_) & (ring_.size() - 1)], when, seq, a, b, kindAndSlot);
            ++size_;
        }
        void drop()
        {
            head_ = (head_ + 1) & (ring_.size() - 1);
            --size_;
        }

    private:
        [[gnu::noinline]] void grow()
        {
            std::vector<Key> bigger(std::max<std::size_t>(64, ring_.size() * 2));
            for (std::size_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
            ring_.swap(bigger);
            head_ = 0;
        }
        std::vector<Key> ring_;
        std::size_t head_ = 0, size_ = 0;
    };

    // Nearly every client timeout is cancelled (its request was answered) long before it is due.
    // They are dropped here in a run, in a loop whose branch the processor learns, rather than
    // one by one through the comparison with the heap and a skip that it could not predict.
    void dropCancelledFront(KeyRing& lane)
    {
        while (!lane.empty()) {
            const std::uint32_t slot = lane.front().kindAndSlot & kNoSlot;
            if (slot == kNoSlot || !slots_[slot].cancelled) return;
            slots_.release(slot);
            lane.drop();
        }
    }

    // A slot for the cancel flag of the event about to get sequence number seq_.
    std::uint32_t newSlot()
    {
        if (slots_.noneReleased() && slots_.size() >= kNoSlot) throw std::length_error("more than 16 million cancellable events pending");
        const std::uint32_t slot = slots_.take();
        Slot& s = slots_[slot];
        s.seq = seq_;
        s.cancelled = false;
        return slot;
    }

    // With the sequence number seq_.
    [[gnu::always_inline]] void pushKey(std::uint64_t when, std::uint32_t a, std::uint32_t b, std::uint32_t kindAndSlot)
    {
        if (heapSize_ == heap_.size()) growHeap();
        std::size_t i = heapSize_++;
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            const Key& p = heap_[parent];
            if (!(when < p.when || (when == p.when && seq_ < p.seq))) break;
            heap_[i] = p;
            i = parent;
        }
        write(heap_[i], when, seq_, a, b, kindAndSlot);
    }
    // Removes the top key: the last one sinks from the root to its place.
    void dropTop()
    {
        const std::size_t n = heapSize_ - 1;
        if (n > 0) {
            const Key& last = heap_[n];
            const std::uint64_t lastWhen = last.when;
            const std::uint32_t lastSeq = last.seq;
            std::size_t i = 0;
            for (;;) {
                std::size_t child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n) child += std::size_t(earlierNoBranch(heap_[child + 1], heap_[child]));
                const Key& c = heap_[child];
                if (!(c.when < lastWhen || (c.when == lastWhen && c.seq < lastSeq))) break;
                heap_[i] = c;
                i = child;
            }
            if (i != n) write(heap_[i], lastWhen, lastSeq, last.a, last.b, last.kindAndSlot);
        }
        --heapSize_;
    }
    [[gnu::noinline]] void growHeap() { heap_.resize(std::max<std::size_t>(64, heap_.size() * 2)); }

    std::vector<Key> heap_;  // the first heapSize_ are the heap; the rest is room to push without a call
    std::size_t heapSize_ = 0;
    KeyRing lanes_[2];
    OwnerTimers owners_;
    ReusableSlots<Slot> slots_;
    std::uint32_t seq_ = 0;
};

}  // namespace headroom::sim
