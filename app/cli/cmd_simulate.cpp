#include "cli_support.h"

namespace headroom::cli {

int runSimulate(const QStringList& args)
{
    QCommandLineParser parser;
    const int early = parseOrExit(parser, args, QStringLiteral("headroom simulate: not built yet."));
    if (early >= 0) return early;
    printError(QStringLiteral("simulate is not built yet in this version of Headroom"));
    return kFailure;
}

}  // namespace headroom::cli
