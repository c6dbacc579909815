#pragma once
#include "evaluation_source.h"

#include <QStringList>
#include <atomic>
#include <functional>

namespace headroom {

struct Recommendation;

// The cost bars shards of one sweep running at the same time share (DESIGN §12): each tells the
// others the cost of every configuration that passed a short window or was confirmed to meet the
// SLO, and reads theirs before each round of short windows or full-length runs, so that it does
// not simulate candidates the whole sweep would rule out. Only the work depends on it, never the
// answer: the merge replays the decisions with the whole sweep's own bars and simulates what no
// shard holds. runs/shared_bar.h keeps the bars in files.
enum class BarKind {
    ShortWindow,  // passed a short window around the peak (the bar of the short-window rounds)
    Confirmed,    // met the SLO in full-length runs (the bar of the confirmations)
};
struct SharedCostBar {
    // The lowest cost per month any shard has published for this bar, infinity when none has
    // yet. A confirmed cost counts for the short-window bar too, as it does in one process.
    std::function<double(BarKind bar)> lowest;
    // Called from the evaluating threads with each cost as it is found.
    std::function<void(BarKind bar, double costUsdPerMonth, const QString& candidateId)> publish;
};

// What the recommender searches and how hard it looks. The defaults suit a two-hour scenario
// swept over the whole catalog on a laptop.
struct RecommendOptions {
    QStringList providers;        // empty = every provider of the catalog
    QStringList instanceTypes;    // "aws/c6i.large" or a bare name ("c6i.large"); empty = all
    // A configuration meets the SLO when the 95 % confidence interval of its attainment (the
    // probability that a run meets the SLO, slo_verdict.h) lies at or above this.
    double confidence = 0.9;
    // Full runs start with this many replications and add one at a time up to the larger of
    // maxReplications and the scenario's count until the verdict is clear; still unclear, the
    // configuration is "inconclusive" and never recommended.
    int minReplications = 3;
    int maxReplications = 10;
    int maxNodes = 200;           // search limit per instance type
    // Screening runs: this many replications over at most this much simulated time after warm-up
    // (a window around the traffic peak); the close finalists are then run in full.
    int shortReplications = 2;
    double shortSpanS = 900;
    // A candidate whose cheapest possible fleet costs more than this multiple of the cheapest
    // analytic estimate is ruled out without simulation.
    double oversizeFactor = 2.0;
    bool sensitivity = true;
    // The winner's what-ifs: this many replications each over this much measured time around the
    // traffic peak (sensitivity.h), the winner beside them on the same random streams.
    int whatIfReplications = 3;
    double whatIfSpanS = 1800;
    // While a candidate is confirmed alone, run its what-ifs ahead in the cores its last
    // replications leave idle (ready if it wins). Changes the time to the answer, never the answer.
    bool whatIfsAhead = true;
    // Full runs confirm this many candidates at a time (cheapest first) before the cost bar is
    // looked at again. A fixed number, not the core count: which candidates get confirmed must
    // not depend on the machine (a merge of shards replays the same decisions, DESIGN §12).
    // One: a confirmed candidate's cost then rules out the next before it runs, and the
    // replications of the one under way share the cores.
    int confirmAtOnce = 1;
    int threads = 0;              // 0 = all cores
    const std::atomic<bool>* cancel = nullptr;
    // Called on the calling thread with the fraction done (0…1), a few times per second.
    std::function<void(double fraction)> progress;
    // Called on the calling thread with the ranking so far: once after the analytic screen (rows
    // not yet simulated are "estimate"), then whenever candidates have been simulated.
    std::function<void(const Recommendation& provisional)> provisional;
    // Called on the calling thread once every candidate is decided, before the winner's what-if
    // runs (the ranking will not change after it).
    std::function<void()> settled;
    // Where evaluations come from (evaluation_source.h); empty = simulated here.
    EvaluationSource evaluations;
    // Read and written by a shard only (recommendShard()); a whole sweep has its own bars.
    SharedCostBar sharedBar;
    // Called from the evaluating threads with each full-length run of a configuration (not the
    // what-if variants): see EvaluationSettings::fullRunDone.
    std::function<void(const ResolvedScenario& scenario, quint64 seed, const SimulationResult& result)> fullRunDone;
};

}  // namespace headroom
