#pragma once
#include <vector>

namespace headroom {

// Whether a configuration meets its SLO, as far as the replications so far can tell.
//
// Attainment is the probability that one replication (one simulated run of the scenario) meets
// the SLO. Each replication is reduced to its margin, the larger of p95 ÷ objective and error
// rate ÷ error budget (≤ 1: met), and the logarithm of the margin is taken as normal across
// replications (each replication's p95 is a percentile of many requests). The attainment interval
// is then the exact normal-theory confidence interval for Φ((0 − μ) / σ), from the noncentral t
// distribution (the inverse of a one-sided normal tolerance bound): it uses how far each
// replication was from the SLO, not just pass or fail, so a configuration well inside the SLO is
// settled in three replications, while a pass/fail count would need 35 for a 90 % claim.
enum class SloVerdict {
    Meets,         // the interval's lower bound ≥ the required confidence
    Fails,         // its upper bound < the required confidence
    Inconclusive,  // neither: more replications, or no claim either way
};

struct AttainmentInterval {
    double low = 0, high = 1;
};

// Two-sided interval at `level` (each side (1 − level) / 2) from the replications' margins.
// Fewer than two margins say nothing: [0, 1].
AttainmentInterval attainmentInterval(const std::vector<double>& margins, double level = 0.95);

SloVerdict judgeAttainment(const AttainmentInterval& interval, double requiredConfidence);

// One-sided normal tolerance factor k: with confidence `confidence`, the `coverage` quantile of
// the population lies below mean + k × standard deviation of `n` samples.
double normalToleranceFactor(int n, double coverage, double confidence);

// A replication's margin from its objective p95 and error rate (infinite p95 counts as far over).
double sloMargin(double p95Ms, double objectiveMs, double errorRate, double errorBudget);

}  // namespace headroom
