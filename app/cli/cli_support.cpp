#include "cli_support.h"

#include "core/errors.h"
#include "core/paths.h"
#include "import/workspace_setup.h"
#include "store/workspace.h"

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

std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser& parser)
{
    const QString path = parser.value(QStringLiteral("workspace"));
    return path.isEmpty() ? openDefaultWorkspace() : openWorkspaceFile(path);
}

int guarded(const std::function<int()>& body)
{
    try {
        return body();
    } catch (const InputError& e) {
        printError(e.text());
        return kBadInput;
    } catch (const RuntimeFailure& e) {
        printError(e.text());
        return kFailure;
    } catch (const Cancelled&) {
        printError(QStringLiteral("cancelled"));
        return kFailure;
    } catch (const std::exception& e) {
        printError(QString::fromUtf8(e.what()));
        return kFailure;
    }
}

void printJson(const QJsonDocument& doc)
{
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printText(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n')) bytes += '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString& message)
{
    const QByteArray bytes = (QStringLiteral("headroom: error: ") + message + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace headroom::cli
