#include "cli_support.h"

namespace headroom::cli {

int runReport(const QStringList& args)
{
    QCommandLineParser parser;
    const int early = parseOrExit(parser, args, QStringLiteral("headroom report: not built yet."));
    if (early >= 0) return early;
    printError(QStringLiteral("report is not built yet in this version of Headroom"));
    return kFailure;
}

}  // namespace headroom::cli
