#include "cli_support.h"

namespace headroom::cli {

int runRecommend(const QStringList& args)
{
    QCommandLineParser parser;
    const int early = parseOrExit(parser, args, QStringLiteral("headroom recommend: not built yet."));
    if (early >= 0) return early;
    printError(QStringLiteral("recommend is not built yet in this version of Headroom"));
    return kFailure;
}

}  // namespace headroom::cli
