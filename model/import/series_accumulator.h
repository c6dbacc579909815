#pragma once
#include "import_result.h"

#include <QHash>

namespace headroom {

// Collects points into one Series per (node, metric, device label), in first-seen order,
// for importers that read row after row of mixed metrics (sysstat, …).
class SeriesAccumulator {
public:
    // `device` goes into the labels as {"device": …} when not empty.
    void add(const QString& node, const QString& metric, const QString& unit, const QString& device, double t, double v);
    void moveInto(std::vector<Series>& out);
    bool empty() const { return series_.empty(); }

private:
    QHash<QString, size_t> index_;
    std::vector<Series> series_;
};

}  // namespace headroom
