// SIGKILL while `headroom report` writes a PDF: the target path holds either nothing (or the
// file that was there before) or a complete PDF, never a half-written one (DESIGN §10: written to
// a temporary file and renamed).
#include "crash_harness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

using namespace headroom::crash;

namespace {

constexpr unsigned kSeed = 10;

// A PDF is complete when it starts with the header and its last lines hold the %%EOF marker.
bool isCompletePdf(const QByteArray& bytes)
{
    return bytes.startsWith("%PDF-") && bytes.right(64).contains("%%EOF");
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

TEST(KillReport, TargetIsNeverAPartialPdf)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const RunResult help = runHeadroom({QStringLiteral("report"), QStringLiteral("--help")}, home);
    if (help.out.contains("not built yet") || help.err.contains("not built yet"))
        GTEST_SKIP() << "headroom report is not built yet";

    const QStringList scenarios = QDir(QStringLiteral(HEADROOM_TEST_DATA_DIR "/scenarios"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_FALSE(scenarios.isEmpty()) << "no example scenario in data/scenarios";
    // The shortest example (by simulated duration) keeps the 20 trials quick.
    QString scenario;
    double shortest = 0;
    for (const QString& name : scenarios) {
        const QString path = QStringLiteral(HEADROOM_TEST_DATA_DIR "/scenarios/") + name;
        const QJsonObject doc = QJsonDocument::fromJson(readAll(path)).object();
        // Node speeds drawn from measurements need the sample workspace; this test runs on an empty one.
        if (doc.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("speed")).toObject().contains(QStringLiteral("from_dataset")))
            continue;
        const double duration = doc.value(QStringLiteral("duration_s")).toDouble();
        if (duration > 0 && (scenario.isEmpty() || duration < shortest)) {
            scenario = path;
            shortest = duration;
        }
    }
    ASSERT_FALSE(scenario.isEmpty()) << "no example scenario with a duration_s";
    const QString workspace = dir.filePath(QStringLiteral("ws.headroom"));
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const QStringList args = {QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf, QStringLiteral("-w"), workspace,
                             // one replication keeps each trial short; the PDF is written the same way
                             QStringLiteral("--replications"), QStringLiteral("1")};

    const RunResult full = runHeadroom(args, home);
    ASSERT_EQ(full.exitCode, 0) << full.err.toStdString();
    ASSERT_TRUE(isCompletePdf(readAll(pdf)));
    std::cout << "[ reference] report took " << full.elapsedMs << " ms" << std::endl;

    std::mt19937 random(kSeed);
    std::uniform_int_distribution<int> moment(20, int(full.elapsedMs * 11 / 10));
    int none = 0, complete = 0;
    for (int trial = 0; trial < 20; ++trial) {
        SCOPED_TRACE(testing::Message() << "trial " << trial << " (seed " << kSeed << ")");
        QFile::remove(pdf);
        const int killAt = moment(random);
        const RunResult r = runHeadroom(args, home, killAt);
        if (!r.killed) {
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        }
        if (!QFile::exists(pdf)) {
            EXPECT_TRUE(r.killed);
            ++none;
        } else {
            EXPECT_TRUE(isCompletePdf(readAll(pdf))) << "killed at " << killAt << " ms left a partial PDF";
            ++complete;
        }
    }
    // A previous report at the path survives a killed rewrite.
    const QByteArray previous = readAll(pdf);
    if (isCompletePdf(previous)) {
        runHeadroom(args, home, int(full.elapsedMs / 2));
        EXPECT_TRUE(isCompletePdf(readAll(pdf)));
    }
    std::cout << "[ survived ] 20 kill trials: " << none << " without a PDF, " << complete << " with a complete one" << std::endl;
}
