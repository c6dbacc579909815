#pragma once
#include <QJsonObject>
#include <vector>

namespace headroom::stats {

// Standard normal distribution.
double normalCdf(double x);
double normalQuantile(double p);

// Student's t distribution with `df` degrees of freedom (df > 0), for confidence intervals.
double studentTCdf(double t, double df);
double studentTQuantile(double p, double df);

// Regularised incomplete beta function I_x(a, b).
double regularizedIncompleteBeta(double a, double b, double x);

// A lognormal distribution: ln X ~ Normal(mu, sigma).
struct Lognormal {
    double mu = 0;
    double sigma = 0;

    double mean() const;
    double cv() const;  // sqrt(exp(sigma²) − 1)
    double quantile(double p) const;
    // Parameters with the given mean and coefficient of variation (the scenario's form).
    static Lognormal fromMeanCv(double mean, double cv);
    // Maximum-likelihood fit on the logs of the positive values (non-positive ones are skipped
    // by the caller's choice; here they make the fit invalid: sigma NaN).
    static Lognormal fit(const std::vector<double>& values);
    // {"dist":"lognormal","mean","cv","mu","sigma"}, the scenario's distribution form plus the
    // parameters on the log scale.
    QJsonObject toJson() const;
};

}  // namespace headroom::stats
