#include "cli_support.h"

#include "core/errors.h"
#include "core/input_file.h"
#include "core/paths.h"
#include "import/workspace_setup.h"
#include "store/database_error.h"
#include "store/workspace.h"

#include <QFileInfo>

#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace headroom::cli {

int parseOrExit(QCommandLineParser& parser, const QStringList& args, const QString& description,
                int minPositional, int maxPositional)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        printError(parser.errorText() + QStringLiteral(" (see headroom %1 --help)").arg(args.value(0)));
        return kUsage;
    }
    if (parser.isSet(help)) {
        // The parser names the executable's path; a user types "headroom <command>".
        QString text = parser.helpText();
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        const QString usage = text.left(eol);
        const qsizetype options = usage.indexOf(QStringLiteral(" ["));
        text.replace(0, options < 0 ? eol : options, QStringLiteral("Usage: headroom ") + args.value(0));
        printText(text);
        return kOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        printError(QStringLiteral("%1 expects %2 argument(s), got %3 (see headroom %1 --help)")
                       .arg(args.value(0))
                       .arg(maxPositional == minPositional ? QString::number(minPositional)
                                                           : QStringLiteral("%1 or more").arg(minPositional))
                       .arg(n));
        return kUsage;
    }
    return -1;
}

void addWorkspaceOption(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("w"), QStringLiteral("workspace")},
                                        QStringLiteral("Workspace file (default: %1).").arg(defaultWorkspacePath()),
                                        QStringLiteral("WS")));
}

void noteReusedRun(const QString& what, qint64 runId, const QString& madeAt)
{
    std::fprintf(stderr, "headroom: using the %s %s (run %lld); --recompute to run it again\n", qPrintable(what),
                 qPrintable(madeAt), static_cast<long long>(runId));
    std::fflush(stderr);
}

namespace {
QString lastWorkspacePath;  // named in database errors that do not know their file
}  // namespace

std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser& parser, WorkspaceUse use)
{
    const QString path = parser.value(QStringLiteral("workspace"));
    lastWorkspacePath = path.isEmpty() ? defaultWorkspacePath() : path;
    if (use == WorkspaceUse::ReadOnly && !path.isEmpty() && !QFileInfo::exists(path))
        throw InputError(path, QStringLiteral("no such workspace; create one with headroom import -w %1 FILE, or leave "
                                              "out -w to use the default workspace").arg(path));
    return path.isEmpty() ? openDefaultWorkspace() : openWorkspaceFile(path);
}

namespace {

int runBody(const std::function<int()>& body)
{
    try {
        return body();
    } catch (const DatabaseFailure& e) {
        printError(e.workspace().isEmpty() && !lastWorkspacePath.isEmpty() ? lastWorkspacePath + QStringLiteral(": ") + e.words()
                                                                           : e.text());
        return kFailure;
    } catch (const InputError& e) {
        printError(e.text());
        return kBadInput;
    } catch (const RuntimeFailure& e) {
        printError(e.text());
        return kFailure;
    } catch (const Cancelled&) {
        printError(QStringLiteral("cancelled"));
        return kFailure;
    } catch (const std::bad_alloc&) {
        printError(QStringLiteral("out of memory; the input or the scenario is too large for this machine"));
        return kFailure;
    } catch (const std::exception& e) {
        printError(QString::fromUtf8(e.what()));
        return kFailure;
    }
}

}  // namespace

int guarded(const std::function<int()>& body)
{
    const int status = runBody(body);
    // Workspaces close inside the body; one whose journal could not be written back is a
    // failure even when everything else went well (the file alone would be incomplete).
    const QString closeFailure = Workspace::takeCloseFailure();
    if (closeFailure.isEmpty()) return status;
    printError(closeFailure);
    return kFailure;
}

void printJson(const QJsonDocument& doc)
{
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printText(const QString& text)
{
    QByteArray bytes = printable(text).toUtf8();
    if (!bytes.endsWith('\n')) bytes += '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString& message)
{
    const QByteArray bytes = (QStringLiteral("headroom: error: ") + printable(message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace headroom::cli
