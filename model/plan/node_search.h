#pragma once
#include <functional>
#include <optional>

namespace headroom {

// The smallest n in [lo, hi] with passes(n), for a test that holds from some n on (more nodes
// never hurt). Starts at `guess` (the analytic answer, usually right or one off), steps to its
// neighbour, then gallops and bisects, so a good guess costs two calls and a poor one a few
// more. Each n is tried at most once. Empty when even hi fails.
std::optional<int> smallestPassing(int lo, int hi, int guess, const std::function<bool(int)>& passes);

}  // namespace headroom
