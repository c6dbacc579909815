#pragma once
#include "catalog/catalog.h"

#include <QAbstractTableModel>

namespace headroom {

// Providers' instance types with shape, price (as stated and in USD) and where the figures come from.
class CatalogTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Provider, Name, Vcpu, Memory, Cpu, Burst, Price, Currency, PriceUsd, MonthlyUsd, Basis, Source, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setCatalog(const Catalog& catalog);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Catalog catalog_;
};

}  // namespace headroom
