#pragma once
#include <QLoggingCategory>

// What the program is doing, for someone chasing a slow import or a surprising recommendation:
// workspace opening and migration, each import, each simulation, each recommendation's phases.
// Silent by default; `headroom --verbose …` (or QT_LOGGING_RULES="headroom.*=true") turns it on.
// Categories start at warnings, so programs that never call configure() (tests, benchmarks)
// stay quiet too. Lines go to stderr as "[headroom.import] …", never to stdout, so --json output stays clean.
Q_DECLARE_LOGGING_CATEGORY(logStore)
Q_DECLARE_LOGGING_CATEGORY(logImport)
Q_DECLARE_LOGGING_CATEGORY(logSim)
Q_DECLARE_LOGGING_CATEGORY(logPlan)
Q_DECLARE_LOGGING_CATEGORY(logReport)

namespace headroom::logging {

// Sets the filter rules and the "[category] message" pattern; call once, before any work.
// QT_LOGGING_RULES in the environment still has the last word, as Qt documents.
void configure(bool verbose);

// Removes every "--verbose" from the arguments; true when there was one.
bool takeVerboseFlag(QStringList& args);

}  // namespace headroom::logging
