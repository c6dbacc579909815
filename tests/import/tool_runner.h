#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>

// Running the real benchmark tools briefly from a test (round trips).
namespace headroom::test {

// Absolute path of a program on PATH, or empty.
QString findTool(const QString& program);
// True when HEADROOM_REQUIRE_TOOLS=1: a missing tool fails the test instead of skipping it.
bool toolsRequired();

// Runs a program to completion (killed after `timeoutMs`) and returns its standard output.
// `ok` is false when it could not start, timed out or exited non-zero; `errorText` says why.
QByteArray runTool(const QString& program, const QStringList& args, int timeoutMs, bool& ok, QString& errorText,
                   const QString& workDir = {});

// A TCP port on 127.0.0.1 that was free a moment ago.
int freeLoopbackPort();
// Waits until a socket listens on 127.0.0.1:port (or the timeout passes). Reads the kernel's
// socket table instead of connecting, because a probe connection would use up a one-off
// server such as "iperf3 -s -1".
bool waitForListener(int port, int timeoutMs);

}  // namespace headroom::test

// Declares `const QString var` with the tool's path, or skips (fails with HEADROOM_REQUIRE_TOOLS=1).
#define HEADROOM_TOOL(var, program)                                                              \
    const QString var = ::headroom::test::findTool(QStringLiteral(program));                       \
    do {                                                                                         \
        if (var.isEmpty()) {                                                                     \
            if (::headroom::test::toolsRequired())                                               \
                FAIL() << program " is not installed (HEADROOM_REQUIRE_TOOLS=1)";                \
            else                                                                                 \
                GTEST_SKIP() << program " is not installed; apt-get install " program;          \
        }                                                                                        \
    } while (0)
