#include "dataset_table_model.h"

#include <QDateTime>

namespace headroom {

void DatasetTableModel::setDatasets(QVector<DatasetSummary> datasets)
{
    beginResetModel();
    datasets_ = std::move(datasets);
    endResetModel();
}

const DatasetSummary* DatasetTableModel::datasetAt(int row) const
{
    return row >= 0 && row < datasets_.size() ? &datasets_[row] : nullptr;
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(datasets_.size()); }

int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const DatasetSummary& d = datasets_[index.row()];
    const qint64 rows = d.measurements + d.samples + d.leadTimeEvents;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return d.id;
        case Name: return d.name;
        case Format: return d.format;
        case Node: return d.node;
        case InstanceType: return d.instanceType;
        case Rows: return QLocale().toString(rows);
        case Warnings: return d.warnings.isEmpty() ? QVariant() : QVariant(d.warnings.size());
        case ImportedAt: return QDateTime::fromString(d.importedAt, Qt::ISODate).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
    } else if (role == Qt::UserRole) {  // sort keys
        switch (index.column()) {
        case Id: return d.id;
        case Rows: return rows;
        case Warnings: return d.warnings.size();
        default: return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::ToolTipRole && index.column() == Name) {
        return d.source;
    } else if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Rows || index.column() == Warnings)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("ID");
    case Name: return tr("Name");
    case Format: return tr("Format");
    case Node: return tr("Node");
    case InstanceType: return tr("Instance type");
    case Rows: return tr("Rows");
    case Warnings: return tr("Warnings");
    case ImportedAt: return tr("Imported");
    }
    return {};
}

}  // namespace headroom
