#include "recommend_merge.h"
#include "results_version.h"

#include "catalog/catalog.h"
#include "catalog_codec.h"
#include "core/errors.h"
#include "plan/candidate_hash.h"
#include "plan/recommender.h"
#include "run_key.h"
#include "scenario/scenario_parser.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

namespace headroom::runs {

namespace {

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString shardName(const RecommendPart& p) { return QStringLiteral("shard %1/%2").arg(p.shardIndex).arg(p.shardCount); }

// Every part must say the same as the first about what was computed.
void checkAgreement(const RecommendPart& first, const RecommendPart& p)
{
    auto differ = [&](const char* field, const QString& mine, const QString& theirs, const QString& what) {
        throw InputError(QStringLiteral("%1: $.%2").arg(p.file, QLatin1String(field)),
                         QStringLiteral("%1 differs from %2's (%3 here, %4 in %2): parts of different runs cannot be merged")
                             .arg(what, first.file, mine, theirs));
    };
    if (p.programVersion != first.programVersion)
        differ("program_version", p.programVersion, first.programVersion, QStringLiteral("the program version"));
    if (p.scenarioSha256 != first.scenarioSha256)
        differ("scenario_sha256", p.scenarioSha256.left(12), first.scenarioSha256.left(12), QStringLiteral("the scenario"));
    if (p.catalogSha256 != first.catalogSha256)
        differ("catalog_sha256", p.catalogSha256.left(12), first.catalogSha256.left(12), QStringLiteral("the catalog"));
    if (p.options != first.options)
        differ("options", QString::fromUtf8(QJsonDocument(p.options).toJson(QJsonDocument::Compact)),
               QString::fromUtf8(QJsonDocument(first.options).toJson(QJsonDocument::Compact)), QStringLiteral("the options"));
    if (p.candidatesSha256 != first.candidatesSha256)
        differ("candidates_sha256", QString::number(p.candidateIds.size()) + QStringLiteral(" candidates"),
               QString::number(first.candidateIds.size()) + QStringLiteral(" candidates"), QStringLiteral("the candidate set"));
    if (p.shardCount != first.shardCount)
        differ("shard.count", QString::number(p.shardCount), QString::number(first.shardCount), QStringLiteral("the number of shards"));
}

// A part's own content must match its fingerprints, and its shard the candidates the hash gives it.
void checkSelfConsistent(const RecommendPart& p)
{
    if (catalogFingerprint(decodeCatalog(p.catalog)) != p.catalogSha256)
        throw InputError(p.file + QStringLiteral(": $.catalog"), QStringLiteral("the catalog does not match $.catalog_sha256 (edited?)"));
    if (sha256(QJsonDocument(p.scenario).toJson(QJsonDocument::Compact)) != p.scenarioSha256)
        throw InputError(p.file + QStringLiteral(": $.scenario"), QStringLiteral("the scenario does not match $.scenario_sha256 (edited?)"));
    if (sha256(p.candidateIds.join(QLatin1Char('\n')).toUtf8()) != p.candidatesSha256)
        throw InputError(p.file + QStringLiteral(": $.candidates"), QStringLiteral("the candidates do not match $.candidates_sha256 (edited?)"));
    QStringList expected;
    for (const QString& id : p.candidateIds)
        if (candidateShard(id, p.shardCount) == p.shardIndex) expected << id;
    if (expected != p.assigned)
        throw InputError(p.file + QStringLiteral(": $.shard.candidates"),
                         QStringLiteral("expected the candidates %1 assigns to it (%2), found %3")
                             .arg(shardName(p), expected.join(QLatin1Char(',')), p.assigned.join(QLatin1Char(','))));
}

}  // namespace

MergedRecommendation mergeParts(const std::vector<RecommendPart>& parts, const RecommendOptions& runtime)
{
    if (parts.empty()) throw InputError(QStringLiteral("--merge"), QStringLiteral("expected one part file per shard, got none"));
    const RecommendPart& first = parts.front();
    // Its decisions are replayed with this program's code: another version may decide otherwise.
    if (first.programVersion != QLatin1String(HEADROOM_RESULTS_VERSION))
        throw InputError(first.file + QStringLiteral(": $.program_version"),
                         QStringLiteral("made by headroom %1; this is headroom %2: merge with the version that made the parts")
                             .arg(first.programVersion, QStringLiteral(HEADROOM_RESULTS_VERSION)));
    std::map<int, const RecommendPart*> byIndex;
    for (const RecommendPart& p : parts) {
        checkAgreement(first, p);
        const auto [it, added] = byIndex.emplace(p.shardIndex, &p);
        if (!added)
            throw InputError(p.file + QStringLiteral(": $.shard"),
                             QStringLiteral("%1 is given twice (also %2): expected each shard once").arg(shardName(p), it->second->file));
    }
    QStringList missing;
    for (int i = 0; i < first.shardCount; ++i)
        if (!byIndex.count(i)) missing << QStringLiteral("%1/%2").arg(i).arg(first.shardCount);
    if (!missing.isEmpty())
        throw InputError(QStringLiteral("--merge"), QStringLiteral("shard %1 missing: expected %2 part files (shards 0/%2 to %3/%2), got %4")
                                                        .arg(missing.join(QStringLiteral(", ")))
                                                        .arg(first.shardCount)
                                                        .arg(first.shardCount - 1)
                                                        .arg(parts.size()));

    const Catalog catalog = decodeCatalog(first.catalog);
    using Key = std::tuple<QString, int, bool>;
    std::map<Key, Evaluation> known;
    for (const RecommendPart& p : parts) {
        checkSelfConsistent(p);
        for (const auto& [request, e] : p.evaluations) known.emplace(Key{request.candidateId, request.nodes, request.fullLength}, e);
    }
    Scenario scenario;
    try {
        scenario = parseScenarioObject(first.scenario, first.scenarioFile);
    } catch (const InputError& e) {
        // The scenario's own path inside it ("s.json: $.traffic") is only findable in the part.
        throw InputError(first.file + QStringLiteral(": $.scenario"), e.text());
    }

    RecommendOptions options = recommendOptionsFromJson(first.options);
    options.threads = runtime.threads;
    options.progress = runtime.progress;
    options.cancel = runtime.cancel;
    std::atomic<int> found{0}, simulated{0};
    static const bool trace = std::getenv("HEADROOM_PLAN_TRACE") != nullptr;
    options.evaluations = [&](const EvaluationRequest& request, const std::function<Evaluation()>& simulate) {
        const auto it = known.find(Key{request.candidateId, request.nodes, request.fullLength});
        if (it != known.end()) {
            found.fetch_add(1);
            return it->second;
        }
        simulated.fetch_add(1);
        if (trace)
            std::fprintf(stderr, "plan-trace merge: not in the parts: %s nodes=%d %s\n", qPrintable(request.candidateId),
                         request.nodes, request.fullLength ? "full" : "short");
        return simulate();
    };
    MergedRecommendation out;
    out.result = recommend(scenario, catalog, nullptr, first.scenarioFile, options);
    out.fromParts = found.load();
    out.simulatedHere = simulated.load();
    return out;
}

}  // namespace headroom::runs
