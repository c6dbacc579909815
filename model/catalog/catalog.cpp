#include "catalog.h"

#include "catalog_files.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QHash>
#include <algorithm>
#include <QSqlQuery>
#include <QSqlRecord>

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

namespace {

qint64 providerId(const QSqlDatabase& db, const QString& key)
{
    sql::exec(db, QStringLiteral("INSERT INTO provider(key, display_name) VALUES(?, ?) ON CONFLICT(key) DO NOTHING"),
              {key, key});
    return sql::scalar(db, QStringLiteral("SELECT id FROM provider WHERE key = ?"), {key}).toLongLong();
}

void upsert(const QSqlDatabase& db, QSqlQuery& q, const InstanceType& t, const QString& origin)
{
    const QVariant null;
    auto orNull = [&](double v) { return v == 0 ? null : QVariant(v); };
    q.bindValue(0, providerId(db, t.provider));
    q.bindValue(1, t.name);
    q.bindValue(2, origin);
    q.bindValue(3, t.region);
    q.bindValue(4, t.vcpu);
    q.bindValue(5, t.memoryGib);
    q.bindValue(6, t.arch);
    q.bindValue(7, t.pricePerHour);
    q.bindValue(8, t.currency);
    q.bindValue(9, t.priceBasis);
    q.bindValue(10, orNull(t.monthlyCap));
    q.bindValue(11, int(t.burstable));
    q.bindValue(12, t.baselinePctPerVcpu);
    q.bindValue(13, orNull(t.creditsPerHour));
    q.bindValue(14, orNull(t.maxCredits));
    q.bindValue(15, int(t.dedicatedCpu));
    q.bindValue(16, orNull(t.networkGbps));
    q.bindValue(17, orNull(t.cpuScore));
    q.bindValue(18, t.source);
    q.bindValue(19, t.sourceDate);
    sql::execPrepared(q);
}

QSqlQuery prepareUpsert(const QSqlDatabase& db)
{
    return sql::prepare(db, QStringLiteral(
        "INSERT INTO instance_type(provider_id, name, origin, region, vcpu, memory_gib, arch, price_per_hour, "
        "currency, price_basis, monthly_cap, burstable, baseline_pct_per_vcpu, credits_per_hour, max_credits, "
        "dedicated_cpu, network_gbps, cpu_score, source, source_date) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(provider_id, name, origin) DO UPDATE SET region=excluded.region, vcpu=excluded.vcpu, "
        "memory_gib=excluded.memory_gib, arch=excluded.arch, price_per_hour=excluded.price_per_hour, "
        "currency=excluded.currency, price_basis=excluded.price_basis, monthly_cap=excluded.monthly_cap, "
        "burstable=excluded.burstable, baseline_pct_per_vcpu=excluded.baseline_pct_per_vcpu, "
        "credits_per_hour=excluded.credits_per_hour, max_credits=excluded.max_credits, "
        "dedicated_cpu=excluded.dedicated_cpu, network_gbps=excluded.network_gbps, cpu_score=excluded.cpu_score, "
        "source=excluded.source, source_date=excluded.source_date"));
}

}  // namespace

void Catalog::seedShipped(Workspace& ws)
{
    const QVector<InstanceType> types = loadShippedInstanceTypes();
    QSqlDatabase db = ws.database();
    Transaction tx(db);
    upsertRows(db, types, false);
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
    QSqlQuery q = prepareUpsert(db);
    const QString origin = user ? QStringLiteral("user") : QStringLiteral("shipped");
    for (const InstanceType& t : rows) upsert(db, q, t, origin);
}

Catalog Catalog::load(const Workspace& ws)
{
    QSqlDatabase db = ws.database();
    QSqlQuery q = sql::exec(db, QStringLiteral(
        "SELECT p.key, t.name, t.origin, t.region, t.vcpu, t.memory_gib, t.arch, t.price_per_hour, t.currency, "
        "t.price_basis, t.monthly_cap, t.burstable, t.baseline_pct_per_vcpu, t.credits_per_hour, t.max_credits, "
        "t.dedicated_cpu, t.network_gbps, t.cpu_score, t.source, t.source_date "
        "FROM instance_type t JOIN provider p ON p.id = t.provider_id ORDER BY p.key, t.price_per_hour, t.name"));
    QVector<InstanceType> types;
    QHash<QString, int> byKey;
    while (q.next()) {
        InstanceType t;
        t.provider = q.value(0).toString();
        t.name = q.value(1).toString();
        t.userOverride = q.value(2).toString() == QLatin1String("user");
        t.region = q.value(3).toString();
        t.vcpu = q.value(4).toInt();
        t.memoryGib = q.value(5).toDouble();
        t.arch = q.value(6).toString();
        t.pricePerHour = q.value(7).toDouble();
        t.currency = q.value(8).toString();
        t.priceBasis = q.value(9).toString();
        t.monthlyCap = q.value(10).toDouble();
        t.burstable = q.value(11).toBool();
        t.baselinePctPerVcpu = q.value(12).isNull() ? 100 : q.value(12).toDouble();
        t.creditsPerHour = q.value(13).toDouble();
        t.maxCredits = q.value(14).toDouble();
        t.dedicatedCpu = q.value(15).toBool();
        t.networkGbps = q.value(16).toDouble();
        // Shipped scores come from cpu_scores.csv with their source (below); a score in the
        // workspace's catalog is one the user stated in a row of their own.
        if (t.userOverride && q.value(17).toDouble() > 0) {
            t.cpuScore = q.value(17).toDouble();
            t.cpuScoreOrigin = InstanceType::CpuScoreOrigin::CatalogRow;
            t.cpuScoreSource = QStringLiteral("cpu_score of your catalog row (%1, %2)").arg(q.value(18).toString(), q.value(19).toString());
        }
        t.source = q.value(18).toString();
        t.sourceDate = q.value(19).toString();
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
