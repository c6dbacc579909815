#include "recommend_page_table.h"

#include "plan/recommendation_json.h"

#include <QBrush>
#include <QColor>
#include <cmath>

namespace headroom {

RecommendTableModel::RecommendTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecommendTableModel::setRecommendation(const Recommendation& r)
{
    beginResetModel();
    recommendation_ = r;
    endResetModel();
}

int RecommendTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(recommendation_.candidates.size());
}

int RecommendTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RecommendTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const CandidateResult& c = recommendation_.candidates[size_t(index.row())];
    if (role == kRowRole) return index.row();
    if (role == Qt::ToolTipRole && index.column() == Why) return c.why;
    if (role == Qt::ToolTipRole && index.column() == CpuScore) {
        const CpuCapacity cpu = c.cpuAssumed();
        return cpu.source.isEmpty() ? cpu.describe() : cpu.describe() + QStringLiteral("\n") + cpu.source;
    }
    if (role == Qt::ForegroundRole && index.column() == MeetsSlo)
        return QBrush(c.meetsSlo() ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    if (role == Qt::TextAlignmentRole && index.column() >= P95 && index.column() <= Cost)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    auto roundTo = [](double v, int decimals) {
        const double scale = std::pow(10.0, decimals);
        return std::round(v * scale) / scale;
    };
    switch (Column(index.column())) {
    case Rank: return index.row() + 1;
    case Provider: return c.type.provider;
    case InstanceType: return c.type.name;
    case Nodes:
        return c.nodesMin() == c.nodesMax() ? QString::number(c.nodesMin())
                                            : QStringLiteral("%1–%2").arg(c.nodesMin()).arg(c.nodesMax());
    case Policy: return c.policy;
    case P95: return c.chosen ? QVariant(roundTo(c.chosen->p95Ms, 1)) : QVariant();
    case Attainment: return c.chosen ? QVariant(roundTo(c.chosen->attainment * 100, 0)) : QVariant();
    case Cost: return roundTo(c.costPerMonthUsd(), 2);
    case MeetsSlo:
        if (c.meetsSlo()) return tr("yes");
        if (c.inconclusive()) return tr("inconclusive");
        if (c.pending) return tr("estimate");
        return c.passedShortWindow() ? tr("short window only") : tr("no");
    case Status: return statusName(c.status);
    case CpuScore: return c.cpuAssumed().brief();
    case Why: return c.why;
    case ColumnCount: break;
    }
    return {};
}

QVariant RecommendTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Rank: return tr("#");
    case Provider: return tr("Provider");
    case InstanceType: return tr("Instance type");
    case Nodes: return tr("Nodes");
    case Policy: return tr("Policy");
    case P95: return tr("p95 (ms)");
    case Attainment: return tr("SLO met (% of runs)");
    case Cost: return tr("USD / month");
    case MeetsSlo: return tr("Meets SLO");
    case Status: return tr("Status");
    case CpuScore: return tr("CPU score (single / all-core)");
    case Why: return tr("Why");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace headroom
