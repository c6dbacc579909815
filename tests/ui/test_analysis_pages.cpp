#include "app_context.h"
#include "catalog/catalog.h"
#include "import/import_service.h"
#include "pages/fleet_page.h"
#include "pages/lead_time_page.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "job_runner.h"

#include <QChart>
#include <QComboBox>
#include <QGraphicsTextItem>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <cmath>

using namespace headroom;

namespace {

std::unique_ptr<Workspace> freshWorkspace(const QTemporaryDir& dir)
{
    auto ws = Workspace::open(dir.filePath(QStringLiteral("pages.headroom")));
    Catalog::seedShipped(*ws);
    return ws;
}

}  // namespace

TEST(AnalysisPages, FleetPageShowsTheZoneSpreadOfTheGceIperfRuns)
{
    HEADROOM_FIXTURE(path, "variance/pkb_iperf_n1-standard-2_us-central1-a_b_internal_SUBSET.json");
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ImportRequest req;
    req.path = path;
    importFile(*ws, req);
    AppContext ctx;
    ctx.setWorkspace(std::move(ws));
    FleetPage page(&ctx);
    page.show();
    page.groupBy()->setCurrentText(QStringLiteral("sending_zone"));
    QSignalSpy done(&page, &FleetPage::refreshed);
    page.activated();  // fills the metric picker (one metric) and analyses it
    ASSERT_TRUE(done.wait(20000));
    ctx.jobs()->waitForAll();
    // Zone a first; its CV computed here from the raw lines.
    std::vector<double> a;
    static const QRegularExpression zoneA(QStringLiteral("sending_zone:us-central1-a\\|"));
    for (const QByteArray& line : test::readFile(path).split('\n'))
        if (zoneA.match(QString::fromUtf8(line)).hasMatch())
            a.push_back(QJsonDocument::fromJson(line).object().value(QStringLiteral("value")).toDouble());
    double m = 0, sq = 0;
    for (double x : a) m += x / double(a.size());
    for (double x : a) sq += (x - m) * (x - m);
    const double cv = std::sqrt(sq / double(a.size() - 1)) / m;
    const QString text = page.cards()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("us-central1-a"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("between-node CV <b>%1</b>").arg(QString::number(cv, 'g', 3)))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("146 nodes")));
}

TEST(AnalysisPages, FleetPageSaysWhyOneNodeIsNotCompared)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ImportRequest req;
    req.path = test::projectDataPath(QStringLiteral("sample/sysbench_cpu.txt"));
    importFile(*ws, req);
    AppContext ctx;
    ctx.setWorkspace(std::move(ws));
    FleetPage page(&ctx);
    page.show();
    QSignalSpy done(&page, &FleetPage::refreshed);
    page.activated();
    ASSERT_TRUE(done.wait(20000));
    ctx.jobs()->waitForAll();
    EXPECT_TRUE(page.cards()->text().contains(QStringLiteral("1 node, 1 run"))) << page.cards()->text().toStdString();
    // No lone box that would read like a verdict, but a message that says what is missing.
    EXPECT_TRUE(page.runsChart()->series().isEmpty());
    QString message;
    for (QGraphicsItem* item : page.runsChart()->childItems())
        if (item->data(0).toString() == QLatin1String("message"))
            message = static_cast<QGraphicsTextItem*>(item)->toPlainText();
    EXPECT_TRUE(message.contains(QStringLiteral("one node only"))) << message.toStdString();
}

TEST(AnalysisPages, LeadTimePageFallsBackToTheCatalogForAProvider)
{
    QTemporaryDir dir;
    AppContext ctx;
    ctx.setWorkspace(freshWorkspace(dir));
    LeadTimePage page(&ctx);
    page.show();
    QSignalSpy done(&page, &LeadTimePage::refreshed);
    page.providerPicker()->setCurrentIndex(page.providerPicker()->findData(QStringLiteral("aws")));
    ASSERT_TRUE(done.wait(20000));
    ctx.jobs()->waitForAll();
    QTableWidget* table = page.phaseTable();
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("boot"));
    // data/catalog/boot_times.csv: aws p50 32 s, p95 46 s to user data.
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("32"));
    EXPECT_EQ(table->item(0, 4)->text(), QStringLiteral("46"));
    EXPECT_TRUE(table->item(0, 5)->text().startsWith(QStringLiteral("catalog: ")));
    EXPECT_TRUE(page.summary()->text().contains(QStringLiteral("Total: p50")));
}
