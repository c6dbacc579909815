#pragma once
#include "calibration_demand.h"
#include "calibration_evidence.h"
#include "calibration_shape.h"
#include "scenario/scenario.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace headroom::calibration {

// The service model as the measurements give it (DESIGN §5, calibration): CPU per request by
// the utilisation law at every level with a CPU reading and its curve over the rate; the
// shape of the per-request times; the time a worker is held without using CPU (a database
// call); the CPU the server spends around the app (accept, parse, write) that the app's own
// timing cannot see; and the fixed delay every request pays without holding a worker
// (connection set-up, network, the load generator itself). What the data does not show is
// taken from the scenario, and `notes` says so.
struct ServiceCalibration {
    qint64 calibrationDataset = 0;   // the lowest-rate level: shape and delay come from it
    double calibrationRateRps = 0;
    std::optional<DemandCurve> demand;   // absent: no CPU reading; the scenario's CPU mean is used
    double scenarioCpuMeanMs = 0;
    std::optional<ShapeFit> cpuShape;    // absent: the scenario's distribution keeps its shape
    double appCpuMeanMs = 0;             // mean of the app's own CPU times (0 when not measured)
    std::optional<ShapeFit> ioShape;     // worker held without CPU; absent: the scenario's io section
    double overheadMs = 0;               // server CPU per request outside the app
    // Share of the CPU the server got while it ran (1 = its own CPU). Known when the app reports
    // its time in calls apart from its CPU time: what is left of its wall time is waiting for a
    // CPU that other processes held, which slows CPU work down and, unlike a call, does not
    // overlap across workers sharing that CPU.
    double cpuSpeed = 1;
    double fixedDelayMs = 0;
    QString fixedDelaySource;
    double calibrationOtherCpuPct = 0;   // other processes on the server's CPU during calibration
    QStringList notes;

    double cpuMeanAt(double rateRps) const;  // ms, the demand curve or the scenario's mean
    // The base scenario with this calibration at `rateRps`: Poisson traffic at that rate,
    // service.cpu_ms = {family, D(rate), cv}, service.io from the measured worker hold.
    Scenario apply(const Scenario& base, double rateRps) const;
    // {"calibration_dataset","calibration_rate_rps","demand":{…DemandCurve}|null,"cpu_shape":{…}|null,
    //  "io_shape":{…}|null,"overhead_ms","cpu_speed","fixed_delay_ms","fixed_delay_source","calibration_other_cpu_pct","notes":[…]}
    QJsonObject toJson() const;
};

// `levels` sorted by rate (loadLevels does); the first is the calibration level. `workers`
// and `vcpu` per node describe the server (for the queueing wait inside the low-load latency).
ServiceCalibration calibrate(const std::vector<LevelEvidence>& levels, const Scenario& base, int workers, int vcpu);

}  // namespace headroom::calibration
