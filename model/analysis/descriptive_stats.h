#pragma once
#include <vector>

namespace headroom::stats {

// Plain descriptive statistics shared by the models. Empty inputs give NaN, never a crash.
double mean(const std::vector<double>& values);
// Sample standard deviation (divides by n − 1); 0 for a single value, NaN when empty.
double sampleStdDev(const std::vector<double>& values);
// Sample standard deviation over the mean; NaN when the mean is 0 or there are no values.
double coefficientOfVariation(const std::vector<double>& values);
// Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the
// default of R and NumPy), p in [0, 1].
double quantile(std::vector<double> values, double p);
double median(std::vector<double> values);
// Median absolute deviation from the median, unscaled.
double medianAbsoluteDeviation(const std::vector<double>& values);

}  // namespace headroom::stats
