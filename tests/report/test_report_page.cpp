// The Report page driven as a user would: pick a scenario, generate, look at the preview,
// export. The preview and the PDF come from the same ReportDocument.
#include "app_context.h"
#include "pages/report_page.h"
#include "report/report_document.h"
#include "report/report_preview.h"
#include "report_test_support.h"
#include "store/run_record.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "job_runner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

struct PageFixture {
    QTemporaryDir dir;
    AppContext context;
    ReportPage* page = nullptr;
    PageFixture()
    {
        auto ws = Workspace::open(dir.filePath(QStringLiteral("page.headroom")));
        Catalog::seedShipped(*ws);
        context.setWorkspace(std::move(ws));
        context.setScenarioPath(test::testsPath(QStringLiteral("report/fixed_fleet.json")));
        page = new ReportPage(&context);
        page->resize(700, 900);
        page->setIncludeRecommendation(false);  // the recommender has its own tests; keep this one quick
    }
    ~PageFixture()
    {
        context.jobs()->cancelAll();
        context.jobs()->waitForAll();
        delete page;
    }
    // Spins the event loop until `done` or the timeout.
    template <typename F>
    bool waitFor(F done, int timeoutMs = 600000)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return done();
    }
};

}  // namespace

TEST(ReportPage, TakesTheScenarioFromTheContextAndPreviewsThePagesItExports)
{
    PageFixture f;
    EXPECT_EQ(f.page->scenarioPath(), test::testsPath(QStringLiteral("report/fixed_fleet.json")));
    int ready = 0;
    QObject::connect(f.page, &ReportPage::reportReady, [&] { ++ready; });
    f.page->generate();
    ASSERT_TRUE(f.waitFor([&] { return ready > 0; })) << f.page->statusText().toStdString();
    const report::ReportDocument* doc = f.page->document();
    ASSERT_NE(doc, nullptr);
    ASSERT_GE(doc->pageCount(), 7);
    EXPECT_EQ(f.page->preview()->document(), doc);

    // The preview image of a content page has real ink in its body.
    const QImage preview = f.page->preview()->pageImage(2);
    ASSERT_FALSE(preview.isNull());
    EXPECT_GT(test::bodyInk(preview), 1000);

    const QString pdf = f.dir.filePath(QStringLiteral("from-page.pdf"));
    ASSERT_TRUE(f.page->exportPdf(pdf));
    EXPECT_EQ(test::pdfPageCount(pdf), doc->pageCount());
    // The exported page 3 and the preview page 3 carry the same heading.
    const QStringList pages = test::pdfPageTexts(pdf);
    ASSERT_GE(pages.size(), 3);
    EXPECT_TRUE(pages[2].contains(QStringLiteral("Executive summary")));
    EXPECT_EQ(doc->tableOfContents().front().text, QStringLiteral("Executive summary"));
    EXPECT_EQ(doc->tableOfContents().front().page, 2);
}

TEST(ReportPage, CancelStopsThePreparationAndWritesNothing)
{
    PageFixture f;
    const QString pdf = f.dir.filePath(QStringLiteral("cancelled.pdf"));
    f.page->exportPdf(pdf);  // no document yet: prepares first, exports when ready
    f.context.jobs()->cancelAll();
    ASSERT_TRUE(f.waitFor([&] { return !f.context.jobs()->busy(); }, 60000));
    QCoreApplication::processEvents();
    EXPECT_FALSE(QFile::exists(pdf));
    EXPECT_EQ(f.page->document(), nullptr);
}

TEST(ReportPage, ABadScenarioIsReportedOnThePage)
{
    PageFixture f;
    f.page->setScenarioPath(test::testsPath(QStringLiteral("report/bad_scenario.json")));
    int failed = 0;
    QObject::connect(f.page, &ReportPage::reportFailed, [&] { ++failed; });
    f.page->generate();
    ASSERT_TRUE(f.waitFor([&] { return failed > 0; }, 60000));
    EXPECT_TRUE(f.page->statusText().contains(QStringLiteral("$.cluster.nodes"))) << f.page->statusText().toStdString();
    EXPECT_EQ(f.page->document(), nullptr);
}

TEST(ReportPage, SecondPreviewTakesTheStoredSimulationAndRecomputeRunsItAgain)
{
    PageFixture f;
    int ready = 0;
    QObject::connect(f.page, &ReportPage::reportReady, [&] { ++ready; });
    const auto storedRuns = [&] { return runs::listRuns(*f.context.workspace()).size(); };
    f.page->generate();
    ASSERT_TRUE(f.waitFor([&] { return ready == 1; })) << f.page->statusText().toStdString();
    EXPECT_FALSE(f.page->statusText().contains(QStringLiteral("made at"))) << f.page->statusText().toStdString();
    EXPECT_FALSE(f.page->recomputeButton()->isEnabled());
    ASSERT_EQ(storedRuns(), 1u);

    f.page->generate();
    ASSERT_TRUE(f.waitFor([&] { return ready == 2; })) << f.page->statusText().toStdString();
    EXPECT_TRUE(f.page->statusText().contains(QStringLiteral("The simulation was made at "))) << f.page->statusText().toStdString();
    EXPECT_TRUE(f.page->recomputeButton()->isEnabled());
    EXPECT_EQ(storedRuns(), 1u) << "nothing was simulated";

    f.page->recomputeButton()->click();
    ASSERT_TRUE(f.waitFor([&] { return ready == 3; })) << f.page->statusText().toStdString();
    EXPECT_FALSE(f.page->statusText().contains(QStringLiteral("made at"))) << f.page->statusText().toStdString();
    EXPECT_EQ(storedRuns(), 2u);
}
