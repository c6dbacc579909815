// The Recommend table's CPU score column: the scores a row was judged with, and a plain "no CPU
// score" where a type has none, never a silent 1.
#include "catalog/catalog.h"
#include "pages/recommend_page_table.h"
#include "scenario/cpu_capacity.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

using namespace headroom;

TEST(RecommendTableCpuScores, ScoredRowsShowTheirScoresAndUnscoredRowsSaySo)
{
    const Catalog catalog = Catalog::shipped();
    const InstanceType c6i = *catalog.find(QStringLiteral("aws/c6i.large"));
    const InstanceType c7g = *catalog.find(QStringLiteral("aws/c7g.large"));
    const InstanceType c2 = *catalog.find(QStringLiteral("digitalocean/c-2"));
    Recommendation r;
    for (const InstanceType& t : {c7g, c2}) {
        CandidateResult c;
        c.type = t;
        c.screening.cpu = cpuCapacityOf(t, c6i.cpuScore, c6i.key());
        r.candidates.push_back(c);
    }
    RecommendTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setRecommendation(r);
    ASSERT_EQ(model.columnCount(), int(RecommendTableModel::ColumnCount));
    const auto cell = [&](int row, int role = Qt::DisplayRole) {
        return model.data(model.index(row, RecommendTableModel::CpuScore), role).toString();
    };
    EXPECT_EQ(cell(0), QStringLiteral("1532 / 3042 → 0.82× speed, 1.62 ref. vCPUs busy"));
    EXPECT_TRUE(cell(0, Qt::ToolTipRole).contains(QStringLiteral("aws/c6i.large"))) << cell(0, Qt::ToolTipRole).toStdString();
    EXPECT_TRUE(cell(0, Qt::ToolTipRole).contains(QStringLiteral("Spare Cores")));
    EXPECT_EQ(cell(1), QStringLiteral("no CPU score: assumed 1 vCPU = reference"));
    EXPECT_FALSE(model.headerData(RecommendTableModel::CpuScore, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
}
