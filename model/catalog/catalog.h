#pragma once
#include "instance_type.h"

#include <QVector>
#include <optional>

namespace headroom {

class Workspace;
}
class QSqlDatabase;
namespace headroom {

// Converts prices for display. Prices are stored in the currency the provider states;
// the user sets the rate (Workspace setting "currency.eur_usd").
struct CurrencyRates {
    static constexpr double kDefaultEurToUsd = 1.08;  // stated in the UI next to every converted figure
    double eurToUsd = kDefaultEurToUsd;
    double toUsd(double amount, const QString& currency) const;
};

// The instance types a workspace knows: the shipped catalog, with rows the user imported
// overriding shipped rows of the same provider/name.
class Catalog {
public:
    Catalog() = default;
    Catalog(QVector<InstanceType> types, QVector<ProviderBootTimes> boots, CurrencyRates rates = {});

    // The shipped catalog alone (no workspace).
    static Catalog shipped();
    // The workspace's catalog (call seedShipped first on a new workspace).
    static Catalog load(const Workspace& ws);
    // Writes (or refreshes) the shipped rows into the workspace, keeping user rows.
    static void seedShipped(Workspace& ws);
    // Stores user rows; they override shipped rows with the same key. Returns rows written.
    static int importUserRows(Workspace& ws, const QVector<InstanceType>& rows);
    // The same inside a transaction the caller holds (a catalog file imported as a dataset).
    static void upsertRows(const QSqlDatabase& db, const QVector<InstanceType>& rows, bool user);

    const QVector<InstanceType>& instanceTypes() const { return types_; }
    const QVector<ProviderBootTimes>& bootTimes() const { return boots_; }
    const CurrencyRates& rates() const { return rates_; }
    std::optional<InstanceType> find(const QString& key) const;  // "aws/c6i.large", case-insensitive
    // The provider's own timings; for a provider without any, the median of each figure over
    // the providers that have them (marked `assumed`). Empty only when no provider has timings.
    std::optional<ProviderBootTimes> bootTimesOf(const QString& provider) const;
    QStringList providers() const;
    double pricePerHourUsd(const InstanceType& t) const { return rates_.toUsd(t.pricePerHour, t.currency); }
    double monthlyCostUsd(const InstanceType& t, double hours = 730) const
    {
        return rates_.toUsd(t.monthlyCost(hours), t.currency);
    }

private:
    QVector<InstanceType> types_;
    QVector<ProviderBootTimes> boots_;
    CurrencyRates rates_;
};

}  // namespace headroom
