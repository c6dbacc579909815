#include "analysis/usl_fit.h"
#include "core/errors.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace headroom;

namespace {
std::vector<usl::Point> points(std::initializer_list<double> n, std::initializer_list<double> x)
{
    std::vector<usl::Point> out;
    auto xi = x.begin();
    for (double v : n) out.push_back({v, *xi++});
    return out;
}
}  // namespace

// The R usl package's raytracer example on its first six rows (N 1..20).
TEST(UslFit, ReproducesRUslOnRaytracerFirstSixRows)
{
    const auto pts = points({1, 4, 8, 12, 16, 20}, {20, 78, 130, 170, 190, 200});
    const usl::Fit f = usl::fit(pts);
    EXPECT_TRUE(f.converged);
    EXPECT_NEAR(f.alpha, 0.02444, 5e-6);
    EXPECT_NEAR(f.beta, 0.00163, 5e-6);
    EXPECT_NEAR(f.gamma, 20.85605, 5e-6);
    EXPECT_NEAR(f.nPeak, std::sqrt((1 - f.alpha) / f.beta), 1e-9);
}

// Gunther's SPEC SDM 91 benchmark, as shipped with the R usl package.
TEST(UslFit, ReproducesRUslOnSpecsdm91)
{
    const auto pts = points({1, 18, 36, 72, 108, 144, 216}, {64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2});
    const usl::Fit f = usl::fit(pts);
    EXPECT_NEAR(f.alpha, 2.773e-02, 5e-6);
    EXPECT_NEAR(f.beta, 1.044e-04, 5e-8);
    EXPECT_NEAR(f.gamma, 90.00, 5e-3);
    EXPECT_NEAR(f.nPeak, 96.5, 0.05);
    EXPECT_NEAR(f.xMax, f.predict(f.nPeak), 1e-9);
    // R² computed here from the fitted curve and the data.
    double meanX = 0, sse = 0, sst = 0;
    for (const auto& p : pts) meanX += p.x / double(pts.size());
    for (const auto& p : pts) {
        sse += (p.x - f.predict(p.n)) * (p.x - f.predict(p.n));
        sst += (p.x - meanX) * (p.x - meanX);
    }
    EXPECT_NEAR(f.rSquared, 1 - sse / sst, 1e-12);
    EXPECT_GT(f.rSquared, 0.98);
    // The interval contains the estimate and is symmetric around it.
    EXPECT_LT(f.ciAlpha[0], f.alpha);
    EXPECT_GT(f.ciAlpha[1], f.alpha);
    EXPECT_NEAR(f.ciBeta[1] - f.beta, f.beta - f.ciBeta[0], 1e-15);
}

// Data made exactly from known parameters must give them back, and a perfect fit has R² = 1.
TEST(UslFit, RecoversParametersOfNoiselessData)
{
    std::vector<usl::Point> pts;
    for (double n : {1, 2, 4, 8, 16, 32, 64}) pts.push_back({n, 100 * n / (1 + 0.05 * (n - 1) + 0.001 * n * (n - 1))});
    const usl::Fit f = usl::fit(pts);
    EXPECT_NEAR(f.alpha, 0.05, 1e-8);
    EXPECT_NEAR(f.beta, 0.001, 1e-9);
    EXPECT_NEAR(f.gamma, 100, 1e-6);
    EXPECT_NEAR(f.rSquared, 1.0, 1e-12);
}

// Linear scaling data pushes α and β to their bound 0 instead of going negative.
TEST(UslFit, KeepsCoefficientsAtTheirLowerBound)
{
    const auto pts = points({1, 2, 4, 8}, {10, 20.5, 41, 83});  // slightly super-linear
    const usl::Fit f = usl::fit(pts);
    EXPECT_GE(f.alpha, 0.0);
    EXPECT_GE(f.beta, 0.0);
    EXPECT_EQ(f.beta, 0.0);
    EXPECT_TRUE(std::isinf(f.nPeak));
}

TEST(UslFit, RejectsTooFewLoadsAndBadValues)
{
    EXPECT_THROW(usl::fit(points({1, 2, 2}, {1, 2, 2}), QStringLiteral("x.csv")), InputError);
    EXPECT_THROW(usl::fit(points({0, 2, 3}, {1, 2, 2})), InputError);
    EXPECT_THROW(usl::fit(points({1, 2, 3}, {1, NAN, 2})), InputError);
    EXPECT_THROW(usl::fit(points({1, 2, 3}, {0, 0, 0})), InputError);
}
