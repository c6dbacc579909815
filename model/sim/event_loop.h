#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// Every kind of event of the cluster model. The engine's loop hands each kind to the one part
// that owns it (cluster_engine.cpp).
enum class EventKind : std::uint8_t {
    Arrival, CpuDone, ServiceDone, ClientTimeout, Retry, HealthTick, HealthTimeout, NodeReady, NoisyStart, NoisyEnd,
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

// The pending events. A binary heap holds only 16-byte keys (time, a tie-breaking sequence number so
// that equal times come out in the order they were scheduled and runs are deterministic, and the
// slot of the payload); the payloads sit in a slot table that is reused through a free list, so
// after warm-up neither scheduling nor popping allocates. Cancelling marks the slot: the loop
// skips a cancelled event when its key reaches the top, and no handler has to check whether the
// event it got is still wanted.
class EventLoop {
public:
    void reserve(std::size_t n)
    {
        heap_.reserve(n);
        slots_.reserve(n);
        free_.reserve(n);
    }

    TimerHandle schedule(double t, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        const Key k = newKey(t, kind, a, b);
        pushKey(k);
        return TimerHandle{k.slot, k.seq};
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
        const Key k = newKey(t, kind, a, b);
        lanes_[std::size_t(lane)].push(k);
        return TimerHandle{k.slot, k.seq};
    }

    // O(1). Resets the handle; cancelling an event that already fired (or was cancelled) is harmless.
    void cancel(TimerHandle& h)
    {
        if (h.slot != TimerHandle::kNoSlot && slots_[h.slot].seq == h.seq) slots_[h.slot].cancelled = true;
        h = TimerHandle{};
    }

    // The earliest event that was not cancelled; false when none is left.
    bool next(Event& out)
    {
        for (;;) {
            // The earliest of the heap's top and the lanes' fronts.
            const Key* best = heap_.empty() ? nullptr : &heap_.front();
            KeyRing* from = nullptr;
            for (KeyRing& lane : lanes_)
                if (!lane.empty() && (!best || earlier(lane.front(), *best))) {
                    best = &lane.front();
                    from = &lane;
                }
            if (!best) return false;
            const Key k = from ? from->pop() : popKey();
            Slot& s = slots_[k.slot];
            free_.push_back(k.slot);
            if (s.cancelled) continue;
            s.cancelled = true;  // fired: a late cancel through its handle must not touch the reused slot
            out = Event{k.t, s.kind, s.a, s.b};
            return true;
        }
    }

private:
    struct Key {
        double t;
        std::uint32_t seq;
        std::uint32_t slot;
    };
    struct Slot {
        std::uint32_t a, b;
        std::uint32_t seq;
        EventKind kind;
        bool cancelled;
    };
    static bool earlier(const Key& x, const Key& y) { return x.t < y.t || (x.t == y.t && x.seq < y.seq); }

    // A FIFO of keys on a power-of-two ring that only grows.
    class KeyRing {
    public:
        bool empty() const { return size_ == 0; }
        const Key& front() const { return ring_[head_]; }
        void push(const Key& k)
        {
            if (size_ == ring_.size()) grow();
            ring_[(head_ + size_) & (ring_.size() - 1)] = k;
            ++size_;
        }
        Key pop()
        {
            const Key k = ring_[head_];
            head_ = (head_ + 1) & (ring_.size() - 1);
            --size_;
            return k;
        }

    private:
        void grow()
        {
            std::vector<Key> bigger(std::max<std::size_t>(64, ring_.size() * 2));
            for (std::size_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
            ring_.swap(bigger);
            head_ = 0;
        }
        std::vector<Key> ring_;
        std::size_t head_ = 0, size_ = 0;
    };

    Key newKey(double t, EventKind kind, std::uint32_t a, std::uint32_t b)
    {
        std::uint32_t slot;
        if (!free_.empty()) {
            slot = free_.back();
            free_.pop_back();
        } else {
            slot = std::uint32_t(slots_.size());
            slots_.emplace_back();
        }
        const std::uint32_t seq = seq_++;
        Slot& s = slots_[slot];  // field by field, not from a temporary (see Client::newRequest)
        s.a = a;
        s.b = b;
        s.seq = seq;
        s.kind = kind;
        s.cancelled = false;
        return Key{t, seq, slot};
    }

    void pushKey(Key k)
    {
        heap_.push_back(k);
        std::size_t i = heap_.size() - 1;
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            if (!earlier(k, heap_[parent])) break;
            heap_[i] = heap_[parent];
            i = parent;
        }
        heap_[i] = k;
    }
    Key popKey()
    {
        const Key top = heap_.front();
        const Key last = heap_.back();
        heap_.pop_back();
        const std::size_t n = heap_.size();
        if (n > 0) {
            std::size_t i = 0;
            for (;;) {
                std::size_t child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && earlier(heap_[child + 1], heap_[child])) ++child;
                if (!earlier(heap_[child], last)) break;
                heap_[i] = heap_[child];
                i = child;
            }
            heap_[i] = last;
        }
        return top;
    }

    std::vector<Key> heap_;
    KeyRing lanes_[2];
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> free_;
    std::uint32_t seq_ = 0;
};

}  // namespace headroom::sim
