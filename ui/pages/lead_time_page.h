#pragma once
#include "page.h"

class QChart;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace headroom {

// Lead time of a scale-out: the phases of each observed event as stacked bars, the fitted
// distribution of every phase (catalog defaults where there is no data, with their source), and
// a what-if on boot time, image size and image caching that redraws the total's distribution.
// Everything is computed by model/analysis off the GUI thread.
class LeadTimePage : public Page {
    Q_OBJECT
public:
    explicit LeadTimePage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Lead time"); }
    QString iconName() const override { return QStringLiteral("chronometer"); }
    void activated() override;

    QTableWidget* phaseTable() const { return table_; }
    QLabel* summary() const { return summary_; }
    QComboBox* providerPicker() const { return provider_; }

signals:
    void refreshed();  // results are on screen (tests wait for it)

private:
    void fillProviders();
    void refresh();

    QComboBox* provider_;
    QDoubleSpinBox* bootScale_;
    QDoubleSpinBox* imageMb_;
    QCheckBox* cached_;
    QTableWidget* table_;
    QLabel* summary_;
    QChart* eventsChart_;
    QChart* totalChart_;
};

}  // namespace headroom
