#pragma once
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace headroom {
class Workspace;
}

namespace headroom::cli {

// Exit codes of DESIGN §8.
enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2, kBadInput = 3 };

// One subcommand: its name, a line for `headroom --help`, and its entry point (args exclude
// the program name; args[0] is the subcommand).
struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList& args)> run;
};
const std::vector<Command>& commands();

// Parses the subcommand's options; prints help and returns kOk, or prints the usage error and
// returns kUsage. Returns -1 when the command should go on.
int parseOrExit(QCommandLineParser& parser, const QStringList& args, const QString& description,
                int minPositional = 0, int maxPositional = -1);

// The -w/--workspace option every workspace command shares, and opening it (default workspace,
// seeded from data/ on first use, when the option is absent). A command that only reads refuses
// a -w file that does not exist instead of creating an empty workspace under a mistyped name.
enum class WorkspaceUse { Write, ReadOnly };
void addWorkspaceOption(QCommandLineParser& parser);
std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser& parser, WorkspaceUse use = WorkspaceUse::Write);

// Runs `body`, turning InputError into exit 3 and RuntimeFailure into exit 1 with
// "headroom: error: WHERE: WHAT" on stderr. A workspace whose journal could not be written back
// into its file when it closed makes the command fail (exit 1), whatever the body returned.
int guarded(const std::function<int()>& body);

void printJson(const QJsonDocument& doc);
void printText(const QString& text);
// Control characters (escape sequences in file names) are shown as \xNN.
void printError(const QString& message);
// Progress goes to stderr, and only when stderr is a terminal.
bool stderrIsTerminal();
// "headroom: using the recommendation made at … (run 12); --recompute to run it again" on
// stderr, whether or not it is a terminal: the user should know the answer was not recomputed.
void noteReusedRun(const QString& what, qint64 runId, const QString& madeAt);

}  // namespace headroom::cli
