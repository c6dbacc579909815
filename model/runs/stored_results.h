#pragma once
#include "plan/recommend_options.h"
#include "plan/recommendation.h"
#include "run_key.h"
#include "store/run_record.h"
#include "sim/simulator.h"

#include <functional>

namespace headroom {
class Catalog;
}

namespace headroom::runs {

// Simulations and recommendations that are kept in the workspace and taken from it when the
// same inputs come again (run_key.h says what "the same" means). Each call either returns the
// stored result (reused = true, nothing simulated) or computes it and stores it.

enum class Reuse { Allowed, Recompute };

struct SimulationOutcome {
    SimulationResult result;
    StoredRun run;             // the stored run (id, when it was made, wall time)
    bool reused = false;
};

struct RecommendationOutcome {
    Recommendation result;
    StoredRun run;
    bool reused = false;
};

SimulationOutcome simulateStored(const Workspace& ws, const Catalog& catalog, const ResolvedScenario& scenario,
                                 const SimulationOptions& options, Reuse reuse = Reuse::Allowed);
// The same for a scenario changed after resolving by code the document does not show (the
// Compare page's window around the peak): `written` is the document as the user has it and
// `variant` names the change and its parameters; both are part of the key, so a different
// window or a later program never reuses the result.
SimulationOutcome simulateStoredVariant(const Workspace& ws, const Catalog& catalog, const Scenario& written,
                                        const QJsonObject& variant, const ResolvedScenario& scenario,
                                        const SimulationOptions& options, Reuse reuse = Reuse::Allowed);
// `ready`, when given, receives the recommendation as soon as it is stored, before the call waits
// for the simulation of the scenario as written that it keeps beside it (as_written_run.h).
RecommendationOutcome recommendStored(const Workspace& ws, const Catalog& catalog, const Scenario& scenario,
                                      const QString& fileName, const RecommendOptions& options, Reuse reuse = Reuse::Allowed,
                                      const std::function<void(const RecommendationOutcome&)>& ready = {});
// The recommended configuration as a scenario of its own, and how `simulate` must run it to give
// the recommendation's own figures (its seed; the replications that settled its verdict). After
// recommendStored these find the winner's run in the store without simulating it again.
Scenario recommendedScenario(const Scenario& scenario, const CandidateResult& winner);
SimulationOptions recommendedSimulationOptions(const Scenario& scenario, const CandidateResult& winner);

// The stored recommendation for these inputs, without computing anything when there is none.
std::optional<RecommendationOutcome> findRecommendation(const Workspace& ws, const Catalog& catalog, const Scenario& scenario,
                                                        const RecommendOptions& options);

// The stored recommendation run `id` (`headroom report --run ID`), whatever the options it was
// made with. InputError when there is no such recommendation, or when it was made for another
// scenario (compared as parsed), another catalog or other datasets: a report never pairs a
// scenario with another scenario's answer.
RecommendationOutcome recommendationRun(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, qint64 id);

// The keys, for callers that look up or store runs themselves.
// Where a run of `key` is stored, as runs_in_flight.h names runs under way.
QString whereStored(const Workspace& ws, const RunKey& key);
RunKey simulationKey(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const SimulationOptions& options,
                     const QJsonObject& variant = {});
RunKey recommendationKey(const Workspace& ws, const Catalog& catalog, const Scenario& scenario, const RecommendOptions& options);

QString simulationHeadline(const SimulationResult& result);
QString recommendationHeadline(const Recommendation& recommendation);

}  // namespace headroom::runs
