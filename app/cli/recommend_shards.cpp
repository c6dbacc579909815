#include "recommend_shards.h"

#include "plan/recommender.h"
#include "runs/recommend_merge.h"
#include "runs/recommend_part.h"

#include <QRegularExpression>

namespace headroom::cli {

QString parseShardSpec(const QString& text, int* index, int* count)
{
    static const QRegularExpression form(QStringLiteral(R"(^(\d{1,6})/(\d{1,6})$)"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (m.hasMatch()) {
        *index = m.captured(1).toInt();
        *count = m.captured(2).toInt();
        if (*count >= 1 && *index < *count) return {};
    }
    return QStringLiteral("--shard: expected I/N with 0 ≤ I < N (shards are numbered from 0), got \"%1\"").arg(text);
}

QString writeShard(const Scenario& scenario, const Catalog& catalog, const Workspace* ws, const QString& scenarioFile,
                   const RecommendOptions& options, int index, int count, const QString& outPath)
{
    const ShardEvaluations shard = recommendShard(scenario, catalog, ws, scenarioFile, options, index, count);
    runs::RecommendPart part = runs::makePart(shard, catalog, options, scenarioFile, index, count);
    runs::writePartFile(part, outPath);
    return QStringLiteral("shard %1/%2: %3 of %4 candidates, %5 configurations simulated, written to %6")
        .arg(index)
        .arg(count)
        .arg(shard.assigned.size())
        .arg(shard.candidateIds.size())
        .arg(shard.evaluations.size())
        .arg(outPath);
}

Recommendation mergeShards(const QStringList& partFiles, const RecommendOptions& runtime, QString* note)
{
    std::vector<runs::RecommendPart> parts;
    for (const QString& file : partFiles) parts.push_back(runs::readPartFile(file));
    runs::MergedRecommendation merged = runs::mergeParts(parts, runtime);
    int whatIf = 0;
    for (const SensitivityCase& c : merged.result.sensitivity) whatIf += c.result ? 1 : 0;
    if (note)
        *note = QStringLiteral("merged %1 parts: %2 evaluations from the parts, %3 simulated here, %4 sensitivity runs of the winner")
                    .arg(parts.size())
                    .arg(merged.fromParts)
                    .arg(merged.simulatedHere)
                    .arg(whatIf);
    return merged.result;
}

}  // namespace headroom::cli
