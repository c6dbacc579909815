#pragma once
#include <QStringList>
#include <atomic>
#include <functional>

namespace headroom {

// What the recommender searches and how hard it looks. The defaults suit a two-hour scenario
// swept over the whole catalog on a laptop.
struct RecommendOptions {
    QStringList providers;        // empty = every provider of the catalog
    QStringList instanceTypes;    // "aws/c6i.large" or a bare name ("c6i.large"); empty = all
    // The SLO must hold in at least this share of replications (and their mean p95 and error
    // rate must be within it) for a configuration to count as meeting it.
    double confidence = 0.9;
    int maxNodes = 200;           // search limit per instance type
    // Screening runs: this many replications over at most this much simulated time after warm-up
    // (a window around the traffic peak); the close finalists are then run in full.
    int shortReplications = 2;
    double shortSpanS = 900;
    // A candidate whose cheapest possible fleet costs more than this multiple of the cheapest
    // analytic estimate is ruled out without simulation.
    double oversizeFactor = 2.0;
    bool sensitivity = true;
    int threads = 0;              // 0 = all cores
    const std::atomic<bool>* cancel = nullptr;
    // Called on the calling thread with the fraction done (0…1), a few times per second.
    std::function<void(double fraction)> progress;
};

}  // namespace headroom
