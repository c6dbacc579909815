#include "recommend_part.h"
#include "results_version.h"

#include "catalog_codec.h"
#include "core/errors.h"
#include "recommendation_codec.h"
#include "run_key.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace headroom::runs {

namespace {

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList strings(const QJsonArray& a)
{
    QStringList out;
    for (const QJsonValue& v : a) out << v.toString();
    return out;
}

// Reads the fields of a part file, each checked for its kind, with errors naming the JSON path.
class PartReader {
public:
    PartReader(QString file, QJsonObject root) : file_(std::move(file)), root_(std::move(root)) {}

    QJsonValue field(const QJsonObject& o, const QString& path, const QString& key, QJsonValue::Type type,
                     const char* expected) const
    {
        const QJsonValue v = o.value(key);
        if (v.type() != type) fail(path + QLatin1Char('.') + key, QStringLiteral("expected %1").arg(QLatin1String(expected)));
        return v;
    }
    QString text(const QString& key) const { return field(root_, QStringLiteral("$"), key, QJsonValue::String, "a string").toString(); }
    QJsonObject object(const QString& key) const
    {
        return field(root_, QStringLiteral("$"), key, QJsonValue::Object, "an object").toObject();
    }
    QJsonArray array(const QString& key) const { return field(root_, QStringLiteral("$"), key, QJsonValue::Array, "an array").toArray(); }
    [[noreturn]] void fail(const QString& path, const QString& what) const
    {
        throw InputError(QStringLiteral("%1: %2").arg(file_, path), what);
    }

private:
    QString file_;
    QJsonObject root_;
};

}  // namespace

QJsonObject recommendOptionsToJson(const RecommendOptions& o)
{
    return QJsonObject{{QStringLiteral("providers"), QJsonArray::fromStringList(o.providers)},
                       {QStringLiteral("instance_types"), QJsonArray::fromStringList(o.instanceTypes)},
                       {QStringLiteral("confidence"), o.confidence},
                       {QStringLiteral("min_replications"), o.minReplications},
                       {QStringLiteral("max_replications"), o.maxReplications},
                       {QStringLiteral("max_nodes"), o.maxNodes},
                       {QStringLiteral("short_replications"), o.shortReplications},
                       {QStringLiteral("short_span_s"), o.shortSpanS},
                       {QStringLiteral("oversize_factor"), o.oversizeFactor},
                       {QStringLiteral("confirm_at_once"), o.confirmAtOnce},
                       {QStringLiteral("sensitivity"), o.sensitivity}};
}

RecommendOptions recommendOptionsFromJson(const QJsonObject& j)
{
    RecommendOptions o;
    o.providers = strings(j.value(QStringLiteral("providers")).toArray());
    o.instanceTypes = strings(j.value(QStringLiteral("instance_types")).toArray());
    o.confidence = j.value(QStringLiteral("confidence")).toDouble(o.confidence);
    o.minReplications = j.value(QStringLiteral("min_replications")).toInt(o.minReplications);
    o.maxReplications = j.value(QStringLiteral("max_replications")).toInt(o.maxReplications);
    o.maxNodes = j.value(QStringLiteral("max_nodes")).toInt(o.maxNodes);
    o.shortReplications = j.value(QStringLiteral("short_replications")).toInt(o.shortReplications);
    o.shortSpanS = j.value(QStringLiteral("short_span_s")).toDouble(o.shortSpanS);
    o.oversizeFactor = j.value(QStringLiteral("oversize_factor")).toDouble(o.oversizeFactor);
    o.confirmAtOnce = j.value(QStringLiteral("confirm_at_once")).toInt(o.confirmAtOnce);
    o.sensitivity = j.value(QStringLiteral("sensitivity")).toBool(o.sensitivity);
    return o;
}

RecommendPart makePart(const ShardEvaluations& shard, const Catalog& catalog, const RecommendOptions& options,
                       const QString& scenarioFile, int index, int count)
{
    RecommendPart p;
    p.programVersion = QStringLiteral(HEADROOM_RESULTS_VERSION);
    p.scenarioFile = scenarioFile;
    const QByteArray canonical = canonicalScenarioJson(shard.planned);
    p.scenario = QJsonDocument::fromJson(canonical).object();
    p.scenarioSha256 = sha256(canonical);
    p.catalog = encodeCatalog(catalog);
    p.catalogSha256 = catalogFingerprint(catalog);
    p.options = recommendOptionsToJson(options);
    p.candidateIds = shard.candidateIds;
    p.candidatesSha256 = sha256(shard.candidateIds.join(QLatin1Char('\n')).toUtf8());
    p.assigned = shard.assigned;
    p.shardIndex = index;
    p.shardCount = count;
    p.evaluations = shard.evaluations;
    return p;
}

