#pragma once
#include "page.h"

class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace headroom {

struct FleetView;

// How alike the nodes of each instance type are, for one metric: cards with the between- and
// within-node CV and the population verdict per group; the node means of all groups side by
// side (histogram and ECDF, readable for thousands of nodes); drift of long-lived nodes over
// time; a box plot per node of one group; the steal-time chart; and the calibration panel.
// Computed by model/analysis (analyzeFleet, the same call the report makes) off the GUI thread.
class FleetPage : public Page {
    Q_OBJECT
public:
    explicit FleetPage(AppContext* context, QWidget* parent = nullptr);
    ~FleetPage() override;
    QString title() const override { return tr("Fleet"); }
    QString iconName() const override { return QStringLiteral("network-server"); }
    void activated() override;

    QComboBox* metricPicker() const { return metric_; }
    QComboBox* groupBy() const { return groupBy_; }
    QLabel* cards() const { return cards_; }
    QChart* runsChart() const { return boxChart_; }
    QChart* histogramChart() const { return histogramChart_; }
    QChart* driftChart() const { return driftChart_; }
    QLabel* calibrationResult() const { return calibrationResult_; }

signals:
    void refreshed();     // homogeneity results are on screen
    void calibrated();    // the calibration panel shows a result or an error

private:
    void fillPickers();
    void refresh();
    void showGroup(int index);
    void calibrate();

    QComboBox* metric_;
    QComboBox* groupBy_;
    QDoubleSpinBox* stealThreshold_;
    QComboBox* group_;
    QLabel* cards_;
    QTabWidget* tabs_;
    QChart* histogramChart_;
    QChart* ecdfChart_;
    QChart* driftChart_;
    QChart* boxChart_;
    QChart* stealChart_;
    QComboBox* calFrom_;
    QComboBox* calTo_;
    QDoubleSpinBox* calTarget_;
    QDoubleSpinBox* calFromScore_;
    QDoubleSpinBox* calToScore_;
    QLabel* calibrationResult_;
    std::shared_ptr<FleetView> view_;
};

}  // namespace headroom
