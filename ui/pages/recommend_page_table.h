#pragma once
#include "plan/recommendation.h"

#include <QAbstractTableModel>

namespace headroom {

// The ranked candidates of a recommendation as a table. Numbers are returned as numbers, so a
// sort proxy orders them by value; the row's CandidateResult is under Qt::UserRole's index.
class RecommendTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Provider, InstanceType, Nodes, Policy, P95, Attainment, Cost, MeetsSlo, Status, CpuScore, Why, ColumnCount };
    static constexpr int kRowRole = Qt::UserRole + 1;  // the candidate's index in the recommendation

    explicit RecommendTableModel(QObject* parent = nullptr);
    void setRecommendation(const Recommendation& r);
    const Recommendation& recommendation() const { return recommendation_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Recommendation recommendation_;
};

}  // namespace headroom
