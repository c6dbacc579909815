// The program as several users run it at once, on a full disk, and handed odd files: four
// writers into one workspace, four first starts on a new machine, a checkpoint that cannot be
// written, devices and FIFOs as inputs and outputs, a mistyped workspace name.
#include "crash_harness.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace headroom::crash;

namespace {

struct Finished {
    int exitCode = -1;
    bool normalExit = false;
    QByteArray out;
    QByteArray err;
};

// Starts every command before waiting for any, so they overlap.
std::vector<Finished> runTogether(const std::vector<QStringList>& commands, const QString& home)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList& args : commands) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(isolatedEnvironment(home));
        p->start(headroomExe(), args);
        processes.push_back(std::move(p));
    }
    std::vector<Finished> out;
    for (auto& p : processes) {
        EXPECT_TRUE(p->waitForFinished(120000));
        out.push_back({p->exitCode(), p->exitStatus() == QProcess::NormalExit, p->readAllStandardOutput(),
                       p->readAllStandardError()});
    }
    return out;
}

QString writeCsv(const QString& path, int node, int rows)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("time,node,metric,value\n");
    for (int i = 0; i < rows; ++i)
        f.write(QStringLiteral("%1,node-%2,cpu.util_pct,%3\n").arg(1700000000 + i).arg(node).arg((i * 37 + node) % 100).toUtf8());
    return path;
}

}  // namespace

TEST(TrustProcesses, FourImportsIntoOneWorkspaceAllSucceed)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString ws = dir.filePath(QStringLiteral("shared.headroom"));
    ASSERT_EQ(runHeadroom({QStringLiteral("catalog"), QStringLiteral("-w"), ws}, home).exitCode, 0);
    std::vector<QStringList> commands;
    for (int i = 0; i < 4; ++i)
        commands.push_back({QStringLiteral("import"), QStringLiteral("-w"), ws, QStringLiteral("--instance-type"),
                            QStringLiteral("aws/m5.large"),
                            writeCsv(dir.filePath(QStringLiteral("in%1.csv").arg(i)), i, 50000)});
    const auto results = runTogether(commands, home);
    for (const Finished& r : results) {
        EXPECT_TRUE(r.normalExit);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_FALSE(r.err.contains("INSERT")) << "raw SQL reached the user: " << r.err.toStdString();
    }
    EXPECT_EQ(integrityCheck(ws), QStringLiteral("ok"));
    EXPECT_EQ(storedCounts(ws).datasets, 4);
    EXPECT_EQ(storedCounts(ws).samples, 4 * 50000);
    EXPECT_FALSE(QFileInfo(ws + QStringLiteral("-wal")).size() > 0) << "the file alone must hold everything";
}

TEST(TrustProcesses, FourFirstStartsOnANewMachineAllSucceed)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const std::vector<QStringList> commands(4, QStringList{QStringLiteral("datasets"), QStringLiteral("--json")});
    const auto results = runTogether(commands, home);
    QByteArray first;
    for (const Finished& r : results) {
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_FALSE(r.err.contains("UNIQUE")) << r.err.toStdString();
        if (first.isEmpty()) first = r.out;
    }
    // Each sample input stored once, the same list for every run afterwards.
    const Finished again = runTogether({{QStringLiteral("datasets"), QStringLiteral("--json")}}, home).front();
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_FALSE(again.out.isEmpty());
    const QStringList lock = QDir(home + QStringLiteral("/.local/share/headroom")).entryList({QStringLiteral("*lock*")});
    EXPECT_TRUE(lock.isEmpty()) << lock.join(QLatin1Char(' ')).toStdString();
}

