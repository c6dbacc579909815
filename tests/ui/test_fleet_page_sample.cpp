// The Fleet page on the shipped sample workspace, as a user first sees it: the Azure VM Noise
// Dataset's D8s_v5 and B8ms fleets side by side. With HEADROOM_SCREENSHOT_DIR set, each tab is
// also saved as a PNG there, to look at.
#include "app_context.h"
#include "import/workspace_setup.h"
#include "pages/data_page.h"
#include "pages/fleet_page.h"
#include "pages/lead_time_page.h"
#include "store/workspace.h"
#include "job_runner.h"

#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

TEST(FleetPageSample, OpensOnTheAzureFleetsWithTheirPopulationsAndDrift)
{
    QTemporaryDir dir;
    auto ws = openWorkspaceFile(dir.filePath(QStringLiteral("sample.headroom")));
    ASSERT_GT(importSampleInputs(*ws), 10);
    AppContext ctx;
    ctx.setWorkspace(std::move(ws));
    FleetPage page(&ctx);
    page.resize(1400, 900);
    page.show();
    QSignalSpy done(&page, &FleetPage::refreshed);
    page.activated();
    ASSERT_TRUE(done.wait(60000));
    ctx.jobs()->waitForAll();
    EXPECT_EQ(page.metricPicker()->currentText(), QStringLiteral("cpu.events_per_s"));
    const QString cards = page.cards()->text();
    EXPECT_TRUE(cards.contains(QStringLiteral("<b>azure/B8ms</b> · 11824 nodes"))) << cards.toStdString();
    EXPECT_TRUE(cards.contains(QStringLiteral("3 populations, not one"))) << cards.toStdString();
    EXPECT_TRUE(cards.contains(QStringLiteral("CC BY 4.0"))) << "the dataset's attribution is shown with it";
    // One histogram line per group of two or more nodes (B8ms, D8s_v5; not the sample machine alone).
    EXPECT_EQ(page.histogramChart()->series().size(), 2);
    // Three long-lived VMs per type.
    EXPECT_EQ(page.driftChart()->series().size(), 6);

    const QString shots = qEnvironmentVariable("HEADROOM_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        auto* tabs = page.findChild<QTabWidget*>();
        ASSERT_NE(tabs, nullptr);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            page.grab().save(QDir(shots).filePath(QStringLiteral("fleet_%1.png").arg(i)));
        }
    }
}

// The Data page shows the licence and attribution of the data it lists; the Lead time page has
// real events to show on the first start.
TEST(FleetPageSample, DataPageCreditsTheDatasetsAndLeadTimeIsNotEmpty)
{
    QTemporaryDir dir;
    auto ws = openWorkspaceFile(dir.filePath(QStringLiteral("sample.headroom")));
    ASSERT_GT(importSampleInputs(*ws), 10);
    AppContext ctx;
    ctx.setWorkspace(std::move(ws));
    DataPage data(&ctx);
    data.resize(1400, 900);
    data.show();
    ctx.notifyDatasetsChanged();
    const QString credits = data.licences()->text();
    EXPECT_TRUE(data.licences()->isVisible());
    EXPECT_TRUE(credits.contains(QStringLiteral("Azure VM Noise Dataset 2024"))) << credits.toStdString();
    EXPECT_TRUE(credits.contains(QStringLiteral("CC BY 4.0")));
    EXPECT_TRUE(credits.contains(QStringLiteral("Freischuetz")));
    LeadTimePage lead(&ctx);
    lead.resize(1400, 900);
    lead.show();
    QSignalSpy done(&lead, &LeadTimePage::refreshed);
    lead.activated();
    ASSERT_TRUE(done.wait(60000));
    ctx.jobs()->waitForAll();
    EXPECT_FALSE(lead.grab().isNull());
    const QString shots = qEnvironmentVariable("HEADROOM_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        data.grab().save(QDir(shots).filePath(QStringLiteral("data_page.png")));
        lead.grab().save(QDir(shots).filePath(QStringLiteral("lead_time_page.png")));
    }
}
