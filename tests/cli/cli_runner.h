#pragma once
#include <QByteArray>
#include <QJsonDocument>
#include <QStringList>
#include <QTemporaryDir>

namespace headroom::test {

// Runs the built `headroom` binary with a private HOME (so the default workspace and settings
// are the test's own) and captures what it printed.
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

class Cli {
public:
    Cli();
    CliResult run(const QStringList& args, int timeoutMs = 120000) const;
    QString home() const { return home_.path(); }

private:
    QTemporaryDir home_;
};

}  // namespace headroom::test
