#pragma once
#include "store/dataset_repository.h"

#include <QAbstractTableModel>

namespace headroom {

// The workspace's datasets as a table: one row per dataset, counts of what it holds.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Format, Node, InstanceType, Rows, Warnings, ImportedAt, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setDatasets(QVector<DatasetSummary> datasets);
    const DatasetSummary* datasetAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<DatasetSummary> datasets_;
};

}  // namespace headroom
