// The report's cost-against-latency section on a hand-made recommendation: a configuration seen
// only in the short window around the peak is drawn apart, said so in words, and kept out of the
// table of the Pareto front.
#include "charts/report_plan_charts.h"
#include "plan/ranking.h"
#include "report/report_sections.h"
#include "support/simulated_candidate.h"

#include <QXYSeries>
#include <gtest/gtest.h>
#include <memory>
#include <variant>

using namespace headroom;

namespace {

CandidateResult candidate(const QString& name, double cost, double p95, bool fullLength)
{
    return test::simulatedCandidate(name, cost, p95, fullLength);
}

// The CPX31 window point is cheaper and faster than both full runs.
report::ReportData withAPeakWindowPoint()
{
    Recommendation r;
    r.sloP95Ms = 300;
    r.candidates = {candidate(QStringLiteral("CPX21"), 52, 55, true), candidate(QStringLiteral("CCX23"), 198, 62, true),
                    candidate(QStringLiteral("CPX31"), 30, 40, false)};
    r.recommended = 0;
    r.pareto = paretoPoints(r.candidates);
    report::ReportData d;
    d.recommendation = r;
    return d;
}

TEST(ReportPareto, PeakWindowPointsAreDrawnApartAndLeftOutOfTheFront)
{
    report::Content content;
    report::addSensitivity(content, withAPeakWindowPoint());
    QStringList paragraphs;
    const report::Chart* chart = nullptr;
    const report::Table* front = nullptr;
    for (const report::Block& b : content.blocks) {
        if (const auto* p = std::get_if<report::Paragraph>(&b)) paragraphs << p->html;
        if (const auto* c = std::get_if<report::Chart>(&b); c && !chart) chart = c;
        if (const auto* t = std::get_if<report::Table>(&b); t && !front) front = t;
    }
    const QString text = paragraphs.join(QLatin1Char('\n'));
    EXPECT_TRUE(text.contains(QStringLiteral("Hollow grey points were only simulated in the short window around the traffic peak")))
        << text.toStdString();
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->caption, QStringLiteral("3 simulated configurations, 1 of them in the peak window only; orange: the recommendation."));
    const std::unique_ptr<QChart> drawn(chart->make());
    int apart = -1;
    for (QAbstractSeries* s : drawn->series())
        if (s->name() == charts::peakWindowOnlyName()) apart = int(qobject_cast<QXYSeries*>(s)->count());
    EXPECT_EQ(apart, 1);
    ASSERT_NE(front, nullptr);
    QStringList onFront;
    for (const QStringList& row : front->rows) onFront << row.first();
    // CPX21 ($52, 55 ms) beats CCX23 ($198, 62 ms); the cheaper, faster window point is not there.
    EXPECT_EQ(onFront, QStringList{QStringLiteral("hetzner/CPX21")});
    // A recommendation made without its sensitivity runs says so, not that nothing met the SLO.
    EXPECT_TRUE(text.contains(QStringLiteral("made without its sensitivity runs"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("No configuration met the SLO"))) << text.toStdString();
}

}  // namespace
