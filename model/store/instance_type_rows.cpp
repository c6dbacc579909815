#include "instance_type_rows.h"

#include "sql.h"
#include "workspace.h"

namespace headroom {

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

}  // namespace

void upsertInstanceTypes(const QSqlDatabase& db, const QVector<InstanceType>& rows, CatalogOrigin origin)
{
    QSqlQuery q = sql::prepare(db, QStringLiteral(
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
    const QString name = origin == CatalogOrigin::User ? QStringLiteral("user") : QStringLiteral("shipped");
    for (const InstanceType& t : rows) upsert(db, q, t, name);
}

QVector<StoredInstanceType> storedInstanceTypes(const Workspace& ws)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT p.key, t.name, t.origin, t.region, t.vcpu, t.memory_gib, t.arch, t.price_per_hour, t.currency, "
        "t.price_basis, t.monthly_cap, t.burstable, t.baseline_pct_per_vcpu, t.credits_per_hour, t.max_credits, "
        "t.dedicated_cpu, t.network_gbps, t.cpu_score, t.source, t.source_date "
        "FROM instance_type t JOIN provider p ON p.id = t.provider_id ORDER BY p.key, t.price_per_hour, t.name"));
    QVector<StoredInstanceType> out;
    while (q.next()) {
        StoredInstanceType row;
        InstanceType& t = row.type;
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
        row.statedCpuScore = q.value(17).toDouble();
        t.source = q.value(18).toString();
        t.sourceDate = q.value(19).toString();
        out << row;
    }
    return out;
}

bool hasShippedInstanceTypes(const Workspace& ws)
{
    return sql::scalar(ws.database(), QStringLiteral("SELECT count(*) FROM instance_type WHERE origin = 'shipped'")).toInt() > 0;
}

}  // namespace headroom
