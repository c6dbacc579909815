#include "usl_fit.h"

#include "core/errors.h"
#include "distributions.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace headroom::usl {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

double model(const Vec3& p, double n) { return p[2] * n / (1 + p[0] * (n - 1) + p[1] * n * (n - 1)); }

double sumOfSquares(const std::vector<Point>& pts, const Vec3& p)
{
    double s = 0;
    for (const Point& q : pts) {
        const double r = q.x - model(p, q.n);
        s += r * r;
    }
    return s;
}

// Given α and β the model is linear in γ, so the best γ has a closed form. Used to seed the
// iterative fit from the best point of a coarse grid, which keeps it out of poor local minima.
double bestGamma(const std::vector<Point>& pts, double alpha, double beta)
{
    double fx = 0, ff = 0;
    for (const Point& q : pts) {
        const double f = q.n / (1 + alpha * (q.n - 1) + beta * q.n * (q.n - 1));
        fx += f * q.x;
        ff += f * f;
    }
    return ff > 0 ? fx / ff : 0;
}

// Solves A x = b for a symmetric positive definite 3×3 matrix (Gaussian elimination with
// partial pivoting, which also copes with a nearly singular A). False when singular.
bool solve3(Mat3 a, Vec3 b, Vec3& x)
{
    for (int col = 0; col < 3; ++col) {
        int pivot = col;
        for (int r = col + 1; r < 3; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
        if (std::abs(a[pivot][col]) < 1e-300) return false;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (int r = col + 1; r < 3; ++r) {
            const double f = a[r][col] / a[col][col];
            for (int c = col; c < 3; ++c) a[r][c] -= f * a[col][c];
            b[r] -= f * b[col];
        }
    }
    for (int r = 2; r >= 0; --r) {
        double s = b[r];
        for (int c = r + 1; c < 3; ++c) s -= a[r][c] * x[c];
        x[r] = s / a[r][r];
    }
    return true;
}

// JᵀJ and Jᵀr at p (J = ∂model/∂(α, β, γ), r = observed − model).
void normalEquations(const std::vector<Point>& pts, const Vec3& p, Mat3& jtj, Vec3& jtr)
{
    jtj = {};
    jtr = {};
    for (const Point& q : pts) {
        const double n = q.n;
        const double d = 1 + p[0] * (n - 1) + p[1] * n * (n - 1);
        const Vec3 j = {-p[2] * n * (n - 1) / (d * d), -p[2] * n * n * (n - 1) / (d * d), n / d};
        const double r = q.x - p[2] * n / d;
        for (int a = 0; a < 3; ++a) {
            jtr[a] += j[a] * r;
            for (int b = 0; b < 3; ++b) jtj[a][b] += j[a] * j[b];
        }
    }
}

Vec3 project(Vec3 p)
{
    p[0] = std::max(0.0, p[0]);
    p[1] = std::max(0.0, p[1]);
    p[2] = std::max(1e-300, p[2]);
    return p;
}

Vec3 gridStart(const std::vector<Point>& pts)
{
    Vec3 best = {0, 0, bestGamma(pts, 0, 0)};
    double bestSse = sumOfSquares(pts, best);
    std::vector<double> grid = {0};
    for (double e = -8; e <= 0.01; e += 0.25) grid.push_back(std::pow(10.0, e));
    for (double a : grid) {
        if (a > 1) continue;
        for (double b : grid) {
            const Vec3 p = {a, b, bestGamma(pts, a, b)};
            const double s = sumOfSquares(pts, p);
            if (s < bestSse) {
                bestSse = s;
                best = p;
            }
        }
    }
    return best;
}

}  // namespace

double Fit::predict(double n) const { return model({alpha, beta, gamma}, n); }

