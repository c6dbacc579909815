#pragma once
#include <QChart>
#include <QString>
#include <QVector>

namespace headroom::charts {

// The recommender's two charts for the report: cost against p95 with the Pareto front, and
// the tornado of the winner's p95 when one assumption moves.

struct CostLatencyPoint {
    QString label;           // "aws/c6i.large × 4"
    double costPerMonthUsd = 0;
    double p95Ms = 0;
    bool meetsSlo = false;
    bool onFront = false;
    bool winner = false;
    bool fullLength = true;  // false: the short window around the peak only (ParetoPoint::fullLength)
};
// Scatter of every simulated configuration; the front joined by a line, the SLO as a dashed
// horizontal line, the winner as a larger marker. Points from a short window only are hollow grey
// in a legend entry of their own, so nobody reads their peak figures as a day's.
QChart* costVsLatency(const QVector<CostLatencyPoint>& points, double sloMs);
// That legend entry's words.
QString peakWindowOnlyName();

struct TornadoBar {
    QString label;           // "traffic ×1.2"
    double p95Ms = 0;
};
// One horizontal bar per case from the base p95 to the case's p95, widest swing on top.
// `peakWindow`: the what-ifs ran on a window around the traffic peak (SensitivityBase).
QChart* tornado(const QVector<TornadoBar>& bars, double baseP95Ms, double sloMs, bool peakWindow);

}  // namespace headroom::charts
