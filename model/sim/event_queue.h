#pragma once
#include <cstdint>
#include <vector>

namespace headroom::sim {

enum class EventType : std::uint8_t {
    Arrival, CpuDone, ServiceDone, ClientTimeout, Retry, HealthTick, HealthTimeout, NodeReady, NoisyStart, NoisyEnd,
    AccountingTick, ScalerTick, ScheduledCapacity, IntervalEnd, End
};

// 24 bytes: time, a tie-breaking sequence number (so that equal times pop in the order they were
// scheduled and runs are deterministic), two small operands and the type.
struct Event {
    double t;
    std::uint32_t seq;
    std::uint32_t a;
    std::uint32_t b;
    EventType type;
};

// A binary min-heap over a vector that only grows: after warm-up, pushing and popping never
// allocate.
class EventQueue {
public:
    void reserve(size_t n) { heap_.reserve(n); }
    bool empty() const { return heap_.empty(); }
    size_t size() const { return heap_.size(); }
    void push(double t, EventType type, std::uint32_t a = 0, std::uint32_t b = 0)
    {
        heap_.push_back(Event{t, seq_++, a, b, type});
        size_t i = heap_.size() - 1;
        const Event e = heap_[i];
        while (i > 0) {
            const size_t parent = (i - 1) / 2;
            if (!less(e, heap_[parent])) break;
            heap_[i] = heap_[parent];
            i = parent;
        }
        heap_[i] = e;
    }
    Event pop()
    {
        const Event top = heap_.front();
        const Event last = heap_.back();
        heap_.pop_back();
        const size_t n = heap_.size();
        if (n > 0) {
            size_t i = 0;
            for (;;) {
                size_t child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && less(heap_[child + 1], heap_[child])) ++child;
                if (!less(heap_[child], last)) break;
                heap_[i] = heap_[child];
                i = child;
            }
            heap_[i] = last;
        }
        return top;
    }

private:
    static bool less(const Event& x, const Event& y) { return x.t < y.t || (x.t == y.t && x.seq < y.seq); }
    std::vector<Event> heap_;
    std::uint32_t seq_ = 0;
};

}  // namespace headroom::sim
