#pragma once
#include "importer.h"

#include <QByteArray>
#include <QString>
#include <vector>

// Reading benchmark tool output (text or JSON printed by a tool) for the benchmark importers.
namespace headroom::tooltext {

// Reads a whole input. Refuses what no parser can read, with a message that says what the file
// is and what was expected: empty input, UTF-16/UTF-32 (by BOM or by the pattern of zero
// bytes) and binary data (a NUL byte, with its line and column). A UTF-8 BOM is kept so that
// positions count the original bytes. `expected` names the format, e.g. "fio JSON output".
QByteArray read(QIODevice& in, const ImportContext& context, const QString& expected);

// True when the bytes look like UTF-16 or UTF-32 text rather than UTF-8.
bool looksWide(const QByteArray& head);

// `head` without a UTF-8 BOM, for sniffers.
QByteArray withoutBom(const QByteArray& head);

// One line: 1-based number, text without the line break (CR stripped) and without the UTF-8
// BOM on the first line.
struct Line {
    int number = 0;
    QString text;
};
std::vector<Line> lines(const QByteArray& text);

// The words every "the input ended early" warning and error contains, so that callers and tests
// can tell a cut file from other warnings.
inline constexpr const char* kEndedEarly = "input ended early";

// The lines of a tool's text output, which always ends with a line feed. When the last line has
// none and ends in a digit or a separator, the file may have been cut inside a number
// ("Requests/sec:   5" for 5722.03): that line is left out and a warning says so. A last line
// that ends otherwise ("Transfer/sec: 2.38MB") is complete by its shape and kept.
std::vector<Line> completeLines(const QByteArray& text, QVector<ImportWarning>& warnings);
// The same rule on the bytes, for importers that walk lines themselves: the text without a
// last line that may have been cut. Formats that a program always ends with a line feed (the
// Prometheus exposition, sadf, Locust's CSV) pass `alwaysEndsWithLineFeed`: any last line
// without one is then taken as cut.
QByteArray withoutCutLastLine(const QByteArray& text, QVector<ImportWarning>& warnings, bool alwaysEndsWithLineFeed = false);

// The text with carriage returns before a line feed removed ("\r\n" and the "\r\r\n" that some
// Windows tools write), so that line numbers count what an editor shows as lines.
QByteArray unixLineEnds(const QByteArray& text);

// Throws InputError at "FILE:LINE:COL".
[[noreturn]] void failAt(const ImportContext& context, int line, int column, const QString& what);

// JSON embedded in tool output: keeps the object that starts at the first '{' at or after
// `from` up to its matching '}', and blanks everything outside it to spaces, so that error
// positions still count lines and columns of the original file. Text printed before or after
// the JSON (fio notes, `--output-format=json,normal`) is thereby ignored.
QByteArray isolateJsonObject(const QByteArray& text, qsizetype from);

}  // namespace headroom::tooltext
