#include "object_array_table_model.h"

#include "json_text.h"
#include "scenario_document.h"

#include <QJsonObject>

namespace headroom {

ObjectArrayTableModel::ObjectArrayTableModel(ScenarioDocument* doc, QString path, QVector<Column> columns,
                                             QString itemName, QObject* parent)
    : QAbstractTableModel(parent), doc_(doc), path_(std::move(path)), columns_(std::move(columns)),
      itemName_(std::move(itemName)), rows_(doc->value(path_).toArray())
{
    connect(doc_, &ScenarioDocument::changed, this, &ObjectArrayTableModel::documentChanged);
}

int ObjectArrayTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int ObjectArrayTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(columns_.size());
}

QVariant ObjectArrayTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    return scenario_ui::numberText(rows_.at(index.row()).toObject().value(columns_[index.column()].key));
}

QVariant ObjectArrayTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    return section >= 0 && section < columns_.size() ? QVariant(columns_[section].header) : QVariant();
}

Qt::ItemFlags ObjectArrayTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ObjectArrayTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
    QJsonArray rows = rows_;
    QJsonObject row = rows.at(index.row()).toObject();
    const QString& key = columns_[index.column()].key;
    // Text that is not a number goes in as text, so the parser names the cell's JSON path.
    const QJsonValue cell = scenario_ui::numberFromText(value.toString());
    if (cell.isUndefined()) row.remove(key);
    else row.insert(key, cell);
    rows[index.row()] = row;
    store(rows, tr("Edit %1 %2").arg(itemName_).arg(index.row() + 1));
    return true;
}

void ObjectArrayTableModel::addRowAfter(int row)
{
    QJsonArray rows = rows_;
    const int at = (row < 0 || row >= rows.size()) ? int(rows.size()) : row + 1;
    const QJsonObject before = at > 0 ? rows.at(at - 1).toObject() : QJsonObject();
    QJsonObject added;
    for (const Column& c : columns_) {
        if (at == 0) added.insert(c.key, 0);
        else if (before.contains(c.key)) added.insert(c.key, before.value(c.key).toDouble() + c.step);
    }
    rows.insert(at, added);
    store(rows, tr("Add %1").arg(itemName_));
}

void ObjectArrayTableModel::removeRowAt(int row)
{
    if (row < 0 || row >= rows_.size()) return;
    QJsonArray rows = rows_;
    rows.removeAt(row);
    store(rows, tr("Remove %1").arg(itemName_));
}

void ObjectArrayTableModel::store(const QJsonArray& rows, const QString& what)
{
    // An empty array would be refused by the parser for the policy that needs it, and means
    // nothing for the others: the key goes.
    doc_->setValue(path_, rows.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(rows), what);
}

void ObjectArrayTableModel::documentChanged()
{
    const QJsonArray rows = doc_->value(path_).toArray();
    if (rows == rows_) return;
    if (rows.size() == rows_.size()) {
        rows_ = rows;
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole, Qt::EditRole});
        return;
    }
    beginResetModel();
    rows_ = rows;
    endResetModel();
}

}  // namespace headroom
