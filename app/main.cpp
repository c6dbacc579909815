// Entry point: a known subcommand runs the command line (no display needed); anything else
// opens the GUI, on the workspace given or on the default one.
#include "cli/cli_support.h"
#include "core/logging.h"
#include "model.h"
#include "ui/gui_main.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

namespace {

QString overallHelp()
{
    QString text = QStringLiteral(
        "Usage: headroom [WORKSPACE]            open the GUI (default workspace if none)\n"
        "       headroom COMMAND [options] ...  run a command; headroom COMMAND --help for its options\n"
        "       --verbose (anywhere)           say on stderr what is being done and how long it took\n\n"
        "Headroom plans capacity for Python services from the measurements you already have.\n\n"
        "Commands:\n");
    for (const auto& c : headroom::cli::commands())
        text += QStringLiteral("  %1%2\n").arg(c.name.leftJustified(11), c.summary);
    text += QStringLiteral("\nExit codes: 0 success, 1 failure while running, 2 bad usage, 3 bad input data.\n");
    return text;
}

const headroom::cli::Command* findCommand(const QString& name)
{
    for (const auto& c : headroom::cli::commands())
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
    headroom::logging::configure(headroom::logging::takeVerboseFlag(args));
    const QString first = args.value(0);

    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        headroom::cli::printText(overallHelp());
        return 0;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        QCoreApplication app(argc, argv);
        headroom::cli::printText(QStringLiteral("headroom ") + headroom::versionString());
        return 0;
    }
    if (first == QLatin1String("report")) {
        // The report paints charts (graphics items), which need a widgets application; the
        // offscreen platform lets it run with no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("headroom"));
        QCoreApplication::setApplicationName(QStringLiteral("headroom"));
        QCoreApplication::setApplicationVersion(headroom::versionString());
        return findCommand(first)->run(args);
    }
    if (const auto* command = findCommand(first)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("headroom"));
        QCoreApplication::setApplicationName(QStringLiteral("headroom"));
        QCoreApplication::setApplicationVersion(headroom::versionString());
        return command->run(args);
    }
    if (first.startsWith(QLatin1Char('-'))) {
        QCoreApplication app(argc, argv);
        headroom::cli::printError(QStringLiteral("unknown option %1 (see headroom --help)").arg(first));
        return headroom::cli::kUsage;
    }
    if (args.size() > 1) {
        QCoreApplication app(argc, argv);
        headroom::cli::printError(QStringLiteral("unknown command %1 (see headroom --help)").arg(first));
        return headroom::cli::kUsage;
    }
    return headroom::runGui(argc, argv, first);
}
