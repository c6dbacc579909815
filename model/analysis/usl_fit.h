#pragma once
#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom::usl {

// One observation: throughput X measured at load (concurrency, processors, users) N.
struct Point {
    double n = 0;
    double x = 0;
};

// Universal Scalability Law X(N) = γN / (1 + α(N−1) + βN(N−1)) fitted by bounded nonlinear
// least squares (α, β ≥ 0, γ > 0), with Student-t confidence intervals from the Jacobian.
struct Fit {
    double alpha = 0;   // contention
    double beta = 0;    // coherency (crosstalk)
    double gamma = 0;   // throughput of one unit of load (ideal slope)
    double stdErrAlpha = 0, stdErrBeta = 0, stdErrGamma = 0;
    double confidenceLevel = 0.95;
    double ciAlpha[2] = {0, 0}, ciBeta[2] = {0, 0}, ciGamma[2] = {0, 0};
    double nPeak = 0;     // √((1−α)/β); infinity when β = 0 (no retrograde region)
    double xMax = 0;      // X(nPeak); γ/α when β = 0 and α > 0
    double rSquared = 0;  // 1 − SSE/SST
    double sse = 0;
    double residualStdErr = 0;  // √(SSE/(n−3))
    int points = 0;
    int degreesOfFreedom = 0;   // n − 3
    int iterations = 0;
    bool converged = false;

    double predict(double n) const;
    // {"alpha","beta","gamma","n_peak","x_max","r_squared","sse","residual_std_error","points",
    //  "degrees_of_freedom","confidence_level","std_error":{"alpha","beta","gamma"},
    //  "ci":{"alpha":[lo,hi],"beta":[lo,hi],"gamma":[lo,hi]},"converged"}; infinities are null.
    QJsonObject toJson() const;
};

// Throws InputError(where, …) when there are fewer than 3 distinct loads, a load ≤ 0, a
// negative or non-finite throughput. `where` names the input in that message.
Fit fit(const std::vector<Point>& points, const QString& where = QString(), double confidenceLevel = 0.95);

}  // namespace headroom::usl
