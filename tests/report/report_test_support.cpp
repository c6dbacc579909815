#include "report_test_support.h"

#include <variant>

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

namespace headroom::test {

ProcessResult runProgram(const QString& program, const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("cannot start %1").arg(program).toUtf8();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QByteArrayLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString headroomExe() { return QStringLiteral(HEADROOM_BINARY_DIR "/app/headroom"); }

ProcessResult runHeadroom(const QStringList& args, int timeoutMs) { return runProgram(headroomExe(), args, timeoutMs); }

QString pdfText(const QString& pdf)
{
    return QString::fromUtf8(runProgram(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
                                                                      QStringLiteral("-")}).out);
}

QString pdfRawText(const QString& pdf)
{
    return QString::fromUtf8(runProgram(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                                                      QStringLiteral("UTF-8"), pdf, QStringLiteral("-")}).out);
}

QStringList pdfPageTexts(const QString& pdf)
{
    QStringList pages = pdfText(pdf).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty()) pages.removeLast();
    return pages;
}

int pdfPageCount(const QString& pdf)
{
    const QString info = QString::fromUtf8(runProgram(QStringLiteral("pdfinfo"), {pdf}).out);
    const auto m = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

int pdfImageCount(const QString& pdf)
{
    const ProcessResult r = runProgram(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    if (r.exitCode != 0) return -1;
    // Two header lines, then one line per image.
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return std::max(0, int(lines.size()) - 2);
}

int bodyInk(const QImage& page)
{
    const QImage img = page.convertToFormat(QImage::Format_RGB32);
    // Body: below the running header (~62 pt of 842) and above the footer rule (~800 pt).
    const int top = int(img.height() * 62.0 / 842.0);
    const int bottom = int(img.height() * 790.0 / 842.0);
    int ink = 0;
    for (int y = top; y < bottom; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            if (qGray(line[x]) < 235) ++ink;
    }
    return ink;
}

std::vector<int> bodyInkPerPage(const QString& pdf, const QString& workDir, int dpi)
{
    const QString prefix = QDir(workDir).filePath(QStringLiteral("page"));
    runProgram(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), pdf, prefix});
    QStringList files = QDir(workDir).entryList({QStringLiteral("page-*.png")}, QDir::Files, QDir::Name);
    std::vector<int> out;
    for (const QString& f : files) out.push_back(bodyInk(QImage(QDir(workDir).filePath(f))));
    return out;
}

QJsonObject simulateJson(const QString& scenario, const QString& workspace, quint64 seed, int replications)
{
    QStringList args{QStringLiteral("simulate"), scenario, QStringLiteral("-w"), workspace, QStringLiteral("--seed"),
                     QString::number(seed), QStringLiteral("--json"),
                     QStringLiteral("--recompute")};  // computed on its own, not the report's stored run
    if (replications > 0) args << QStringLiteral("--replications") << QString::number(replications);
    return QJsonDocument::fromJson(runHeadroom(args).out).object();
}

QString flatten(const QString& text) { return text.simplified(); }

const report::Table* tableAfterHeading(const report::Content& content, const QString& heading)
{
    bool seen = false;
    for (const report::Block& b : content.blocks) {
        if (const auto* h = std::get_if<report::Heading>(&b)) seen = h->text == heading;
        else if (const auto* t = std::get_if<report::Table>(&b); t && seen) return t;
    }
    return nullptr;
}

}  // namespace headroom::test
