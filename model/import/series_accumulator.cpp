#include "series_accumulator.h"

namespace headroom {

void SeriesAccumulator::add(const QString& node, const QString& metric, const QString& unit, const QString& device,
                            double t, double v)
{
    const QString key = node + QLatin1Char('\x1f') + metric + QLatin1Char('\x1f') + device;
    auto it = index_.constFind(key);
    if (it == index_.cend()) {
        Series s;
        s.node = node;
        s.metric = metric;
        s.unit = unit;
        if (!device.isEmpty()) s.labels.insert(QStringLiteral("device"), device);
        series_.push_back(std::move(s));
        it = index_.insert(key, series_.size() - 1);
    }
    Series& s = series_[*it];
    s.t.push_back(t);
    s.v.push_back(v);
}

void SeriesAccumulator::moveInto(std::vector<Series>& out)
{
    for (Series& s : series_) out.push_back(std::move(s));
    series_.clear();
    index_.clear();
}

}  // namespace headroom
