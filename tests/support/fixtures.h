#pragma once
#include <QByteArray>
#include <QString>
#include <gtest/gtest.h>

namespace headroom::test {

// Absolute path of a file under ../shared/fixtures (HEADROOM_FIXTURES_DIR), or empty when the
// folder is missing. Use through HEADROOM_FIXTURE, which skips (or fails, when
// HEADROOM_REQUIRE_FIXTURES=1 as in CI) instead of testing nothing.
QString fixturePath(const QString& relative);
bool fixturesRequired();
QByteArray readFile(const QString& path);
// Path of a file shipped in the project's data/ folder.
QString projectDataPath(const QString& relative);
// Path of a file under tests/ (small hand-made inputs live next to their tests).
QString testsPath(const QString& relative);

}  // namespace headroom::test

// Declares `const QString var` holding the fixture's path, or skips/fails the test.
#define HEADROOM_FIXTURE(var, relative)                                                   \
    const QString var = ::headroom::test::fixturePath(QStringLiteral(relative));           \
    do {                                                                                  \
        if (var.isEmpty()) {                                                              \
            if (::headroom::test::fixturesRequired())                                     \
                FAIL() << "fixture missing (HEADROOM_REQUIRE_FIXTURES=1): " << relative;  \
            else                                                                          \
                GTEST_SKIP() << "fixture folder missing: " << relative;                   \
        }                                                                                 \
    } while (0)

// Readable QString values in GoogleTest failure messages.
#include <ostream>
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
