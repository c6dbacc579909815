// The report's candidate table states the CPU score each row was judged with, and that a type
// without one was counted as the reference (built from a hand-made recommendation: no simulation).
#include "catalog/catalog.h"
#include "report/report_data.h"
#include "report/report_sections.h"
#include "scenario/cpu_capacity.h"

#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::report;

TEST(ReportCpuScores, CandidateTableHasTheScoreColumnAndFlagsTypesWithout)
{
    const Catalog catalog = Catalog::shipped();
    const InstanceType c6i = *catalog.find(QStringLiteral("aws/c6i.large"));
    Recommendation r;
    for (const char* key : {"aws/c6i.large", "digitalocean/c-2"}) {
        CandidateResult c;
        c.type = *catalog.find(QString::fromLatin1(key));
        c.screening.cpu = cpuCapacityOf(c.type, c6i.cpuScore, c6i.key());
        r.candidates.push_back(c);
    }
    ReportData d;
    d.recommendation = r;
    Content content;
    addProviderComparison(content, d);
    const Table* candidates = nullptr;
    for (const Block& b : content.blocks)
        if (const Table* t = std::get_if<Table>(&b); t && t->headers.contains(QStringLiteral("CPU score"))) candidates = t;
    ASSERT_NE(candidates, nullptr);
    const int column = int(candidates->headers.indexOf(QStringLiteral("CPU score")));
    ASSERT_EQ(candidates->rows.size(), 2);
    EXPECT_EQ(candidates->rows[0][column], QStringLiteral("1879 / 1918 → 1.00× speed, 1.02 ref. vCPUs busy"));
    EXPECT_EQ(candidates->rows[1][column], QStringLiteral("no CPU score: assumed 1 vCPU = reference"));
    EXPECT_EQ(candidates->widths.size(), candidates->headers.size());
}

TEST(ReportCpuScores, AWinnerWithoutAScoreIsNamedWithACaution)
{
    const Catalog catalog = Catalog::shipped();
    const InstanceType c6i = *catalog.find(QStringLiteral("aws/c6i.large"));
    CandidateResult c;
    c.type = *catalog.find(QStringLiteral("digitalocean/c-2"));
    c.screening.cpu = cpuCapacityOf(c.type, c6i.cpuScore, c6i.key());
    c.status = CandidateResult::Status::Recommended;
    c.policy = QStringLiteral("none");
    Evaluation e;
    e.nodes = e.nodesMax = 2;
    e.meetsSlo = true;
    c.chosen = e;
    Recommendation r;
    r.candidates.push_back(c);
    r.recommended = 0;
    ReportData d;
    d.recommendation = r;
    Content content;
    addRecommendationSummary(content, d);
    bool caution = false;
    for (const Block& b : content.blocks)
        if (const Paragraph* p = std::get_if<Paragraph>(&b))
            caution |= p->html.contains(QStringLiteral("Caution")) && p->html.contains(QStringLiteral("no CPU score"));
    EXPECT_TRUE(caution);
}
