#pragma once
#include <QWidget>

class QChart;
class QChartView;

namespace headroom {

struct SimulationResult;

// The Simulate page's charts over simulated time, from the replications' mean series:
// p50/p95/p99 against the SLO line, nodes desired/ready/healthy, utilisation, and the lowest CPU
// credit balance (shown only for burstable instance types).
class SimulationCharts : public QWidget {
    Q_OBJECT
public:
    explicit SimulationCharts(QWidget* parent = nullptr);

    // `sloP95Ms` ≤ 0 draws no SLO line.
    void showResult(const SimulationResult& result, double sloP95Ms, bool burstable);
    // A message in every chart instead of data (nothing run yet, running, cancelled).
    void showMessage(const QString& text);

    QChart* latencyChart() const;
    QChart* nodesChart() const;
    QChart* utilisationChart() const;
    QChart* creditChart() const;
    bool creditChartShown() const;

private:
    QChartView* latency_;
    QChartView* nodes_;
    QChartView* utilisation_;
    QChartView* credit_;
};

}  // namespace headroom
