#include "recommend_shards.h"

#include "plan/recommender.h"
#include "runs/recommend_merge.h"
#include "runs/recommend_part.h"
#include "runs/shared_bar.h"

#include <QRegularExpression>
#include <cmath>
#include <limits>
#include <optional>

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
                   const RecommendOptions& options, int index, int count, const QString& outPath, const QString& barDir)
{
    RecommendOptions shardOptions = options;
    std::optional<runs::SharedBarDirectory> bars;
    double seenAtStart = std::numeric_limits<double>::infinity();
    if (!barDir.isEmpty()) {
        bars.emplace(barDir, runs::sweepFingerprint(scenario, catalog, options), index, count);
        // A bad file in the directory is refused now, not after hours of simulation.
        seenAtStart = bars->lowest(BarKind::Confirmed);
        shardOptions.sharedBar = bars->hooks();
    }
    const ShardEvaluations shard = recommendShard(scenario, catalog, ws, scenarioFile, shardOptions, index, count);
    runs::RecommendPart part = runs::makePart(shard, catalog, options, scenarioFile, index, count);
    runs::writePartFile(part, outPath);
    int full = 0;
    for (const auto& [request, e] : shard.evaluations) full += request.fullLength ? 1 : 0;
    QString line = QStringLiteral("shard %1/%2: %3 of %4 candidates, %5 configurations simulated (%6 full-length), written to %7")
                       .arg(index)
                       .arg(count)
                       .arg(shard.assigned.size())
                       .arg(shard.candidateIds.size())
                       .arg(shard.evaluations.size())
                       .arg(full)
                       .arg(outPath);
    if (bars) {
        const auto money = [](double usd) {
            return std::isfinite(usd) ? QStringLiteral("$%1/month").arg(usd, 0, 'f', 2) : QStringLiteral("none");
        };
        line += QStringLiteral("; cost bar shared in %1: lowest confirmed cost %2 at the start, %3 at the end")
                    .arg(barDir, money(seenAtStart), money(bars->lowest(BarKind::Confirmed)));
    }
    return line;
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
