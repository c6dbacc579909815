#pragma once
#include "plan/recommend_options.h"

#include <QElapsedTimer>
#include <QString>
#include <chrono>
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
// fact about the candidates, not about the split), another sweep's bar is refused. The file also
// says whether its shard is simulating, waiting for the others (awaitOthers()) or finished.
class SharedBarDirectory {
public:
    enum class State { Running, Waiting, Finished };

    // Creates the directory if need be and this shard's file, saying it is running; throws
    // RuntimeFailure naming the directory or file when that fails.
    SharedBarDirectory(QString directory, QString sweep, int index, int count);
    // Says the shard has finished, whether it succeeded or not: no one waits for it any more.
    ~SharedBarDirectory();

    // The lowest cost per month of the directory's bar files for `bar` (a confirmed cost counts
    // for the short-window bar too), infinity when there is none. Throws InputError naming the
    // file and the JSON path for a file that is not a whole bar file of this sweep (not JSON,
    // another format, another sweep, a cost that is not a number > 0, an unknown state).
    double lowest(BarKind bar) const;
    // Publishes `costUsdPerMonth` when it is below what this shard published before for `bar`.
    // Throws RuntimeFailure naming the file when it cannot be written.
    void publish(BarKind bar, double costUsdPerMonth, const QString& candidateId);
    // Waits (polling) until no other shard's file says it is running, or `limit` has passed;
    // this shard's file says it is waiting meanwhile, so two shards never wait for each other.
    // The limit covers a shard that died without saying so.
    void awaitOthers(std::chrono::milliseconds limit);
    // lowest(), publish() and awaitOthers() (limited to twice the time this shard has run so
    // far, at least a minute) as the recommender's hooks; this object must outlive them.
    SharedCostBar hooks();

    QString directory() const { return directory_; }
    QString ownFile() const;

private:
    QString directory_, sweep_;
    int index_ = 0, count_ = 1;
    mutable std::mutex lock_;  // publish() is called from several evaluating threads
    double shortWindow_, confirmed_;  // what this shard has published, and by which candidates
    QString shortWindowBy_, confirmedBy_;
    State state_ = State::Running;
    QElapsedTimer clock_;

    void write();  // this shard's file as it stands, under lock_
};

constexpr const char* kBarFormat = "headroom.recommend-bar/1";

// What makes two shards parts of one sweep, whatever their number: the program version, the
// scenario as given, the catalog and the options that steer the answer (recommendOptionsToJson()).
QString sweepFingerprint(const Scenario& scenario, const Catalog& catalog, const RecommendOptions& options);

}  // namespace headroom::runs
