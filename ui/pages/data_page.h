#pragma once
#include "page.h"
#include "store/dataset_repository.h"
#include "store/series_queries.h"

class QLabel;
class QTableView;
class QTextBrowser;
class QComboBox;
class QChart;
class QSortFilterProxyModel;

namespace headroom {

class DatasetTableModel;
class MeasurementTableModel;

// The workspace's datasets: a table, the selected dataset's headline metrics and warnings,
// and a chart of one of its series (downsampled).
class DataPage : public Page {
    Q_OBJECT
public:
    explicit DataPage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Data"); }
    QString iconName() const override { return QStringLiteral("folder-documents"); }

    DatasetTableModel* model() const { return model_; }
    MeasurementTableModel* measurements() const { return measurements_; }
    QTableView* table() const { return table_; }
    QLabel* licences() const { return licences_; }

signals:
    void importRequested();

private:
    void reload();
    void showSelected();
    void deleteSelected();
    void plotSeries(int index);

    DatasetTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QTextBrowser* details_;
    MeasurementTableModel* measurements_;
    QComboBox* seriesPicker_;
    QChart* chart_;
    QLabel* licences_;  // attribution the imported data's licences ask for
    std::vector<Series> loadedSeries_;  // the selected dataset's series, for the picker
};

}  // namespace headroom
