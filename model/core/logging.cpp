#include "logging.h"

#include <QStringList>

Q_LOGGING_CATEGORY(logStore, "headroom.store", QtWarningMsg)
Q_LOGGING_CATEGORY(logImport, "headroom.import", QtWarningMsg)
Q_LOGGING_CATEGORY(logSim, "headroom.sim", QtWarningMsg)
Q_LOGGING_CATEGORY(logPlan, "headroom.plan", QtWarningMsg)
Q_LOGGING_CATEGORY(logReport, "headroom.report", QtWarningMsg)

namespace headroom::logging {

void configure(bool verbose)
{
    // Warnings and errors of our categories always show; debug and info only when asked.
    QLoggingCategory::setFilterRules(verbose ? QStringLiteral("headroom.*.debug=true\nheadroom.*.info=true")
                                             : QStringLiteral("headroom.*.debug=false\nheadroom.*.info=false"));
    qSetMessagePattern(QStringLiteral("%{if-category}[%{category}] %{endif}%{message}"));
}

bool takeVerboseFlag(QStringList& args)
{
    return args.removeAll(QStringLiteral("--verbose")) > 0;
}

}  // namespace headroom::logging
