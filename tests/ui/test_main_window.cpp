#include "app_context.h"
#include "catalog/catalog.h"
#include "import/import_service.h"
#include "main_window.h"
#include "models/catalog_table_model.h"
#include "models/dataset_table_model.h"
#include "pages/catalog_page.h"
#include "pages/data_page.h"
#include "pages/page.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "job_runner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

// A long-format CSV small enough to read in the test: two nodes, one metric, three samples each.
QString writeLongCsv(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("cpu.csv"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("time,node,metric,value\n"
            "2026-01-01T00:00:00Z,web-1,cpu.util_pct,41\n2026-01-01T00:01:00Z,web-1,cpu.util_pct,43\n"
            "2026-01-01T00:02:00Z,web-1,cpu.util_pct,47\n2026-01-01T00:00:00Z,web-2,cpu.util_pct,39\n"
            "2026-01-01T00:01:00Z,web-2,cpu.util_pct,40\n2026-01-01T00:02:00Z,web-2,cpu.util_pct,44\n");
    return path;
}

}  // namespace

TEST(MainWindow, NavigatesEveryPageOnATemporaryWorkspace)
{
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_TRUE(window.openWorkspace(dir.filePath(QStringLiteral("gui.headroom"))));
    window.show();
    auto* nav = window.findChild<QListWidget*>();
    auto* stack = window.findChild<QStackedWidget*>();
    ASSERT_NE(nav, nullptr);
    ASSERT_NE(stack, nullptr);
    const QStringList expected = {QStringLiteral("Data"), QStringLiteral("Catalog"), QStringLiteral("Fleet"),
                                  QStringLiteral("Lead time"), QStringLiteral("Scenario"), QStringLiteral("Simulate"),
                                  QStringLiteral("Validation"),
                                  QStringLiteral("Recommend"), QStringLiteral("Compare"), QStringLiteral("Report")};
    ASSERT_EQ(nav->count(), expected.size());
    for (int i = 0; i < nav->count(); ++i) {
        EXPECT_EQ(nav->item(i)->text(), expected[i]);
        nav->setCurrentRow(i);
        QApplication::processEvents();
        EXPECT_EQ(stack->currentIndex(), i);
        EXPECT_EQ(static_cast<Page*>(stack->currentWidget())->title(), expected[i]);
        EXPECT_TRUE(stack->currentWidget()->isVisible());
    }
    window.context()->jobs()->waitForAll();
}

TEST(MainWindow, CatalogTableMatchesTheDatabase)
{
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_TRUE(window.openWorkspace(dir.filePath(QStringLiteral("gui.headroom"))));
    auto* page = qobject_cast<CatalogPage*>(window.pageByTitle(QStringLiteral("Catalog")));
    ASSERT_NE(page, nullptr);
    QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    const int rowsInDb = sql::scalar(window.context()->workspace()->database(),
                                     QStringLiteral("SELECT count(*) FROM instance_type")).toInt();
    EXPECT_EQ(page->model()->rowCount(), rowsInDb);
    // Every row of the table is a row of the database with the same price.
    for (int r = 0; r < page->model()->rowCount(); ++r) {
        const QString provider = page->model()->index(r, CatalogTableModel::Provider).data().toString();
        const QString name = page->model()->index(r, CatalogTableModel::Name).data().toString();
        const double price = page->model()->index(r, CatalogTableModel::Price).data(Qt::UserRole).toDouble();
        const double inDb = sql::scalar(window.context()->workspace()->database(),
                                        QStringLiteral("SELECT t.price_per_hour FROM instance_type t JOIN provider p ON p.id = "
                                                       "t.provider_id WHERE p.key = ? AND t.name = ?"),
                                        {provider, name}).toDouble();
        EXPECT_DOUBLE_EQ(price, inDb) << provider.toStdString() << "/" << name.toStdString();
    }
    // Filtering by provider and text narrows the view to matching rows only.
    page->setProviderFilter(QStringLiteral("hetzner"));
    page->setFilterText(QStringLiteral("CCX"));
    const QAbstractItemModel* view = page->table()->model();
    EXPECT_EQ(view->rowCount(), 3);  // CCX13, CCX23, CCX33
    for (int r = 0; r < view->rowCount(); ++r)
        EXPECT_TRUE(view->index(r, CatalogTableModel::Name).data().toString().startsWith(QStringLiteral("CCX")));
}

TEST(MainWindow, DataTableMatchesTheDatabaseAfterAnImport)
{
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_TRUE(window.openWorkspace(dir.filePath(QStringLiteral("gui.headroom"))));
    auto* page = qobject_cast<DataPage*>(window.pageByTitle(QStringLiteral("Data")));
    ASSERT_NE(page, nullptr);
    QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(page->model()->rowCount(), 0);

    try {
        importFile(*window.context()->workspace(), ImportRequest{writeLongCsv(dir), {}, {}, {}});
    } catch (const std::exception& e) {
        GTEST_SKIP() << "the generic CSV importer is not available: " << e.what();
    }
    window.context()->notifyDatasetsChanged();
    ASSERT_EQ(page->model()->rowCount(), 1);
    const DatasetSummary* d = page->model()->datasetAt(0);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->name, QStringLiteral("cpu.csv"));
    EXPECT_EQ(d->series, 2);   // one per node
    EXPECT_EQ(d->samples, 6);
    EXPECT_EQ(sql::scalar(window.context()->workspace()->database(), QStringLiteral("SELECT count(*) FROM sample")).toInt(), 6);
    window.context()->jobs()->waitForAll();
}

TEST(MainWindow, UnreadableWorkspaceKeepsTheCurrentOne)
{
    QTemporaryDir dir;
    MainWindow window;
    const QString good = dir.filePath(QStringLiteral("good.headroom"));
    ASSERT_TRUE(window.openWorkspace(good));
    const QString bad = dir.filePath(QStringLiteral("bad.headroom"));
    QFile f(bad);
    f.open(QIODevice::WriteOnly);
    f.write("not a database");
    f.close();
    // The message box would block; close it as soon as it shows.
    QTimer::singleShot(200, [] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w->inherits("QMessageBox")) w->close();
    });
    EXPECT_FALSE(window.openWorkspace(bad));
    EXPECT_EQ(window.context()->workspace()->path(), good);
    EXPECT_EQ(headroom::test::readFile(bad), QByteArray("not a database"));
}
