#pragma once
#include "plan/recommend_options.h"
#include "plan/recommender.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace headroom::runs {

// The part file of one shard of a recommendation (`headroom recommend … --shard I/N --out F`,
// DESIGN §12): self-contained, so that the merge needs neither the scenario file nor a workspace.
// A header says what was computed (format, program version, the scenario as planned and its
// sha256, the catalog and its fingerprint, the options, every candidate id and their sha256,
// shard I of N); then the evaluations of the shard's candidates, and a count of them at the end.
struct RecommendPart {
    QString file;                  // where it was read from or written to (for messages)
    QString programVersion;
    QString scenarioFile;          // the scenario's file name as the shard was given it
    QJsonObject scenario;          // canonical, as planned (a trace frozen into its rate profile)
    QString scenarioSha256;
    QJsonObject catalog;           // catalog_codec.h
    QString catalogSha256;         // catalogFingerprint()
    QJsonObject options;           // recommendOptionsToJson()
    QStringList candidateIds;      // every candidate of the sweep, in catalog order
    QString candidatesSha256;
    QStringList assigned;          // this shard's candidates
    int shardIndex = 0, shardCount = 1;
    std::vector<std::pair<EvaluationRequest, Evaluation>> evaluations;
};

constexpr const char* kPartFormat = "headroom.recommend-part/1";

// What in RecommendOptions steers the answer (filters, confidence, replications, limits,
// sensitivity), and back; progress, threads and callbacks are left out.
QJsonObject recommendOptionsToJson(const RecommendOptions& options);
RecommendOptions recommendOptionsFromJson(const QJsonObject& object);

// The part of a shard computed with `options` of `scenarioFile` on `catalog`.
RecommendPart makePart(const ShardEvaluations& shard, const Catalog& catalog, const RecommendOptions& options,
                       const QString& scenarioFile, int index, int count);
// Writes atomically (a temporary file renamed into place): a part file is whole or absent.
// Throws RuntimeFailure naming the file when it cannot be written.
void writePartFile(const RecommendPart& part, const QString& path);
// Throws InputError naming the file and the JSON path for a file that is not a whole part file of
// this format (truncated, not JSON, a field missing or of the wrong kind).
RecommendPart readPartFile(const QString& path);

}  // namespace headroom::runs
