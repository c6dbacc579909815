#include "calibration_demand.h"

#include "core/errors.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace headroom::calibration {

namespace {

// Least squares y = a + b·x.
std::pair<double, double> lineFit(const std::vector<double>& x, const std::vector<double>& y)
{
    const double n = double(x.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double det = n * sxx - sx * sx;
    if (std::abs(det) < 1e-12 * std::max(1.0, n * sxx)) return {sy / n, 0};  // all at one rate
    const double b = (n * sxy - sx * sy) / det;
    return {(sy - b * sx) / n, b};
}

double rawValue(DemandCurve::Kind kind, double a, double b, double rate)
{
    switch (kind) {
    case DemandCurve::Kind::Constant: return a;
    case DemandCurve::Kind::Linear: return a + b * rate;
    case DemandCurve::Kind::Power: return a * std::pow(rate, b);
    }
    return a;
}

double rmse(DemandCurve::Kind kind, double a, double b, const std::vector<DemandPoint>& pts)
{
    double ss = 0;
    for (const DemandPoint& p : pts) {
        const double e = rawValue(kind, a, b, p.rateRps) - p.demandMs;
        ss += e * e;
    }
    return std::sqrt(ss / double(pts.size()));
}

}  // namespace

DemandCurve fitDemandCurve(std::vector<DemandPoint> points, const QString& where)
{
    std::erase_if(points, [](const DemandPoint& p) { return !(p.rateRps > 0 && p.demandMs > 0); });
    if (points.empty())
        throw InputError(where, QStringLiteral("expected at least one load level with a CPU reading and requests, found none"));
    std::sort(points.begin(), points.end(), [](const DemandPoint& l, const DemandPoint& r) { return l.rateRps < r.rateRps; });
    DemandCurve c;
    c.points = points;
    c.minRateRps = points.front().rateRps;
    c.maxRateRps = points.back().rateRps;
    if (points.size() == 1 || c.maxRateRps - c.minRateRps < 1e-9 * c.maxRateRps) {
        double sum = 0;
        for (const DemandPoint& p : points) sum += p.demandMs;
        c.a = sum / double(points.size());
        c.rmseMs = rmse(c.kind, c.a, 0, points);
        return c;
    }
    std::vector<double> x, y, lx, ly;
    for (const DemandPoint& p : points) {
        x.push_back(p.rateRps);
        y.push_back(p.demandMs);
        lx.push_back(std::log(p.rateRps));
        ly.push_back(std::log(p.demandMs));
    }
    const auto [la, lb] = lineFit(x, y);
    const auto [pa, pb] = lineFit(lx, ly);
    c.linearRmseMs = rmse(DemandCurve::Kind::Linear, la, lb, points);
    c.powerRmseMs = rmse(DemandCurve::Kind::Power, std::exp(pa), pb, points);
    if (points.size() >= 3 && c.powerRmseMs < c.linearRmseMs * 0.999) {
        c.kind = DemandCurve::Kind::Power;
        c.a = std::exp(pa);
        c.b = pb;
        c.rmseMs = c.powerRmseMs;
    } else {
        c.kind = DemandCurve::Kind::Linear;
        c.a = la;
        c.b = lb;
        c.rmseMs = c.linearRmseMs;
    }
    return c;
}

double DemandCurve::at(double rateRps) const
{
    const double r = std::clamp(rateRps, minRateRps, maxRateRps);
    double v = rawValue(kind, a, b, r);
    if (rateRps != r && points.size() > 1) {
        // Beyond the measured rates: follow the curve, but no further than half of the change
        // seen across the measured range, and never below a tenth of the smallest demand.
        const double span = std::abs(points.back().demandMs - points.front().demandMs);
        const double beyond = rawValue(kind, a, b, rateRps);
        v = std::clamp(beyond, v - span / 2, v + span / 2);
    }
    double smallest = points.empty() ? v : points.front().demandMs;
    for (const DemandPoint& p : points) smallest = std::min(smallest, p.demandMs);
    return std::max(v, smallest / 10);
}

QString DemandCurve::kindName() const
{
    switch (kind) {
    case Kind::Constant: return QStringLiteral("constant");
    case Kind::Linear: return QStringLiteral("linear");
    case Kind::Power: return QStringLiteral("power");
    }
    return {};
}

QString DemandCurve::formula() const
{
    switch (kind) {
    case Kind::Constant: return QStringLiteral("D(λ) = %1 ms").arg(a, 0, 'g', 4);
    case Kind::Linear:
        return QStringLiteral("D(λ) = %1 %2 %3·λ ms").arg(a, 0, 'g', 4).arg(b < 0 ? QStringLiteral("−") : QStringLiteral("+"))
            .arg(std::abs(b), 0, 'g', 3);
    case Kind::Power: return QStringLiteral("D(λ) = %1·λ^%2 ms").arg(a, 0, 'g', 4).arg(b, 0, 'g', 3);
    }
    return {};
}

QJsonObject DemandCurve::toJson() const
{
    QJsonArray pts;
    for (const DemandPoint& p : points)
        pts.append(QJsonObject{{QStringLiteral("rate_rps"), p.rateRps}, {QStringLiteral("demand_ms"), p.demandMs}});
    return QJsonObject{{QStringLiteral("kind"), kindName()},
                       {QStringLiteral("a"), a},
                       {QStringLiteral("b"), b},
                       {QStringLiteral("formula"), formula()},
                       {QStringLiteral("rmse_ms"), rmseMs},
                       {QStringLiteral("linear_rmse_ms"), linearRmseMs},
                       {QStringLiteral("power_rmse_ms"), powerRmseMs},
                       {QStringLiteral("points"), pts}};
}

}  // namespace headroom::calibration
