#pragma once
#include "lead_time.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace headroom::leadtime {

// Changes to try on the fitted phases (the Lead time page's what-if).
struct WhatIf {
    double bootScale = 1;                // multiplies provisioning and boot
    std::optional<double> imageBytes;    // cold pull time from the size model instead of the data
    std::optional<int> imageLayers;
    bool cachedImage = false;            // the image is already on the node
};

struct TotalOptions {
    int draws = 20000;
    quint64 seed = 1;
    WhatIf whatIf;
};

// Distribution of the whole scale-out (sum of the phases, taken as independent).
struct TotalDistribution {
    int draws = 0;
    double mean = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0;
    QStringList phases;          // phases that contributed
    std::vector<double> sorted;  // every draw, ascending, for charts
    // {"draws","mean","p50","p90","p95","p99","phases":[…]}
    QJsonObject toJson() const;
};

// Monte Carlo over the phases: a phase with 5 or more observations is resampled as observed,
// one with fewer uses its lognormal fit (or its single value), a catalog default its lognormal.
// Deterministic for a seed.
TotalDistribution simulateTotal(const Report& report, const TotalOptions& options = {});

}  // namespace headroom::leadtime
