#include "recommendation.h"

#include <cmath>

namespace headroom {

double CandidateResult::costPerMonthUsd() const
{
    if (chosen) {
        // A window around the peak prices an autoscaled fleet at the peak's size, not for a
        // month: such a row takes what its policy keeps running over the scenario (a full day of
        // the first-start scenario costs 1.02× that), the figure it was ruled out on.
        if (!chosen->fullLength && policy != QLatin1String("none") && fullRunCostFloorUsd > 0) return fullRunCostFloorUsd;
        return chosen->costPerMonthUsd;
    }
    return std::isfinite(screening.estimateCostUsd) ? screening.estimateCostUsd : screening.lowerBoundCostUsd;
}

CpuCapacity CandidateResult::cpuAssumed() const
{
    if (screening.cpu.singleCore > 0 || type.cpuScore <= 0) return screening.cpu;
    return cpuCapacityOf(type, 0, QStringLiteral("of the scenario"));
}

QString CandidateResult::figuresText() const
{
    switch (figures) {
    case Figures::FullRun: return QStringLiteral("full run");
    case Figures::ShortWindow: return QStringLiteral("short window");
    case Figures::Screening: break;
    }
    return QStringLiteral("screening estimate");
}

}  // namespace headroom
