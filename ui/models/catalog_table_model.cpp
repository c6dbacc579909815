#include "catalog_table_model.h"

#include <QFont>

namespace headroom {

void CatalogTableModel::setCatalog(const Catalog& catalog)
{
    beginResetModel();
    catalog_ = catalog;
    endResetModel();
}

int CatalogTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(catalog_.instanceTypes().size());
}

int CatalogTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CatalogTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const InstanceType& t = catalog_.instanceTypes()[index.row()];
    if (role == Qt::DisplayRole || role == Qt::UserRole) {
        const bool sortKey = role == Qt::UserRole;
        switch (index.column()) {
        case Provider: return t.provider;
        case Name: return t.name;
        case Vcpu: return t.vcpu;
        case Memory: return sortKey ? QVariant(t.memoryGib) : QVariant(QStringLiteral("%1 GiB").arg(t.memoryGib));
        case Cpu: return t.dedicatedCpu ? tr("dedicated") : tr("shared");
        case Burst:
            if (!t.burstable) return QString();
            return t.maxCredits > 0 ? tr("%1 %/vCPU, %2 cr/h, cap %3").arg(t.baselinePctPerVcpu).arg(t.creditsPerHour).arg(t.maxCredits)
                                    : tr("%1 %/vCPU, no credit counter").arg(t.baselinePctPerVcpu);
        case Price: return sortKey ? QVariant(t.pricePerHour) : QVariant(QString::number(t.pricePerHour, 'f', 4));
        case Currency: return t.currency;
        case PriceUsd: {
            const double usd = catalog_.pricePerHourUsd(t);
            return sortKey ? QVariant(usd) : QVariant(QStringLiteral("$%1").arg(usd, 0, 'f', 4));
        }
        case MonthlyUsd: {
            const double usd = catalog_.monthlyCostUsd(t);
            return sortKey ? QVariant(usd) : QVariant(QStringLiteral("$%1").arg(usd, 0, 'f', 2));
        }
        case Basis: return t.priceBasis;
        case Source: return QStringLiteral("%1 (%2)%3").arg(t.source, t.sourceDate, t.userOverride ? tr(", workspace override") : QString());
        }
    } else if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Vcpu: case Memory: case Price: case PriceUsd: case MonthlyUsd: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: break;
        }
    } else if (role == Qt::FontRole && t.userOverride) {
        QFont f;
        f.setItalic(true);
        return f;
    } else if (role == Qt::ToolTipRole && index.column() == MonthlyUsd) {
        return tr("730 hours%1; EUR converted at %2 USD").arg(t.monthlyCap > 0 ? tr(", capped at %1 %2").arg(t.monthlyCap).arg(t.currency) : QString()).arg(catalog_.rates().eurToUsd);
    }
    return {};
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[] = {"Provider", "Instance type", "vCPU", "Memory", "CPU", "Burst rules",
                                        "Price/h", "Currency", "USD/h", "USD/month", "Price basis", "Source (date)"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

}  // namespace headroom
