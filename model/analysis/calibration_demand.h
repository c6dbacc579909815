#pragma once
#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom::calibration {

// CPU per request measured at one request rate (utilisation law on that load level).
struct DemandPoint {
    double rateRps = 0;
    double demandMs = 0;
};

// How the CPU per request changes with load. A real server's CPU per request is not constant:
// caches stay warm, the CPU clock rises, per-wakeup costs are shared by more requests. One
// level cannot show that, so the curve is fitted to every level that has a CPU reading and used
// for every rate predicted, including rates nobody measured.
struct DemandCurve {
    enum class Kind { Constant, Linear, Power };
    Kind kind = Kind::Constant;
    // Constant: a; Linear: a + b·rate; Power: a·rate^b.
    double a = 0, b = 0;
    double rmseMs = 0;               // of the chosen fit over the points
    double linearRmseMs = 0, powerRmseMs = 0;
    double minRateRps = 0, maxRateRps = 0;
    std::vector<DemandPoint> points;

    // The fitted demand at `rateRps`. Outside the measured rates the curve is held within half a
    // step of the nearest measured demand, so a straight line is never extrapolated to nonsense.
    double at(double rateRps) const;
    QString kindName() const;
    QString formula() const;         // "D(λ) = 6.9 − 0.0061·λ ms"
    // {"kind","a","b","formula","rmse_ms","linear_rmse_ms","power_rmse_ms","points":[{"rate_rps","demand_ms"}]}
    QJsonObject toJson() const;
};

// One point: constant. Two: linear through both. Three or more: linear and power (log–log) by
// least squares; the one with the smaller RMSE wins, linear on a tie. Throws InputError naming
// `where` when there is no point with a positive rate and demand.
DemandCurve fitDemandCurve(std::vector<DemandPoint> points, const QString& where);

}  // namespace headroom::calibration
