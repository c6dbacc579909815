#pragma once
#include <QByteArray>
#include <QJsonDocument>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>

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

// The common ground of the command-line tests: the program with a private HOME, a scratch folder,
// its workspace path, and files written into it.
class CliTest : public testing::Test {
protected:
    QTemporaryDir dir;
    Cli cli;
    QString workspace() const { return dir.filePath(QStringLiteral("cli.headroom")); }
    // Writes `text` to `name` in the scratch folder and returns its path.
    QString write(const QString& name, const QByteArray& text) const;
};

}  // namespace headroom::test
