// The report on the sample workspace (the real tool outputs shipped in data/sample/): every
// dataset appears with its title, format and the start of its SHA-256, computed here from the
// file itself, and the data-quality section checks the imported series.
#include "import/workspace_setup.h"
#include "report/report_data.h"
#include "report/report_generator.h"
#include "report/report_pdf.h"
#include "report_test_support.h"
#include "store/dataset_repository.h"
#include "store/workspace.h"
#include "support/fixtures.h"
#include "support/temp_workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <algorithm>

using namespace headroom;

TEST(ReportSampleWorkspace, ListsEveryDatasetWithItsHashAndChecksItsSeries)
{
    test::TempWorkspace ws;
    const int added = importSampleInputs(ws.ws());
    ASSERT_GT(added, 5);
    report::ReportRequest request;
    request.scenarioPath = test::testsPath(QStringLiteral("report/fixed_fleet.json"));
    request.replications = 2;
    request.recommend = false;
    const report::ReportData data = report::gatherReportData(ws.ws(), request);
    ASSERT_EQ(data.datasets.size(), added);
    ASSERT_FALSE(data.licences.empty());
    EXPECT_GT(data.qualitySeries, 0);  // sysstat, Prometheus and iperf3 intervals are series
    const auto doc = report::layoutReport(data);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("sample.pdf"));
    report::writePdf(*doc, pdf);

    QString squeezed = test::flatten(test::pdfRawText(pdf));
    squeezed.remove(QLatin1Char(' '));
    int checked = 0;
    // Every file below data/sample (the fleet and lead-time evidence sits in sub-folders).
    QDirIterator it(test::projectDataPath(QStringLiteral("sample")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = QFileInfo(path).fileName();
        if (name == QLatin1String("README.md") || name == QLatin1String("manifest.csv")) continue;
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
        EXPECT_TRUE(squeezed.contains(sha.left(12))) << name.toStdString() << " " << sha.left(12).toStdString();
        // Named by its title, as the Data page names it: an Azure partition file
        // "unit=Events Per Second.csv" by what it measured, on which SKU and lifespan.
        const auto dataset = std::find_if(data.datasets.begin(), data.datasets.end(),
                                          [&](const DatasetSummary& d) { return d.sha256 == sha; });
        ASSERT_NE(dataset, data.datasets.end()) << name.toStdString();
        EXPECT_TRUE(squeezed.contains(QString(dataset->name).remove(QLatin1Char(' ')))) << dataset->name.toStdString();
        if (dataset->name != name) {
            EXPECT_FALSE(squeezed.contains(QString(name).remove(QLatin1Char(' ')))) << name.toStdString();
        }
        ++checked;
    }
    // The Azure data's licence travels with it into the report's provenance.
    EXPECT_TRUE(squeezed.contains(QStringLiteral("CCBY4.0"))) << "no attribution of the Azure VM Noise Dataset";
    EXPECT_TRUE(squeezed.contains(QStringLiteral("TUNA")));
    EXPECT_EQ(checked, added);
    // The data-quality paragraph states how many series it checked.
    EXPECT_TRUE(squeezed.contains(QStringLiteral("%1timeseriescheckedforgaps").arg(data.qualitySeries)));
    // No "nothing imported" wording when there are datasets.
    EXPECT_FALSE(squeezed.contains(QStringLiteral("holdsnoimporteddatasets")));
}