TEST(TrustProcesses, CheckpointThatCannotBeWrittenIsAFailure)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString ws = dir.filePath(QStringLiteral("full.headroom"));
    ASSERT_EQ(runHeadroom({QStringLiteral("import"), QStringLiteral("-w"), ws,
                           writeCsv(dir.filePath(QStringLiteral("base.csv")), 0, 200000)}, home).exitCode, 0);
    ASSERT_FALSE(QFileInfo(ws + QStringLiteral("-wal")).size() > 0);
    const qint64 size = QFileInfo(ws).size();
    const QString more = writeCsv(dir.filePath(QStringLiteral("more.csv")), 1, 60000);

    // The disk "fills up" just past the current file: the journal (a new, small file) can be
    // written, but copying it into the workspace, which must grow, cannot.
    QProcess p;
    p.setProcessEnvironment(isolatedEnvironment(home));
    p.setChildProcessModifier([size] {
        const rlimit limit{rlim_t(size + 64 * 1024), rlim_t(size + 64 * 1024)};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails (EFBIG) instead of killing
    });
    p.start(headroomExe(), {QStringLiteral("import"), QStringLiteral("-w"), ws, more});
    ASSERT_TRUE(p.waitForFinished(120000));
    const QByteArray err = p.readAllStandardError();
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 1) << "a checkpoint that failed must not exit 0: " << err.toStdString();
    EXPECT_TRUE(err.contains("-wal")) << err.toStdString();
    EXPECT_TRUE(err.contains(ws.toUtf8())) << err.toStdString();

    // With room again, the next command finishes the job and the file alone is whole.
    ASSERT_EQ(runHeadroom({QStringLiteral("datasets"), QStringLiteral("-w"), ws}, home).exitCode, 0);
    EXPECT_FALSE(QFileInfo(ws + QStringLiteral("-wal")).size() > 0);
    EXPECT_EQ(storedCounts(ws).samples, 260000);
}

TEST(TrustProcesses, DevicesAndFifosAreRefusedAtOnce)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString ws = dir.filePath(QStringLiteral("w.headroom"));
    for (const QString& input : {QStringLiteral("/dev/zero"), fifo}) {
        for (const QStringList& args : {QStringList{QStringLiteral("import"), QStringLiteral("-w"), ws, input},
                                        QStringList{QStringLiteral("simulate"), QStringLiteral("-w"), ws, input},
                                        QStringList{QStringLiteral("fit-usl"), input}}) {
            const RunResult r = runHeadroom(args, home, std::nullopt, 20000);
            EXPECT_FALSE(r.killed);
            EXPECT_EQ(r.exitCode, 3) << args.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString();
            EXPECT_TRUE(r.err.contains("only regular files")) << r.err.toStdString();
            EXPECT_LT(r.elapsedMs, 15000) << args.join(QLatin1Char(' ')).toStdString();
        }
    }
}

TEST(TrustProcesses, ReportNeverReplacesANonRegularFile)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString fifo = dir.filePath(QStringLiteral("out.pdf"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString scenario = QStringLiteral(HEADROOM_TEST_DATA_DIR "/scenarios/python_web_api.json");
    const RunResult r = runHeadroom({QStringLiteral("report"), scenario, QStringLiteral("-o"), fifo}, home, std::nullopt, 60000);
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("regular file")) << r.err.toStdString();
    struct stat st {};
    ASSERT_EQ(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
}

TEST(TrustProcesses, ReadingCommandsRefuseAMissingWorkspace)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString typo = dir.filePath(QStringLiteral("typo.headroom"));
    for (const QStringList& args : {QStringList{QStringLiteral("datasets"), QStringLiteral("-w"), typo},
                                    QStringList{QStringLiteral("analyze"), QStringLiteral("quality"), QStringLiteral("-w"), typo}}) {
        const RunResult r = runHeadroom(args, home);
        EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("no such workspace")) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(typo)) << "an empty workspace was created under the mistyped name";
    }
}

TEST(TrustProcesses, ControlCharactersInFileNamesAreShownEscaped)
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString name = dir.filePath(QStringLiteral("evil\x1b]0;owned\x07\x1b[2J.csv"));
    const RunResult r = runHeadroom({QStringLiteral("import"), QStringLiteral("-w"), dir.filePath(QStringLiteral("w.headroom")), name}, home);
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_FALSE(r.err.contains('\x1b')) << "an escape sequence reached the terminal";
    EXPECT_FALSE(r.err.contains('\x07'));
    EXPECT_TRUE(r.err.contains("evil\\x1b]0;owned\\x07\\x1b[2J.csv")) << r.err.toStdString();
}
