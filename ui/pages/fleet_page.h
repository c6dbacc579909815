#pragma once
#include "page.h"

class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace headroom {

struct FleetView;

// How alike the nodes of an instance type are: a box plot per node with outliers highlighted,
// CV and p10/p90 cards, the steal-time chart with the episode threshold, and the calibration
// panel (service demand from monitoring, projected onto another instance type). Computed by
// model/analysis off the GUI thread.
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
    QChart* boxChart_;
    QChart* stealChart_;
    QComboBox* calFrom_;
    QComboBox* calTo_;
    QDoubleSpinBox* calTarget_;
    QDoubleSpinBox* calFromScore_;
    QDoubleSpinBox* calToScore_;
    QLabel* calibrationResult_;
    std::shared_ptr<FleetView> view_;
    int generation_ = 0;
};

}  // namespace headroom
