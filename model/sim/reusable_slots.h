#pragma once
// Requests, jobs and cancellable events live in vectors addressed by index; a finished one's
// index goes on a free list and is handed out again before the vector grows, so a long run
// allocates only while the number in flight reaches a new high.
#include <cstdint>
#include <vector>

namespace headroom::sim {

// An index into `items` for a new entry: the last freed one, else a default-made entry appended.
// The caller writes every field it needs.
template <class T>
std::uint32_t takeSlot(std::vector<T>& items, std::vector<std::uint32_t>& freed)
{
    if (!freed.empty()) {
        const std::uint32_t i = freed.back();
        freed.pop_back();
        return i;
    }
    items.emplace_back();
    return std::uint32_t(items.size() - 1);
}

}  // namespace headroom::sim
