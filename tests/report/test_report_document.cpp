// The layout engine and the PDF writer on their own: page breaks, repeated table headers,
// escaping, vector output, and that a cancelled write leaves nothing behind.
#include "core/errors.h"
#include "report/report_document.h"
#include "report/report_pdf.h"
#include "report_test_support.h"
#include "support/fixtures.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::report;

namespace {

Content longTableContent(int rows)
{
    Content c;
    c.title.title = QStringLiteral("Layout test");
    c.title.subtitle = QStringLiteral("Tables across pages");
    c.runningTitle = QStringLiteral("Layout test");
    c.blocks.push_back(Heading{1, QStringLiteral("Long table")});
    Table t;
    t.headers = {QStringLiteral("Row id"), QStringLiteral("Node name"), QStringLiteral("Throughput")};
    t.numeric = {true, false, true};
    for (int i = 0; i < rows; ++i)
        t.rows << QStringList{QString::number(i + 1), QStringLiteral("node-%1").arg(i + 1),
                              QStringLiteral("%1 req/s").arg(100 + i)};
    c.blocks.push_back(t);
    c.blocks.push_back(Heading{1, QStringLiteral("After the table")});
    c.blocks.push_back(Paragraph{QStringLiteral("The end.")});
    return c;
}

}  // namespace

TEST(ReportDocument, LongTableBreaksAcrossPagesWithTheHeaderOnEveryPage)
{
    // 150 rows of ~16 pt cannot fit on one page of ~700 pt of body.
    ReportDocument doc(longTableContent(150));
    ASSERT_GE(doc.pageCount(), 1 + 1 + 3);  // title, contents, at least three table pages
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("table.pdf"));
    writePdf(doc, pdf);
    const QStringList pages = test::pdfPageTexts(pdf);
    ASSERT_EQ(pages.size(), doc.pageCount());
    int tablePages = 0;
    bool sawFirst = false, sawLast = false;
    for (int p = 2; p < pages.size(); ++p) {
        if (!pages[p].contains(QStringLiteral("node-"))) continue;
        ++tablePages;
        EXPECT_TRUE(pages[p].contains(QStringLiteral("Row id"))) << "page " << p + 1 << " lacks the header";
        EXPECT_TRUE(pages[p].contains(QStringLiteral("Node name")));
        sawFirst |= pages[p].contains(QStringLiteral("node-1\n")) || pages[p].contains(QStringLiteral("node-1 "));
        sawLast |= pages[p].contains(QStringLiteral("node-150"));
    }
    EXPECT_GE(tablePages, 3);
    EXPECT_TRUE(sawFirst);
    EXPECT_TRUE(sawLast);
    // Every row once: 150 distinct throughput values.
    const QString all = pages.join(QLatin1Char('\n'));
    for (int i : {0, 74, 149}) EXPECT_EQ(all.count(QStringLiteral("%1 req/s").arg(100 + i)), 1) << i;
}

TEST(ReportDocument, TableOfContentsPointsAtThePageOfEachHeading)
{
    ReportDocument doc(longTableContent(150));
    const auto& toc = doc.tableOfContents();
    ASSERT_EQ(toc.size(), 2u);
    EXPECT_EQ(toc[0].text, QStringLiteral("Long table"));
    EXPECT_EQ(toc[0].page, 2);  // after the title page and one contents page
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("toc.pdf"));
    writePdf(doc, pdf);
    const QStringList pages = test::pdfPageTexts(pdf);
    ASSERT_LT(toc[1].page, pages.size());
    EXPECT_TRUE(pages[toc[1].page].contains(QStringLiteral("After the table")));
    EXPECT_FALSE(pages[toc[1].page - 1].contains(QStringLiteral("2  After the table")));
    // The contents page lists it with that page number (1-based).
    EXPECT_TRUE(test::flatten(pages[1]).contains(QStringLiteral("After the table")));
    EXPECT_TRUE(pages[1].contains(QString::number(toc[1].page + 1)));
}

TEST(ReportDocument, MarkupInPlainTextIsShownLiterally)
{
    const QString evil = QStringLiteral("<b>Zürich & \"Co\"</b>");
    Content c;
    c.title.title = QStringLiteral("Escaping");
    c.title.subtitle = evil;
    c.runningTitle = evil;
    c.blocks.push_back(Heading{1, evil});
    Table t;
    t.headers = {QStringLiteral("Name")};
    t.rows << QStringList{evil};
    c.blocks.push_back(t);
    ReportDocument doc(std::move(c));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("escape.pdf"));
    writePdf(doc, pdf);
    const QString text = test::pdfText(pdf);
    // Title page, heading, table cell, contents entry: at least four literal copies.
    EXPECT_GE(text.count(evil), 4) << text.toStdString();
}

TEST(ReportDocument, CancelledWriteLeavesTheOldFileUntouched)
{
    ReportDocument doc(longTableContent(40));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("kept.pdf"));
    {
        QFile old(pdf);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("previous report");
    }
    std::atomic<bool> cancel{false};
    PdfOptions options;
    options.cancel = &cancel;
    options.progress = [&](int page, int) {
        if (page == 2) cancel = true;  // cancel in the middle of writing
    };
    EXPECT_THROW(writePdf(doc, pdf, options), Cancelled);
    QFile kept(pdf);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("previous report"));
    // No temporary file left beside it.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

TEST(ReportDocument, WriteToAMissingFolderIsARuntimeFailure)
{
    ReportDocument doc(longTableContent(3));
    EXPECT_THROW(writePdf(doc, QStringLiteral("/nonexistent-folder/x/report.pdf")), RuntimeFailure);
}

TEST(ReportDocument, PreviewImagePaintsTheSamePageAsThePdf)
{
    ReportDocument doc(longTableContent(30));
    QImage image(QSize(595, 842), QImage::Format_RGB32);
    image.fill(Qt::black);  // paintPage must fill the page white itself
    {
        QPainter p(&image);
        ReportDocument::beginPage(p, QRectF(image.rect()));
        doc.paintPage(p, 2);
    }
    EXPECT_EQ(QColor(image.pixel(5, 5)), QColor(Qt::white));
    EXPECT_GT(test::bodyInk(image), 2000);
}
