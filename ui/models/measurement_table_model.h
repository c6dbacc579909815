#pragma once
#include "store/dataset_repository.h"

#include <QAbstractTableModel>

namespace headroom {

// The benchmark results of one dataset: node, metric, value, unit and labels.
class MeasurementTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Node, Metric, Value, Unit, Labels, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setMeasurements(QVector<StoredMeasurement> rows);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<StoredMeasurement> rows_;
};

}  // namespace headroom
