#pragma once
#include "plan/recommend_options.h"

#include <QString>
#include <mutex>

namespace headroom {
class Catalog;
struct Scenario;
}

namespace headroom::runs {

// The cost bars that shards of one sweep running at the same time share (SharedCostBar, DESIGN
// §12), kept in a directory every shard sees: a Kubernetes volume, a Slurm cluster's shared file
// system. Each shard writes its lowest costs to its own small file, `bar-I-of-N.json`, by writing
// a temporary file and renaming it into place, so a reader sees a whole file or the previous one,
// never half of one; readers take the lowest of all files. A bar names the sweep it belongs to
// (sweepFingerprint()): any shard count of the same sweep may share a directory (a cost is a
// fact about the candidates, not about the split), another sweep's bar is refused. No shard
// waits for another: a shard alone, or one whose directory no one else writes, decides alone.
class SharedBarDirectory {
public:
    // Creates the directory if need be; throws RuntimeFailure naming it when that fails.
    SharedBarDirectory(QString directory, QString sweep, int index, int count);

    // The lowest cost per month of the directory's bar files for `bar` (a confirmed cost counts
    // for the short-window bar too), infinity when there is none. Throws InputError naming the
    // file and the JSON path for a file that is not a whole bar file of this sweep (not JSON,
    // another format, another sweep, a cost that is not a number > 0, no cost at all).
    double lowest(BarKind bar) const;
    // Publishes `costUsdPerMonth` when it is below what this shard published before for `bar`.
    // Throws RuntimeFailure naming the file when it cannot be written.
    void publish(BarKind bar, double costUsdPerMonth, const QString& candidateId);
    // lowest() and publish() as the recommender's hooks; this object must outlive them.
    SharedCostBar hooks();

    QString directory() const { return directory_; }
    QString ownFile() const;

private:
    QString directory_, sweep_;
    int index_ = 0, count_ = 1;
    mutable std::mutex lock_;  // publish() is called from several evaluating threads
    double shortWindow_, confirmed_;  // what this shard has published, and by which candidates
    QString shortWindowBy_, confirmedBy_;

    void write();  // this shard's file as it stands, under lock_
};

constexpr const char* kBarFormat = "headroom.recommend-bar/1";

// What makes two shards parts of one sweep, whatever their number: the program version, the
// scenario as given, the catalog and the options that steer the answer (recommendOptionsToJson()).
QString sweepFingerprint(const Scenario& scenario, const Catalog& catalog, const RecommendOptions& options);

}  // namespace headroom::runs
