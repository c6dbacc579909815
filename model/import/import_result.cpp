#include "import_result.h"

namespace headroom {

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
