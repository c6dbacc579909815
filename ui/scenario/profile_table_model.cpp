#include "profile_table_model.h"

#include "json_text.h"
#include "scenario_document.h"

namespace headroom {

ProfileTableModel::ProfileTableModel(ScenarioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent), doc_(doc), points_(doc->value(kPath).toArray())
{
    connect(doc_, &ScenarioDocument::changed, this, &ProfileTableModel::documentChanged);
}

int ProfileTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(points_.size());
}

int ProfileTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    const QJsonValue cell = points_.at(index.row()).toArray().at(index.column());
    return scenario_ui::numberText(cell);
}

QVariant ProfileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    return section == TimeS ? tr("Time (s)") : tr("Requests/s");
}

Qt::ItemFlags ProfileTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ProfileTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
    QJsonArray points = points_;
    QJsonArray point = points.at(index.row()).toArray();
    while (point.size() < ColumnCount) point.append(0);
    // Typed text that is not a number goes in as text, so the parser names the cell's path.
    const QJsonValue cell = scenario_ui::numberFromText(value.toString());
    point[index.column()] = cell.isUndefined() ? QJsonValue(QString()) : cell;
    points[index.row()] = point;
    doc_->setValue(kPath, points, tr("Edit traffic point %1").arg(index.row() + 1));
    return true;
}

void ProfileTableModel::addPointAfter(int row)
{
    QJsonArray points = points_;
    const int at = (row < 0 || row >= points.size()) ? int(points.size()) : row + 1;
    const double before = at > 0 ? points.at(at - 1).toArray().at(0).toDouble() : 0;
    const double rate = at > 0 ? points.at(at - 1).toArray().at(1).toDouble() : 0;
    const double t = at < points.size() ? (before + points.at(at).toArray().at(0).toDouble()) / 2
                                        : (at > 0 ? before + 3600 : 0);
    points.insert(at, QJsonArray{t, rate});
    doc_->setValue(kPath, points, tr("Add traffic point"));
}

void ProfileTableModel::removePoint(int row)
{
    if (row < 0 || row >= points_.size()) return;
    QJsonArray points = points_;
    points.removeAt(row);
    doc_->setValue(kPath, points, tr("Remove traffic point"));
}

void ProfileTableModel::documentChanged()
{
    const QJsonArray points = doc_->value(kPath).toArray();
    if (points == points_) return;
    if (points.size() == points_.size()) {
        points_ = points;
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::EditRole});
        return;
    }
    beginResetModel();
    points_ = points;
    endResetModel();
}

}  // namespace headroom
