#pragma once
#include "store/dataset_licences.h"
#include "analysis/data_quality.h"
#include "analysis/fleet_analysis.h"
#include "analysis/homogeneity.h"
#include "analysis/lead_time.h"
#include "analysis/validation.h"
#include "catalog/catalog.h"
#include "plan/recommendation.h"
#include "store/run_record.h"
#include "scenario/resolved_scenario.h"
#include "sim/simulator.h"
#include "store/dataset_repository.h"

#include <QDateTime>
#include <atomic>
#include <functional>
#include <optional>

namespace headroom {
class Workspace;
}

namespace headroom::report {

// Everything the report shows, computed by the models in model/ (the same calls the CLI's
// simulate, recommend and analyze commands make), gathered before any page is laid out.

struct ReportRequest {
    QString scenarioPath;
    std::optional<quint64> seed;                // absent = the scenario's seed
    int replications = 0;                       // 0 = the scenario's count
    // What the recommender searches, as `headroom recommend --providers/--instance-types`;
    // empty = the whole catalog. The recommender needs an SLO; without one it is skipped.
    QStringList providers;
    QStringList instanceTypes;
    bool sensitivity = true;                    // false: as `headroom recommend --no-sensitivity`
    bool recommend = true;
    // Take stored simulations and recommendations of the same inputs from the workspace
    // (runs/stored_results.h) instead of computing them again; what is computed is stored.
    bool reuseStored = true;
    // > 0: the recommendation is this stored run (`headroom report --run ID`), checked to be of
    // the same scenario, catalog and datasets.
    qint64 recommendationRunId = 0;
    const std::atomic<bool>* cancel = nullptr;  // set to stop with Cancelled
    std::function<void(double fraction)> progress;
};

struct ReportData {
    QString scenarioPath;
    QString workspacePath;
    QDateTime generatedAt;                      // UTC
    QString version;
    quint64 seed = 0;

    ResolvedScenario scenario;
    SimulationResult simulation;                // the scenario as written, at `seed`
    double monthlyCostUsd = 0;                  // of that simulation, 730 h

    // The recommender's answer for the same scenario (absent without an SLO, or when not asked
    // for: `recommendSkipped` says why), and the simulation of its winner at `seed` for the charts.
    std::optional<Recommendation> recommendation;
    QString recommendSkipped;
    std::optional<ResolvedScenario> winnerScenario;
    std::optional<SimulationResult> winnerSimulation;

    Catalog catalog;
    QVector<DatasetSummary> datasets;
    // Per metric measured on two or more nodes of a group: analysis::analyzeFleetMetrics, the
    // same model call (analyzeFleet) the Fleet page makes, so both show the same figures.
    std::vector<analysis::FleetAnalysis> fleet;
    std::vector<DataLicence> licences;  // attribution that travels with the data
    quality::Report quality;
    int qualitySeries = 0;
    // Phase durations of the workspace's imported scale-out events (Kubernetes events, boot
    // timings); absent when it holds none.
    std::optional<leadtime::Report> measuredLeadTime;
    // The workspace's load tests against the scenario's prediction (report_validation.h).
    std::optional<validation::ValidationResult> validation;
    QString validationSkipped;

    // The stored runs the figures come from ("simulation", "recommendation", "simulation of the
    // recommended configuration"), and whether each was taken from the workspace or made now.
    struct RunUsed {
        QString what;
        runs::StoredRun run;
        bool reused = false;
    };
    std::vector<RunUsed> runsUsed;
};

// Loads and resolves the scenario (InputError naming the file and JSON path when it is bad),
// then runs the models. Throws Cancelled when `request.cancel` is set.
ReportData gatherReportData(const Workspace& ws, const ReportRequest& request);

}  // namespace headroom::report
