#include "validation_text.h"

namespace headroom::validation {

QStringList calibrationLines(const calibration::ServiceCalibration& c)
{
    QStringList out;
    out << QStringLiteral("Calibrated on dataset %1 at %2 requests/s (the lowest rate).").arg(c.calibrationDataset)
               .arg(c.calibrationRateRps, 0, 'f', 1);
    if (c.demand) {
        QStringList pts;
        for (const auto& p : c.demand->points) pts << QStringLiteral("%1 ms at %2/s").arg(p.demandMs, 0, 'f', 3).arg(p.rateRps, 0, 'f', 1);
        out << QStringLiteral("CPU per request by the utilisation law: %1; fitted %2 (%3, RMSE %4 ms), used at every rate.")
                   .arg(pts.join(QStringLiteral(", ")), c.demand->formula(), c.demand->kindName()).arg(c.demand->rmseMs, 0, 'f', 3);
    }
    if (c.cpuShape)
        out << QStringLiteral("CPU time shape from %1: %2, CV %3. %4").arg(c.cpuShape->source, c.cpuShape->family)
                   .arg(c.cpuShape->cv, 0, 'f', 2).arg(c.cpuShape->goodness);
    if (c.ioShape)
        out << QStringLiteral("Worker held off CPU (a call it waits for): %1 ms mean, %2, CV %3.").arg(c.ioShape->mean, 0, 'f', 2)
                   .arg(c.ioShape->family).arg(c.ioShape->cv, 0, 'f', 2);
    if (c.appCpuMeanMs > 0 && c.demand)
        out << QStringLiteral("The server's own CPU around the app (accept, parse, write): %1 ms per request, held by the worker.")
                   .arg(c.overheadMs, 0, 'f', 3);
    out << QStringLiteral("Fixed delay that holds no worker: %1 ms (%2).").arg(c.fixedDelayMs, 0, 'f', 2).arg(c.fixedDelaySource);
    out << c.notes;
    return out;
}

}  // namespace headroom::validation