void writePartFile(const RecommendPart& p, const QString& path)
{
    QJsonArray evaluations;
    for (const auto& [request, e] : p.evaluations)
        evaluations.append(QJsonObject{{QStringLiteral("candidate"), request.candidateId},
                                       {QStringLiteral("nodes"), request.nodes},
                                       {QStringLiteral("full_length"), request.fullLength},
                                       {QStringLiteral("evaluation"), encodeEvaluation(e)}});
    const QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kPartFormat)},
        {QStringLiteral("program_version"), p.programVersion},
        {QStringLiteral("scenario_file"), p.scenarioFile},
        {QStringLiteral("scenario"), p.scenario},
        {QStringLiteral("scenario_sha256"), p.scenarioSha256},
        {QStringLiteral("catalog"), p.catalog},
        {QStringLiteral("catalog_sha256"), p.catalogSha256},
        {QStringLiteral("options"), p.options},
        {QStringLiteral("candidates"), QJsonArray::fromStringList(p.candidateIds)},
        {QStringLiteral("candidates_sha256"), p.candidatesSha256},
        {QStringLiteral("shard"), QJsonObject{{QStringLiteral("index"), p.shardIndex},
                                              {QStringLiteral("count"), p.shardCount},
                                              {QStringLiteral("candidates"), QJsonArray::fromStringList(p.assigned)}}},
        {QStringLiteral("evaluations"), evaluations},
        {QStringLiteral("end"), QJsonObject{{QStringLiteral("evaluations"), int(p.evaluations.size())}}}};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
        throw RuntimeFailure(QStringLiteral("%1: cannot write the part file: %2").arg(path, out.errorString()));
}

RecommendPart readPartFile(const QString& path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) throw InputError(path, QStringLiteral("cannot read the part file: %1").arg(in.errorString()));
    const QByteArray bytes = in.readAll();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const bool truncated = error.offset >= bytes.size() - 1 || error.error == QJsonParseError::UnterminatedObject
                               || error.error == QJsonParseError::UnterminatedArray || error.error == QJsonParseError::UnterminatedString;
        throw InputError(QStringLiteral("%1: byte %2").arg(path).arg(error.offset),
                         truncated ? QStringLiteral("the part file ends early (truncated?): %1").arg(error.errorString())
                                   : QStringLiteral("not a part file (JSON): %1").arg(error.errorString()));
    }
    if (!doc.isObject()) throw InputError(path + QStringLiteral(": $"), QStringLiteral("expected a JSON object (a part file)"));
    const QJsonObject root = doc.object();
    const PartReader r(path, root);
    if (r.text(QStringLiteral("format")) != QLatin1String(kPartFormat))
        r.fail(QStringLiteral("$.format"), QStringLiteral("expected \"%1\", got \"%2\"")
                                               .arg(QLatin1String(kPartFormat), root.value(QStringLiteral("format")).toString()));
    RecommendPart p;
    p.file = path;
    p.programVersion = r.text(QStringLiteral("program_version"));
    p.scenarioFile = r.text(QStringLiteral("scenario_file"));
    p.scenario = r.object(QStringLiteral("scenario"));
    p.scenarioSha256 = r.text(QStringLiteral("scenario_sha256"));
    p.catalog = r.object(QStringLiteral("catalog"));
    p.catalogSha256 = r.text(QStringLiteral("catalog_sha256"));
    p.options = r.object(QStringLiteral("options"));
    p.candidateIds = strings(r.array(QStringLiteral("candidates")));
    p.candidatesSha256 = r.text(QStringLiteral("candidates_sha256"));
    const QJsonObject shard = r.object(QStringLiteral("shard"));
    p.shardIndex = r.field(shard, QStringLiteral("$.shard"), QStringLiteral("index"), QJsonValue::Double, "a number").toInt(-1);
    p.shardCount = r.field(shard, QStringLiteral("$.shard"), QStringLiteral("count"), QJsonValue::Double, "a number").toInt(0);
    if (p.shardCount < 1 || p.shardIndex < 0 || p.shardIndex >= p.shardCount)
        r.fail(QStringLiteral("$.shard"), QStringLiteral("expected 0 ≤ index < count, got %1/%2").arg(p.shardIndex).arg(p.shardCount));
    p.assigned = strings(r.field(shard, QStringLiteral("$.shard"), QStringLiteral("candidates"), QJsonValue::Array, "an array").toArray());
    const QJsonArray evaluations = r.array(QStringLiteral("evaluations"));
    const QJsonObject end = r.object(QStringLiteral("end"));
    const int count = r.field(end, QStringLiteral("$.end"), QStringLiteral("evaluations"), QJsonValue::Double, "a number").toInt(-1);
    if (count != evaluations.size())
        r.fail(QStringLiteral("$.evaluations"), QStringLiteral("expected %1 evaluations (as $.end says), found %2").arg(count).arg(evaluations.size()));
    for (qsizetype i = 0; i < evaluations.size(); ++i) {
        const QString at = QStringLiteral("$.evaluations[%1]").arg(i);
        if (!evaluations[i].isObject()) r.fail(at, QStringLiteral("expected an object"));
        const QJsonObject o = evaluations[i].toObject();
        EvaluationRequest request;
        request.candidateId = r.field(o, at, QStringLiteral("candidate"), QJsonValue::String, "a string").toString();
        request.nodes = r.field(o, at, QStringLiteral("nodes"), QJsonValue::Double, "a number").toInt();
        request.fullLength = r.field(o, at, QStringLiteral("full_length"), QJsonValue::Bool, "true or false").toBool();
        if (!p.assigned.contains(request.candidateId))
            r.fail(at + QStringLiteral(".candidate"),
                   QStringLiteral("\"%1\" is not a candidate of this shard (%2/%3)").arg(request.candidateId).arg(p.shardIndex).arg(p.shardCount));
        const QJsonObject e = r.field(o, at, QStringLiteral("evaluation"), QJsonValue::Object, "an object").toObject();
        p.evaluations.emplace_back(request, decodeEvaluation(e));
    }
    return p;
}

}  // namespace headroom::runs
