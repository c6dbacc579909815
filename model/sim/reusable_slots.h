#pragma once
// Requests, jobs and cancellable events live in vectors addressed by index; a released index is
// handed out again before the vector grows, so a long run allocates only while the number in use
// reaches a new high.
#include <cassert>
#include <cstdint>
#include <vector>

namespace headroom::sim {

template <class T>
class ReusableSlots {
public:
    T& operator[](std::uint32_t i) { return items_[i]; }
    const T& operator[](std::uint32_t i) const { return items_[i]; }
    std::size_t size() const { return items_.size(); }
    bool noneReleased() const { return released_ == 0; }
    void reserve(std::size_t n) { items_.reserve(n); }

    // An index for a new entry: the last one released, else a default-made entry appended. The
    // caller writes every field it needs.
    std::uint32_t take()
    {
        if (released_ > 0) return free_[--released_];
        return append();
    }
    // The free list always has room for every entry, so releasing one is a store: no capacity
    // check, no call, however often it runs (twice per request).
    void release(std::uint32_t i)
    {
        // More releases than entries (so one was released twice), or an index never handed out.
        assert(released_ < free_.size() && i < items_.size());
        free_[released_++] = i;
    }

private:
    [[gnu::noinline]] std::uint32_t append()
    {
        items_.emplace_back();
        if (free_.size() < items_.size()) free_.resize(items_.capacity());
        return std::uint32_t(items_.size() - 1);
    }

    std::vector<T> items_;
    std::vector<std::uint32_t> free_;  // the first released_ are free; never shorter than items_
    std::uint32_t released_ = 0;
};

}  // namespace headroom::sim
