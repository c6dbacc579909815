#pragma once
#include <QString>

namespace headroom {

// Stable hashes of a candidate's id ("aws/c6i.large", or with a policy "aws/c6i.large@cpu-60"):
// the same on every machine, build and run, and independent of which other candidates exist
// or where the candidate stands in the catalog. They are what lets a sweep be split across
// machines and merged into the answer one machine gives (DESIGN §12).

// The seed of every simulation of this candidate: derived from the scenario's seed and the
// candidate alone. All node counts of one candidate meet the same random traffic (so a search
// over node counts compares like with like); two candidates meet independent draws.
quint64 candidateSeed(quint64 scenarioSeed, const QString& candidateId);

// The shard (0 … count − 1) that evaluates this candidate when a sweep is split `count` ways.
int candidateShard(const QString& candidateId, int count);

}  // namespace headroom
