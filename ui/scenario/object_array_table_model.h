#pragma once
#include <QAbstractTableModel>
#include <QJsonArray>
#include <QVector>

namespace headroom {

class ScenarioDocument;

// A small array of flat objects in the scenario ("autoscaling.steps": [{lower, upper, change}],
// "autoscaling.schedule": [{at_s, nodes}]) as an editable table, one column per key. Every edit
// is one undoable change of the whole array; an emptied cell leaves its key out, so optional
// keys (a step's open upper bound) stay expressible.
class ObjectArrayTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Column {
        QString key;
        QString header;
        double step = 0;  // added to the previous row's value when a row is appended (0 = copy)
    };

    ObjectArrayTableModel(ScenarioDocument* doc, QString path, QVector<Column> columns, QString itemName,
                          QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Adds a row after `row` (or at the end): a copy of the row before it, each column moved on
    // by its step. The first row is all zeros.
    void addRowAfter(int row);
    void removeRowAt(int row);
    const QString& path() const { return path_; }

private:
    void documentChanged();
    void store(const QJsonArray& rows, const QString& what);

    ScenarioDocument* doc_;
    QString path_;
    QVector<Column> columns_;
    QString itemName_;
    QJsonArray rows_;
};

}  // namespace headroom
