#pragma once
#include <QJsonObject>
#include <QString>
#include "store/series.h"
#include <vector>

namespace headroom::noisy {

struct Episode {
    QString node;
    double start = 0;      // beginning of the first interval above the threshold
    double end = 0;        // timestamp of the last sample above it
    double meanStealPct = 0;
    double durationS() const { return end - start; }
};

struct Options {
    // A sample at or above this steal percentage belongs to an episode.
    double thresholdPct = 5.0;
    // Consecutive samples further apart than this many steps split an episode (dropped scrapes).
    double maxGapSteps = 1.5;
};

// Noisy-neighbour episodes, in the form the simulator's episode model takes.
struct Result {
    double thresholdPct = 0;
    int series = 0;
    int samples = 0;
    double observedHours = 0;       // samples × their step, summed over the series
    int episodes = 0;
    double episodesPerHour = 0;     // onset rate
    double meanDurationS = 0;       // NaN with no episodes
    double meanStealInEpisodesPct = 0;
    double baselineStealPct = 0;    // mean steal outside the episodes
    // Speed during an episode relative to outside it: (1 − steal_in/100) / (1 − steal_out/100).
    // The scenario's noisy_neighbour.slowdown (0.6 = the node runs at 60 % of its speed).
    double slowdown = 1;
    std::vector<Episode> list;

    // {"threshold_pct","series","samples","observed_hours","episodes","episodes_per_hour",
    //  "mean_duration_s","mean_steal_in_episodes_pct","baseline_steal_pct","slowdown",
    //  "episode_list":[{"node","start","end","duration_s","mean_steal_pct"}],
    //  "scenario":{"episodes_per_hour","mean_duration_s","slowdown"}}
    QJsonObject toJson() const;
};

// Steal-time series of nodes (Series::v = steal in percent of CPU time, 0–100; each sample covers
// the interval of one step ending at its timestamp, as sar and Prometheus rate() report it). A
// node may have several series (sysstat and node_exporter of one host): Series::id tells them apart.
Result detect(const std::vector<Series>& series, const Options& options = {});

// The typical spacing of a series' timestamps: the median of the positive differences
// (0 when there are fewer than two distinct timestamps).
double typicalStep(const std::vector<double>& t);

}  // namespace headroom::noisy
