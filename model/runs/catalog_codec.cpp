#include "catalog_codec.h"

#include "catalog/catalog.h"
#include "codec_values.h"
#include "recommendation_codec.h"

namespace headroom::runs {

using namespace codec;

QJsonObject encodeCatalog(const Catalog& catalog)
{
    QJsonArray types, boots;
    for (const InstanceType& t : catalog.instanceTypes()) types.append(encodeInstanceType(t));
    for (const ProviderBootTimes& b : catalog.bootTimes())
        boots.append(QJsonObject{{QStringLiteral("provider"), b.provider},
                                 {QStringLiteral("runs"), b.runs},
                                 {QStringLiteral("machine_start_s"), QJsonArray{num(b.machineStartP50), num(b.machineStartP95)}},
                                 {QStringLiteral("user_data_start_s"), QJsonArray{num(b.userDataStartP50), num(b.userDataStartP90),
                                                                                 num(b.userDataStartP95)}},
                                 {QStringLiteral("source"), b.source},
                                 {QStringLiteral("source_date"), b.sourceDate},
                                 {QStringLiteral("assumed"), b.assumed}});
    return QJsonObject{{QStringLiteral("instance_types"), types},
                       {QStringLiteral("boot_times"), boots},
                       {QStringLiteral("eur_to_usd"), num(catalog.rates().eurToUsd)}};
}

Catalog decodeCatalog(const QJsonObject& object)
{
    QVector<InstanceType> types;
    for (const QJsonValue& v : object.value(QStringLiteral("instance_types")).toArray()) types.append(decodeInstanceType(v.toObject()));
    QVector<ProviderBootTimes> boots;
    for (const QJsonValue& v : object.value(QStringLiteral("boot_times")).toArray()) {
        const QJsonObject o = v.toObject();
        ProviderBootTimes b;
        b.provider = o.value(QStringLiteral("provider")).toString();
        b.runs = o.value(QStringLiteral("runs")).toInt();
        const QJsonArray machine = o.value(QStringLiteral("machine_start_s")).toArray();
        b.machineStartP50 = toNum(machine.at(0));
        b.machineStartP95 = toNum(machine.at(1));
        const QJsonArray userData = o.value(QStringLiteral("user_data_start_s")).toArray();
        b.userDataStartP50 = toNum(userData.at(0));
        b.userDataStartP90 = toNum(userData.at(1));
        b.userDataStartP95 = toNum(userData.at(2));
        b.source = o.value(QStringLiteral("source")).toString();
        b.sourceDate = o.value(QStringLiteral("source_date")).toString();
        b.assumed = o.value(QStringLiteral("assumed")).toBool();
        boots.append(b);
    }
    CurrencyRates rates;
    rates.eurToUsd = toNum(object.value(QStringLiteral("eur_to_usd")));
    return Catalog(std::move(types), std::move(boots), rates);
}

}  // namespace headroom::runs
