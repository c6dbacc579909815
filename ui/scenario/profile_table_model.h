#pragma once
#include <QAbstractTableModel>
#include <QJsonArray>

namespace headroom {

class ScenarioDocument;

// The traffic profile's points ("traffic.points": [[t_s, rate_rps], …]) as an editable
// two-column table. Every edit is one undoable change of the whole array in the document.
class ProfileTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeS, RateRps, ColumnCount };
    static inline const QString kPath = QStringLiteral("traffic.points");

    explicit ProfileTableModel(ScenarioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Adds a point after `row` (or at the end), halfway to the next one or one hour later.
    void addPointAfter(int row);
    void removePoint(int row);

private:
    void documentChanged();

    ScenarioDocument* doc_;
    QJsonArray points_;
};

}  // namespace headroom
