#include "import_result.h"

namespace headroom {

void ImportResult::addMeasurement(const QString& metric, double value, const QString& unit, const QJsonObject& labels)
{
    measurements << Measurement{QString(), metric, value, unit, labels};
}

qsizetype ImportResult::sampleCount() const
{
    qsizetype n = 0;
    for (const auto& s : series) n += qsizetype(s.v.size());
    return n;
}

bool ImportResult::isEmpty() const
{
    return measurements.isEmpty() && series.empty() && leadTimeEvents.isEmpty() && instanceTypes.isEmpty();
}

}  // namespace headroom
