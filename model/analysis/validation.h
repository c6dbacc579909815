#pragma once
#include "calibration_evidence.h"
#include "calibration_service.h"
#include "scenario/scenario.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <vector>

namespace headroom::validation {

// What a model predicts for one calibrated scenario (milliseconds; utilisations 0…1).
struct Prediction {
    double mean = 0, p50 = 0, p95 = 0, p99 = 0;
    double meanHalfWidthMs = 0;      // 95 % CI of the mean across replications (0 for a formula)
    double cpuUtilization = 0;
    double workerUtilization = 0;
    double errorRate = 0;
};
// Predicts a scenario (the simulator in practice: validation_simulated.h; a formula in tests).
using Predictor = std::function<Prediction(const Scenario& scenario)>;

// One load level: the measurement beside the prediction.
struct LevelComparison {
    calibration::LevelEvidence measured;   // per-request vectors dropped, summary kept
    Prediction predicted;                  // includes the fixed delay
    double demandUsedMs = 0;               // CPU per request the prediction used (the curve at this rate)
    double utilization = 0;                // predicted: the busier of CPU and workers
    bool calibrationLevel = false;
    double errorMeanPct = 0, errorP95Pct = 0, errorP99Pct = 0;  // (predicted − measured) / measured
    QString cause;                         // the likely reason when an error is large, else empty
};

struct ValidationResult {
    calibration::ServiceCalibration calibration;
    std::vector<LevelComparison> levels;   // by rate
    Scenario calibratedScenario;           // the base scenario calibrated at the calibration rate
    double worstMeanPct = 0, worstP95Pct = 0;  // largest |error| over levels up to `upToUtilization`
    double upToUtilization = 0.90;
    QString verdict;                       // one sentence

    // {"calibration":{…},"levels":[{"dataset","name","rate_rps","utilization","calibration_level",
    //  "demand_ms":{"used","measured"},"measured":{"mean","p50","p95","p99","requests","per_request","cpu_util_pct","other_cpu_pct"},
    //  "predicted":{"mean","p50","p95","p99","mean_ci95_half_width","cpu_utilization",
    //  "worker_utilization","error_rate"},"error_pct":{"mean","p95","p99"},"cause"}],
    //  "worst_error_pct":{"mean","p95","up_to_utilization"},"verdict","scenario":{…}}
    // (`scenario` is filled by the caller, which can write scenario JSON.)
    QJsonObject toJson() const;
    // A fixed-width table for the terminal.
    QString table() const;
};

// Errors above this share (10 %) get a cause.
inline constexpr double kLargeErrorPct = 10;

// Calibrates from `levels` (see calibration::calibrate) and predicts every level at its
// measured rate. `vcpu` and `workers` per node come from the resolved base scenario.
ValidationResult validate(const Scenario& base, const std::vector<calibration::LevelEvidence>& levels, int vcpu,
                          int workers, const Predictor& predict);

// A scenario's run length for a level: about `requests` requests after a tenth of warm-up.
Scenario withRunLength(Scenario s, double rateRps, double requests = 150000);

}  // namespace headroom::validation
