#pragma once
#include "catalog/instance_type.h"
#include "evaluation.h"
#include "screening.h"

#include <QString>
#include <optional>
#include <vector>

namespace headroom {

// The recommender's answer as plain values: every candidate ranked, the Pareto front of cost
// against p95, and how the winner fares when the assumptions move.

struct CandidateResult {
    // Unconfirmed: met the SLO in short windows but was never run in full, because even its
    // cheapest possible fleet costs more than a configuration that meets it in full runs.
    // Inconclusive: full runs up to the replication bound could not settle it either way.
    // Estimate: a provisional ranking's row not yet simulated (the screen's figures).
    enum class Status { Recommended, Meets, Fails, RuledOut, Unconfirmed, Inconclusive, Estimate };
    // Where the row's figures come from: the analytic screen (an estimate), short runs over a
    // window around the peak, or full-length runs with all replications. Only full runs "meet".
    enum class Figures { Screening, ShortWindow, FullRun };
    InstanceType type;
    QString policy;                      // "none" for a fixed fleet, else the scenario's policy
    Status status = Status::RuledOut;
    Figures figures = Figures::Screening;
    Screening screening;
    std::optional<Evaluation> chosen;    // the smallest fleet that met the SLO, else the largest tried
    std::optional<Evaluation> fewer;     // one node fewer than `chosen`, which did not meet it
    std::vector<Evaluation> tried;       // every run of this type, screening and full length
    QString why;                         // in plain words, from the figures above
    bool pending = false;                // provisional rankings: admitted, not yet simulated
    // For a row from short windows, what a full run would cost a month at the least (0 = not
    // worked out): the fleet's floor by utilisation or, autoscaled, what its policy keeps running
    // for the traffic (policy_floor.h), which is then also the row's cost. An unconfirmed row was
    // not run in full because this is over the best confirmed cost.
    double fullRunCostFloorUsd = 0;

    bool simulated() const { return chosen.has_value(); }
    // Only a full-length run "meets"; a short window around the peak merely passes.
    bool meetsSlo() const { return chosen && chosen->meetsSlo && chosen->fullLength; }
    bool passedShortWindow() const { return chosen && chosen->meetsSlo && !chosen->fullLength; }
    bool inconclusive() const { return chosen && chosen->fullLength && chosen->verdict == SloVerdict::Inconclusive; }
    QString figuresText() const;             // "full run", "short window ", "screening estimate"
    int nodesMin() const { return chosen ? chosen->nodes : screening.nodesAtPeak.value_or(screening.nodesLowerBound); }
    int nodesMax() const { return chosen ? chosen->nodesMax : nodesMin(); }
    // Per month in USD: simulated when it was (an autoscaled row from short windows: its policy
    // floor), else the analytic estimate (or lower bound).
    double costPerMonthUsd() const;
    // The CPU scores the row was judged with (or that the type has none), also for a type ruled
    // out before it could be screened.
    CpuCapacity cpuAssumed() const;
};

struct ParetoPoint {
    QString key;                         // provider/name
    QString policy;                      // the candidate's (CandidateResult::policy)
    int nodes = 0, nodesMax = 0;
    double costPerMonthUsd = 0;
    double p95Ms = 0;
    bool meetsSlo = false;
    // Where the figures come from: a full-length run (a whole simulated day) or only the short
    // window around the peak that screened it. A window's cost is the peak's fleet priced for a
    // month (an autoscaled fleet is dearer there than over a day) and its p95 the peak's, so
    // window points are not comparable with day points: they never meet and are never on the front.
    bool fullLength = false;
    bool onFront = false;                // a full-length point no other full-length point beats on cost and p95
};

struct SensitivityCase {
    QString id;                          // "traffic_x0.8", "traffic_x1.2", "boot_x2", "speed_cv_x2", "node_lost"
    QString label;                       // "traffic ×0.8", …
    bool applicable = true;              // false: the change means nothing here (see note)
    QString note;
    std::optional<Evaluation> result;
};

// Where the what-ifs ran, and the recommended fleet's own figures there, from which their bars
// are measured. A whole day's p95 hides the peak under hours of quiet traffic (on the first-start
// scenario every what-if moved it by under 1 %), so the what-ifs run on a window around the
// traffic peak, the fleet's own figure beside them on the same random streams. A standard-mode
// burstable fleet is the exception: what its credits are worth at the peak depends on the hours
// before it, so its what-ifs run whole days.
struct SensitivityBase {
    bool peakWindow = false;             // false: the whole run
    double fromS = 0, toS = 0;           // the measured part, in the scenario's clock
    std::optional<Evaluation> result;    // the recommended fleet there
};

struct Recommendation {
    QString scenarioName;
    double sloP95Ms = 0;           // the objective: p95 response time, or p95 wait when sloOnQueueWait
    bool sloOnQueueWait = false;
    double sloErrorRate = 0;
    double confidence = 0;
    double peakRateRps = 0;
    std::vector<CandidateResult> candidates;  // ranked: best first
    int recommended = -1;                     // index into candidates, -1 when none meets the SLO
    std::vector<ParetoPoint> pareto;          // every simulated configuration, cheapest first
    std::vector<SensitivityCase> sensitivity; // of the recommended configuration
    SensitivityBase sensitivityBase;          // where they ran (empty without them)
    int simulations = 0;                      // configurations simulated
    bool provisional = false;                 // a ranking so far, while the recommender runs
    double elapsedS = 0;

    const CandidateResult* winner() const { return recommended >= 0 ? &candidates[size_t(recommended)] : nullptr; }
};

}  // namespace headroom
