#include "run_key.h"
#include "results_version.h"

#include "catalog/catalog.h"
#include "recommendation_codec.h"
#include "scenario/scenario_writer.h"
#include "store/dataset_repository.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace headroom::runs {

namespace {

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray compact(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

}  // namespace

QByteArray canonicalScenarioJson(const Scenario& scenario)
{
    // QJsonObject keeps its keys sorted, and the writer spells every parsed value, so two files
    // that differ only in layout, key order or number spelling give the same bytes.
    return compact(scenarioToJson(scenario));
}

QString catalogFingerprint(const Catalog& catalog)
{
    QJsonArray types, boots;
    for (const InstanceType& t : catalog.instanceTypes()) types.append(encodeInstanceType(t));
    for (const ProviderBootTimes& b : catalog.bootTimes())
        boots.append(QJsonArray{b.provider, b.runs, b.machineStartP50, b.machineStartP95, b.userDataStartP50,
                                b.userDataStartP90, b.userDataStartP95, b.source, b.sourceDate, b.assumed});
    return sha256(compact(QJsonObject{{QStringLiteral("instance_types"), types},
                                      {QStringLiteral("boot_times"), boots},
                                      {QStringLiteral("eur_to_usd"), catalog.rates().eurToUsd}}));
}

QString datasetsFingerprint(const Workspace& ws)
{
    QByteArray text;
    for (const DatasetStamp& d : datasetStamps(ws))
        text += QByteArray::number(d.id) + ' ' + d.sha256.toUtf8() + ' ' + d.importedAt.toUtf8() + '\n';
    return sha256(text);
}

RunKey makeRunKey(RunKind kind, const Scenario& scenario, quint64 seed, int replications, const QJsonObject& options,
                  const Catalog& catalog, const Workspace& ws)
{
    RunKey key;
    key.kind = kind;
    key.scenarioName = scenario.name;
    key.scenarioJson = canonicalScenarioJson(scenario);
    key.scenarioSha256 = sha256(key.scenarioJson);
    key.seed = seed;
    key.replications = replications;
    key.options = options;
    key.catalogSha256 = catalogFingerprint(catalog);
    key.datasetsSha256 = datasetsFingerprint(ws);
    key.programVersion = QStringLiteral(HEADROOM_RESULTS_VERSION);
    return key;
}

}  // namespace headroom::runs
