#pragma once
#include <QImage>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

#include "report/report_content.h"

namespace headroom::test {

// Tools the report tests use to look at a written PDF from the outside, the way a reader's
// viewer sees it: poppler's pdftotext, pdfinfo, pdftoppm and pdfimages.

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
ProcessResult runProgram(const QString& program, const QStringList& args, int timeoutMs = 300000);
// The built `headroom` executable next to the tests.
QString headroomExe();
// A report runs a whole recommendation, which under the sanitizers takes several minutes.
ProcessResult runHeadroom(const QStringList& args, int timeoutMs = 1200000);

QString pdfText(const QString& pdf);                 // pdftotext, reading order, UTF-8
// pdftotext -raw: the order the text was drawn, so a wrapped table cell stays in one piece
// instead of interleaving with its neighbours on the same line.
QString pdfRawText(const QString& pdf);
QStringList pdfPageTexts(const QString& pdf);        // split at form feeds
int pdfPageCount(const QString& pdf);                // pdfinfo "Pages:"
int pdfImageCount(const QString& pdf);               // pdfimages -list rows
// Non-white pixels of each page rendered at `dpi`, counted in the body between the running
// header and the footer (so a page with only its header and footer counts ~0).
std::vector<int> bodyInkPerPage(const QString& pdf, const QString& workDir, int dpi = 40);
int bodyInk(const QImage& page);

// `headroom simulate --json` for the same scenario, workspace and seed.
QJsonObject simulateJson(const QString& scenario, const QString& workspace, quint64 seed, int replications = 0);

// The table under the first heading called `heading` (and under no later heading), or null.
const report::Table* tableAfterHeading(const report::Content& content, const QString& heading);

// Collapses whitespace runs (line breaks included) to single spaces, for searching wrapped text.
QString flatten(const QString& text);

}  // namespace headroom::test
