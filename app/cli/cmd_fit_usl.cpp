#include "cli_support.h"

namespace headroom::cli {

int runFitUsl(const QStringList& args)
{
    QCommandLineParser parser;
    const int early = parseOrExit(parser, args, QStringLiteral("headroom fit-usl: not built yet."));
    if (early >= 0) return early;
    printError(QStringLiteral("fit-usl is not built yet in this version of Headroom"));
    return kFailure;
}

}  // namespace headroom::cli
