#pragma once
#include "plan/recommend_options.h"
#include "plan/recommendation.h"

#include <QString>
#include <QStringList>

namespace headroom {
class Catalog;
class Workspace;
struct Scenario;
}

namespace headroom::cli {

// `--shard I/N`: 0 ≤ I < N. Empty when `text` is well formed, else what is wrong.
QString parseShardSpec(const QString& text, int* index, int* count);

// `headroom recommend SCENARIO --shard I/N --out PART.json [--bar-dir DIR]`: evaluates shard I's
// candidates and writes the part file (not stored in the workspace); with `barDir`, shares the
// cost bar with the other shards through it (runs/shared_bar.h). Returns a line for stderr.
QString writeShard(const Scenario& scenario, const Catalog& catalog, const Workspace* ws, const QString& scenarioFile,
                   const RecommendOptions& options, int index, int count, const QString& outPath, const QString& barDir);

// `headroom recommend --merge PART.json…`: the ranking from all shards (runs/recommend_merge.h),
// not stored either. `note` receives a line for stderr on where the evaluations came from.
Recommendation mergeShards(const QStringList& partFiles, const RecommendOptions& runtime, QString* note);

}  // namespace headroom::cli
