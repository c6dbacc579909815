#include "measurement_table_model.h"

#include <QJsonDocument>

namespace headroom {

void MeasurementTableModel::setMeasurements(QVector<StoredMeasurement> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int MeasurementTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int MeasurementTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MeasurementTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const StoredMeasurement& m = rows_[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Node: return m.node;
        case Metric: return m.metric;
        case Value: return QLocale().toString(m.value, 'g', 10);
        case Unit: return m.unit;
        case Labels: {
            QStringList parts;
            for (auto it = m.labels.begin(); it != m.labels.end(); ++it)
                parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toVariant().toString());
            return parts.join(QStringLiteral(", "));
        }
        }
    } else if (role == Qt::UserRole) {
        return index.column() == Value ? QVariant(m.value) : data(index, Qt::DisplayRole);
    } else if (role == Qt::TextAlignmentRole && index.column() == Value) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant MeasurementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[] = {"Node", "Metric", "Value", "Unit", "Labels"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

}  // namespace headroom
