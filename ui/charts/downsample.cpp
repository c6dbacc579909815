#include "downsample.h"

#include <cmath>

namespace headroom {

QVector<QPointF> downsampleMinMax(const std::vector<double>& t, const std::vector<double>& v, int buckets)
{
    const size_t n = std::min(t.size(), v.size());
    QVector<QPointF> out;
    if (n <= size_t(buckets) * 2) {
        out.reserve(qsizetype(n));
        for (size_t i = 0; i < n; ++i)
            if (std::isfinite(v[i])) out.append(QPointF(t[i], v[i]));
        return out;
    }
    out.reserve(buckets * 2);
    const double per = double(n) / buckets;
    for (int b = 0; b < buckets; ++b) {
        const size_t begin = size_t(b * per);
        const size_t end = std::min(n, size_t((b + 1) * per));
        size_t lo = n, hi = n;
        for (size_t i = begin; i < end; ++i) {
            if (!std::isfinite(v[i])) continue;
            if (lo == n || v[i] < v[lo]) lo = i;
            if (hi == n || v[i] > v[hi]) hi = i;
        }
        if (lo == n) continue;
        const size_t first = std::min(lo, hi), second = std::max(lo, hi);
        out.append(QPointF(t[first], v[first]));
        if (second != first) out.append(QPointF(t[second], v[second]));
    }
    return out;
}

}  // namespace headroom
