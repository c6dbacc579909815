#include "run_key.h"

#include "catalog/catalog.h"
#include "recommendation_codec.h"
#include "scenario/scenario_writer.h"
#include "store/sql.h"
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

QString runKindName(RunKind kind)
{
    switch (kind) {
    case RunKind::Simulate: return QStringLiteral("simulate");
    case RunKind::Recommend: return QStringLiteral("recommend");
    case RunKind::Validate: break;
    }
    return QStringLiteral("validate");
}

QString RunKey::digest() const
{
    // Every field, in a fixed order, each under its own name so that no two keys run together.
    const QJsonObject all{{QStringLiteral("kind"), runKindName(kind)},
                          {QStringLiteral("scenario_sha256"), scenarioSha256},
                          {QStringLiteral("seed"), QString::number(seed)},
                          {QStringLiteral("replications"), replications},
                          {QStringLiteral("options"), options},
                          {QStringLiteral("catalog_sha256"), catalogSha256},
                          {QStringLiteral("datasets_sha256"), datasetsSha256},
                          {QStringLiteral("program_version"), programVersion},
                          {QStringLiteral("result_format"), resultFormat}};
    return sha256(compact(all));
}

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
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral("SELECT id, sha256, imported_at FROM dataset ORDER BY id"));
    QByteArray text;
    while (q.next())
        text += q.value(0).toByteArray() + ' ' + q.value(1).toByteArray() + ' ' + q.value(2).toByteArray() + '\n';
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
    key.programVersion = QStringLiteral(HEADROOM_VERSION);
    return key;
}

}  // namespace headroom::runs
