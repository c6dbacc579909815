#include "catalog.h"

#include "catalog_files.h"
#include "store/instance_type_rows.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QHash>
#include <algorithm>

namespace headroom {

double CurrencyRates::toUsd(double amount, const QString& currency) const
{
    if (currency.compare(QLatin1String("EUR"), Qt::CaseInsensitive) == 0) return amount * eurToUsd;
    return amount;  // USD, and any currency without a rate is shown as stated
}

Catalog::Catalog(QVector<InstanceType> types, QVector<ProviderBootTimes> boots, CurrencyRates rates)
    : types_(std::move(types)), boots_(std::move(boots)), rates_(rates)
{
}

Catalog Catalog::shipped()
{
    QVector<InstanceType> types = loadShippedInstanceTypes();
    attachShippedCpuScores(types, loadShippedCpuScores(), shippedCpuScoresFile(), true);
    return Catalog(std::move(types), loadShippedBootTimes());
}

void Catalog::seedShipped(Workspace& ws)
{
    const QVector<InstanceType> types = loadShippedInstanceTypes();
    QSqlDatabase db = ws.database();
    Transaction tx(db);
    upsertInstanceTypes(db, types, CatalogOrigin::Shipped);
    tx.commit();
}

int Catalog::importUserRows(Workspace& ws, const QVector<InstanceType>& rows)
{
    QSqlDatabase db = ws.database();
    Transaction tx(db);
    upsertRows(db, rows, true);
    tx.commit();
    return int(rows.size());
}

void Catalog::upsertRows(const QSqlDatabase& db, const QVector<InstanceType>& rows, bool user)
{
    upsertInstanceTypes(db, rows, user ? CatalogOrigin::User : CatalogOrigin::Shipped);
}

Catalog Catalog::load(const Workspace& ws)
{
    QVector<InstanceType> types;
    QHash<QString, int> byKey;
    for (StoredInstanceType& row : storedInstanceTypes(ws)) {
        InstanceType& t = row.type;
        // Shipped scores come from cpu_scores.csv with their source (below); a score in the
        // workspace's catalog is one the user stated in a row of their own.
        if (t.userOverride && row.statedCpuScore > 0) {
            t.cpuScore = row.statedCpuScore;
            t.cpuScoreOrigin = InstanceType::CpuScoreOrigin::CatalogRow;
            t.cpuScoreSource = QStringLiteral("cpu_score of your catalog row (%1, %2)").arg(t.source, t.sourceDate);
        }
        const QString key = t.key().toLower();
        const auto it = byKey.constFind(key);
        if (it == byKey.constEnd()) {
            byKey.insert(key, int(types.size()));
            types << t;
        } else if (t.userOverride) {
            types[*it] = t;  // a user row replaces the shipped row of the same key
        }
    }
    attachShippedCpuScores(types, loadShippedCpuScores(), shippedCpuScoresFile(), false);
    applyWorkspaceCpuScores(types, ws);
    CurrencyRates rates;
    bool ok = false;
    const double rate = ws.setting(QStringLiteral("currency.eur_usd")).toDouble(&ok);
    if (ok && rate > 0) rates.eurToUsd = rate;
    return Catalog(std::move(types), loadShippedBootTimes(), rates);
}

std::optional<InstanceType> Catalog::find(const QString& key) const
{
    for (const InstanceType& t : types_)
        if (t.key().compare(key, Qt::CaseInsensitive) == 0) return t;
    return std::nullopt;
}

namespace {

double medianOf(const QVector<ProviderBootTimes>& boots, double ProviderBootTimes::*field)
{
    std::vector<double> v;
    for (const ProviderBootTimes& b : boots) v.push_back(b.*field);
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

std::optional<ProviderBootTimes> Catalog::bootTimesOf(const QString& provider) const
{
    QVector<ProviderBootTimes> measured;
    for (const ProviderBootTimes& b : boots_) {
        if (b.provider.compare(provider, Qt::CaseInsensitive) == 0) return b;
        if (b.userDataStartP50 > 0) measured << b;
    }
    if (measured.isEmpty()) return std::nullopt;
    // A provider nobody has timed boots about as fast as a typical one; better a stated middle
    // figure than no plan at all for its instance types.
    ProviderBootTimes b;
    b.provider = provider;
    b.assumed = true;
    b.machineStartP50 = medianOf(measured, &ProviderBootTimes::machineStartP50);
    b.machineStartP95 = medianOf(measured, &ProviderBootTimes::machineStartP95);
    b.userDataStartP50 = medianOf(measured, &ProviderBootTimes::userDataStartP50);
    b.userDataStartP90 = medianOf(measured, &ProviderBootTimes::userDataStartP90);
    b.userDataStartP95 = medianOf(measured, &ProviderBootTimes::userDataStartP95);
    QStringList names;
    QString latest;
    for (const ProviderBootTimes& m : measured) {
        names << m.provider;
        latest = std::max(latest, m.sourceDate);
    }
    b.source = QStringLiteral("assumed: no published boot timings for %1; median of the %2 providers that have them (%3)")
                   .arg(provider)
                   .arg(measured.size())
                   .arg(names.join(QStringLiteral(", ")));
    b.sourceDate = latest;
    return b;
}

QStringList Catalog::providers() const
{
    QStringList out;
    for (const InstanceType& t : types_)
        if (!out.contains(t.provider)) out << t.provider;
    return out;
}

}  // namespace headroom
