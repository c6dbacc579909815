#include "node_search.h"

#include <algorithm>
#include <map>

namespace headroom {

std::optional<int> smallestPassing(int lo, int hi, int guess, const std::function<bool(int)>& passes)
{
    if (hi < lo) return std::nullopt;
    std::map<int, bool> tried;
    auto test = [&](int n) {
        const auto it = tried.find(n);
        if (it != tried.end()) return it->second;
        return tried[n] = passes(n);
    };
    // Invariant once found: `fail` fails (or is below lo), `pass` passes; the answer is in (fail, pass].
    int fail = lo - 1, pass = 0;
    const int start = std::clamp(guess, lo, hi);
    if (test(start)) {
        pass = start;
        for (int step = 1; pass - step >= lo; step *= 2) {
            const int probe = pass - step;
            if (!test(probe)) {
                fail = probe;
                break;
            }
            pass = probe;
        }
    } else {
        fail = start;
        bool found = false;
        for (int step = 1; fail < hi; step *= 2) {
            const int probe = std::min(hi, fail + step);
            if (test(probe)) {
                pass = probe;
                found = true;
                break;
            }
            fail = probe;
        }
        if (!found) return std::nullopt;
    }
    while (pass - fail > 1) {
        const int mid = fail + (pass - fail) / 2;
        if (test(mid)) pass = mid;
        else fail = mid;
    }
    return pass;
}

}  // namespace headroom
