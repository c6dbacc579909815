#pragma once
#include "report_blocks.h"
#include "report_data.h"

namespace headroom::report {

// The report's sections, each appending its blocks to the content. Split by subject so that
// each file stays about one part of the report.
void addExecutiveSummary(Content& c, const ReportData& d);
void addInputsAndProvenance(Content& c, const ReportData& d);
void addFleetFindings(Content& c, const ReportData& d);
void addDataQuality(Content& c, const ReportData& d);
void addLeadTime(Content& c, const ReportData& d);
// Charts and per-replication table of one simulated configuration.
void addSimulation(Content& c, const QString& title, const ResolvedScenario& scenario, const SimulationResult& r,
                   quint64 seed, const QString& intro);
// The recommender's answer in a sentence, with the two runners-up.
void addRecommendationSummary(Content& c, const ReportData& d);
void addProviderComparison(Content& c, const ReportData& d);
void addSensitivity(Content& c, const ReportData& d);
void addMethodology(Content& c, const ReportData& d);

// Small builders shared by the sections.
inline void heading(Content& c, const QString& text, int level = 1) { c.blocks.push_back(Heading{level, text}); }
inline void para(Content& c, const QString& html) { c.blocks.push_back(Paragraph{html}); }
inline void table(Content& c, Table t) { c.blocks.push_back(std::move(t)); }
inline void chart(Content& c, std::function<QChart*()> make, double height, const QString& caption = {})
{
    c.blocks.push_back(Chart{std::move(make), height, caption});
}

// "6 × aws/c6i.large" or "4–40 × aws/c6i.large, target tracking at 60 % CPU".
QString fleetDescription(const ReportData& d);
QString policyDescription(const Scenario& s);

}  // namespace headroom::report