Fit fit(const std::vector<Point>& points, const QString& where, double confidenceLevel)
{
    QSet<double> distinct;
    for (size_t i = 0; i < points.size(); ++i) {
        const Point& q = points[i];
        if (!std::isfinite(q.n) || q.n <= 0)
            throw InputError(where, QStringLiteral("point %1: load N must be a positive number, got %2").arg(i + 1).arg(q.n));
        if (!std::isfinite(q.x) || q.x < 0)
            throw InputError(where, QStringLiteral("point %1: throughput X must be a number ≥ 0, got %2").arg(i + 1).arg(q.x));
        distinct.insert(q.n);
    }
    if (std::all_of(points.begin(), points.end(), [](const Point& q) { return q.x == 0; }) && !points.empty())
        throw InputError(where, QStringLiteral("throughput X is 0 at every load; expected measured throughputs"));
    if (distinct.size() < 3)
        throw InputError(where, QStringLiteral("the USL has 3 parameters; expected measurements at 3 or more "
                                               "different loads, got %1").arg(distinct.size()));

    Vec3 p = gridStart(points);
    double sse = sumOfSquares(points, p);
    double lambda = 1e-3;
    Fit out;
    // Levenberg–Marquardt with Marquardt's diagonal scaling; each trial step is projected onto
    // the bounds, and accepted only when it lowers the sum of squares.
    for (int it = 0; it < 500; ++it) {
        out.iterations = it + 1;
        Mat3 jtj;
        Vec3 jtr;
        normalEquations(points, p, jtj, jtr);
        bool improved = false;
        for (int tries = 0; tries < 40 && !improved; ++tries) {
            Mat3 a = jtj;
            for (int k = 0; k < 3; ++k) a[k][k] += lambda * std::max(jtj[k][k], 1e-300);
            Vec3 step;
            if (!solve3(a, jtr, step)) {
                lambda *= 10;
                continue;
            }
            const Vec3 trial = project({p[0] + step[0], p[1] + step[1], p[2] + step[2]});
            const double trialSse = sumOfSquares(points, trial);
            if (trialSse < sse) {
                const double relChange = (sse - trialSse) / std::max(sse, 1e-300);
                bool smallStep = true;
                for (int k = 0; k < 3; ++k)
                    smallStep = smallStep && std::abs(trial[k] - p[k]) <= 1e-12 * (std::abs(p[k]) + 1e-12);
                p = trial;
                sse = trialSse;
                lambda = std::max(lambda / 10, 1e-12);
                improved = true;
                if (relChange < 1e-15 || smallStep) out.converged = true;
            } else {
                lambda *= 10;
            }
        }
        if (!improved) {
            // No step lowers the sum of squares any more: a (bounded) minimum.
            out.converged = true;
            break;
        }
        if (out.converged) break;
    }

    out.alpha = p[0];
    out.beta = p[1];
    out.gamma = p[2];
    out.sse = sse;
    out.points = int(points.size());
    out.degreesOfFreedom = out.points - 3;
    out.confidenceLevel = confidenceLevel;

    double meanX = 0;
    for (const Point& q : points) meanX += q.x;
    meanX /= double(points.size());
    double sst = 0;
    for (const Point& q : points) sst += (q.x - meanX) * (q.x - meanX);
    out.rSquared = sst > 0 ? 1 - sse / sst : std::numeric_limits<double>::quiet_NaN();

    if (out.beta > 0 && out.alpha < 1) {
        out.nPeak = std::sqrt((1 - out.alpha) / out.beta);
        out.xMax = out.predict(out.nPeak);
    } else {
        out.nPeak = kInf;
        out.xMax = out.alpha > 0 ? out.gamma / out.alpha : kInf;
    }

    // Covariance s²(JᵀJ)⁻¹ at the solution, as nls reports it.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double se[3] = {nan, nan, nan};
    if (out.degreesOfFreedom > 0) {
        const double s2 = sse / out.degreesOfFreedom;
        out.residualStdErr = std::sqrt(s2);
        Mat3 jtj;
        Vec3 jtr;
        normalEquations(points, p, jtj, jtr);
        for (int k = 0; k < 3; ++k) {
            Vec3 e = {0, 0, 0}, col;
            e[k] = 1;
            if (solve3(jtj, e, col)) se[k] = std::sqrt(std::max(0.0, s2 * col[k]));
        }
    } else {
        out.residualStdErr = nan;
    }
    out.stdErrAlpha = se[0];
    out.stdErrBeta = se[1];
    out.stdErrGamma = se[2];
    const double t = out.degreesOfFreedom > 0
                         ? stats::studentTQuantile(1 - (1 - confidenceLevel) / 2, out.degreesOfFreedom)
                         : nan;
    const double values[3] = {p[0], p[1], p[2]};
    double* cis[3] = {out.ciAlpha, out.ciBeta, out.ciGamma};
    for (int k = 0; k < 3; ++k) {
        cis[k][0] = values[k] - t * se[k];
        cis[k][1] = values[k] + t * se[k];
    }
    return out;
}

QJsonObject Fit::toJson() const
{
    auto num = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); };
    auto pair = [&](const double* ci) { return QJsonArray{num(ci[0]), num(ci[1])}; };
    return QJsonObject{
        {QStringLiteral("alpha"), alpha},
        {QStringLiteral("beta"), beta},
        {QStringLiteral("gamma"), gamma},
        {QStringLiteral("n_peak"), num(nPeak)},
        {QStringLiteral("x_max"), num(xMax)},
        {QStringLiteral("r_squared"), num(rSquared)},
        {QStringLiteral("sse"), sse},
        {QStringLiteral("residual_std_error"), num(residualStdErr)},
        {QStringLiteral("points"), points},
        {QStringLiteral("degrees_of_freedom"), degreesOfFreedom},
        {QStringLiteral("confidence_level"), confidenceLevel},
        {QStringLiteral("std_error"), QJsonObject{{QStringLiteral("alpha"), num(stdErrAlpha)},
                                                  {QStringLiteral("beta"), num(stdErrBeta)},
                                                  {QStringLiteral("gamma"), num(stdErrGamma)}}},
        {QStringLiteral("ci"), QJsonObject{{QStringLiteral("alpha"), pair(ciAlpha)},
                                           {QStringLiteral("beta"), pair(ciBeta)},
                                           {QStringLiteral("gamma"), pair(ciGamma)}}},
        {QStringLiteral("converged"), converged},
    };
}

}  // namespace headroom::usl
