#include "run_record.h"

#include "sql.h"
#include "transaction.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLocale>

namespace headroom::runs {

namespace {

QString json(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject object(const QVariant& v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray compact(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

RunKind kindFromName(const QString& name)
{
    if (name == QLatin1String("recommend")) return RunKind::Recommend;
    if (name == QLatin1String("validate")) return RunKind::Validate;
    return RunKind::Simulate;
}

const char* const kListColumns =
    "id, kind, key_sha256, scenario_name, seed, replications, options, program_version, started_at, finished_at, wall_s, headline";

StoredRun fromRow(const QSqlQuery& q, bool withBodies)
{
    StoredRun r;
    r.id = q.value(0).toLongLong();
    r.kind = kindFromName(q.value(1).toString());
    r.keySha256 = q.value(2).toString();
    r.scenarioName = q.value(3).toString();
    r.seed = q.value(4).toString().toULongLong();
    r.replications = q.value(5).toInt();
    r.options = object(q.value(6));
    r.programVersion = q.value(7).toString();
    r.startedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    r.finishedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    r.wallS = q.value(10).toDouble();
    r.headline = q.value(11).toString();
    if (withBodies) {
        r.result = object(q.value(12));
        r.detail = object(q.value(13));
    }
    return r;
}

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

QString StoredRun::madeAtText() const
{
    const QDateTime local = finishedAt.toLocalTime();
    return QStringLiteral("made at %1 on %2 by Headroom %3")
        .arg(local.toString(QStringLiteral("HH:mm")), local.toString(QStringLiteral("yyyy-MM-dd")), programVersion);
}

qint64 saveRun(const Workspace& ws, const RunKey& key, const QDateTime& startedAt, double wallS, const QString& headline,
               const QJsonObject& result, const QJsonObject& detail)
{
    const QSqlDatabase db = ws.database();
    Transaction tx(db);
    const QSqlQuery q = sql::exec(db, QStringLiteral(
        "INSERT INTO run (kind, key_sha256, scenario_name, scenario_json, scenario_sha256, seed, replications, options, "
        "catalog_sha256, datasets_sha256, program_version, result_format, started_at, finished_at, wall_s, headline, "
        "result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {runKindName(key.kind), key.digest(), key.scenarioName.isNull() ? QStringLiteral("") : key.scenarioName, QString::fromUtf8(key.scenarioJson), key.scenarioSha256,
         QString::number(key.seed), key.replications, json(key.options), key.catalogSha256, key.datasetsSha256,
         key.programVersion, key.resultFormat, startedAt.toUTC().toString(Qt::ISODateWithMs),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), wallS, headline, json(result), json(detail)});
    const qint64 id = q.lastInsertId().toLongLong();
    tx.commit();
    return id;
}

std::optional<StoredRun> findRun(const Workspace& ws, const RunKey& key)
{
    QSqlQuery q = sql::exec(ws.database(),
        QStringLiteral("SELECT %1, result, detail FROM run WHERE kind = ? AND key_sha256 = ? AND result_format = ? "
                       "ORDER BY id DESC LIMIT 1").arg(QLatin1String(kListColumns)),
        {runKindName(key.kind), key.digest(), key.resultFormat});
    if (!q.next()) return std::nullopt;
    return fromRow(q, true);
}

std::optional<StoredRun> runById(const Workspace& ws, qint64 id)
{
    QSqlQuery q = sql::exec(ws.database(),
        QStringLiteral("SELECT %1, result, detail FROM run WHERE id = ?").arg(QLatin1String(kListColumns)), {id});
    if (!q.next()) return std::nullopt;
    return fromRow(q, true);
}

std::optional<RunInputs> runInputs(const Workspace& ws, qint64 id)
{
    QSqlQuery q = sql::exec(ws.database(), QStringLiteral(
        "SELECT scenario_sha256, catalog_sha256, datasets_sha256, result_format FROM run WHERE id = ?"), {id});
    if (!q.next()) return std::nullopt;
    return RunInputs{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()};
}

std::vector<StoredRun> listRuns(const Workspace& ws)
{
    std::vector<StoredRun> out;
    QSqlQuery q = sql::exec(ws.database(),
        QStringLiteral("SELECT %1 FROM run ORDER BY id DESC").arg(QLatin1String(kListColumns)));
    while (q.next()) out.push_back(fromRow(q, false));
    return out;
}

bool deleteRun(const Workspace& ws, qint64 id)
{
    const QSqlDatabase db = ws.database();
    Transaction tx(db);
    const QSqlQuery q = sql::exec(db, QStringLiteral("DELETE FROM run WHERE id = ?"), {id});
    const bool deleted = q.numRowsAffected() > 0;
    tx.commit();
    return deleted;
}

}  // namespace headroom::runs
