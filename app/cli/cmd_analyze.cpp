#include "cli_support.h"

namespace headroom::cli {

int runAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    const int early = parseOrExit(parser, args, QStringLiteral("headroom analyze: not built yet."));
    if (early >= 0) return early;
    printError(QStringLiteral("analyze is not built yet in this version of Headroom"));
    return kFailure;
}

}  // namespace headroom::cli
