// The bar directory shards of one sweep share (runs/shared_bar.h): each shard's file holds the
// lowest costs it found, readers take the lowest of all files, and a confirmed cost is a bar for
// the short windows too, as it is in one process.
#include "core/errors.h"
#include "runs/shared_bar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cmath>

using namespace headroom;
using namespace headroom::runs;

namespace {

const QString kSweep = QStringLiteral("5a1e0000000000000000000000000000000000000000000000000000000000aa");

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return QJsonDocument::fromJson(f.readAll()).object();
}

TEST(SharedBar, ReadersTakeTheLowestOfEveryShardAndAShardKeepsItsLowest)
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("bars"));
    SharedBarDirectory first(dir, kSweep, 0, 3), second(dir, kSweep, 1, 3);
    EXPECT_TRUE(std::isinf(first.lowest(BarKind::ShortWindow)));
    EXPECT_TRUE(std::isinf(first.lowest(BarKind::Confirmed)));

    first.publish(BarKind::ShortWindow, 40, QStringLiteral("aws/c6i.large"));
    second.publish(BarKind::ShortWindow, 30, QStringLiteral("hetzner/CX22"));
    EXPECT_EQ(first.lowest(BarKind::ShortWindow), 30);
    // A short-window pass is no confirmed cost.
    EXPECT_TRUE(std::isinf(second.lowest(BarKind::Confirmed)));

    // A dearer cost found later does not raise the shard's bar.
    second.publish(BarKind::ShortWindow, 50, QStringLiteral("gcp/n2-standard-2"));
    const QJsonObject file = readJson(second.ownFile());
    EXPECT_EQ(file.value(QStringLiteral("short_window_usd_per_month")).toDouble(), 30);
    EXPECT_EQ(file.value(QStringLiteral("short_window_by")).toString(), QStringLiteral("hetzner/CX22"));
    EXPECT_EQ(QFileInfo(second.ownFile()).fileName(), QStringLiteral("bar-1-of-3.json"));

    // A confirmed cost is a bar for both; the short-window one a shard found stays in its file.
    first.publish(BarKind::Confirmed, 25, QStringLiteral("aws/m6i.large"));
    EXPECT_EQ(second.lowest(BarKind::Confirmed), 25);
    EXPECT_EQ(second.lowest(BarKind::ShortWindow), 25);
    EXPECT_EQ(readJson(first.ownFile()).value(QStringLiteral("short_window_usd_per_month")).toDouble(), 40);

    // Another split of the same sweep shares the directory: a cost is a fact about candidates.
    SharedBarDirectory otherSplit(dir, kSweep, 0, 7);
    otherSplit.publish(BarKind::Confirmed, 20, QStringLiteral("hetzner/CPX21"));
    EXPECT_EQ(first.lowest(BarKind::Confirmed), 20);
}

TEST(SharedBar, AnotherSweepsBarIsRefusedNamingTheFile)
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("bars"));
    SharedBarDirectory mine(dir, kSweep, 0, 2);
    SharedBarDirectory theirs(dir, QStringLiteral("0be70000000000000000000000000000000000000000000000000000000000bb"), 1, 2);
    theirs.publish(BarKind::Confirmed, 10, QStringLiteral("aws/c6i.large"));
    try {
        mine.lowest(BarKind::Confirmed);
        FAIL() << "another sweep's bar was taken";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), theirs.ownFile() + QStringLiteral(": $.sweep_sha256"));
        EXPECT_TRUE(e.message().contains(QStringLiteral("expected this sweep's 5a1e00000000"))) << e.text().toStdString();
        EXPECT_TRUE(e.message().contains(QStringLiteral("got \"0be700000000\""))) << e.text().toStdString();
    }
}

TEST(SharedBar, ADirectoryThatCannotBeMadeIsRefusedNamingIt)
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("a-file"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    try {
        SharedBarDirectory bars(file + QStringLiteral("/bars"), kSweep, 0, 2);
        FAIL() << "a directory under a file was made";
    } catch (const RuntimeFailure& e) {
        EXPECT_TRUE(e.text().contains(file + QStringLiteral("/bars: cannot create the bar directory"))) << e.text().toStdString();
    }
}

}  // namespace
