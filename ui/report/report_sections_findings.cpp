#include "charts/fleet_charts.h"
#include "charts/report_charts.h"
#include "report_format.h"
#include "report_sections.h"

#include <cmath>
#include <memory>

namespace headroom::report {

namespace {

constexpr int kMaxFleetMetrics = 3;
constexpr int kMaxNodeRows = 30;
constexpr int kMaxFindings = 60;

QString cvText(double cv) { return std::isnan(cv) ? QObject::tr("n/a") : fmt::percent(cv, 1); }


}  // namespace

void addFleetFindings(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Fleet homogeneity"));
    if (d.fleet.empty()) {
        para(c, QObject::tr("No metric in this workspace was measured on two or more nodes of the same instance type "
                            "(datasets imported with --instance-type), so how alike the nodes are cannot be told from "
                            "the data. The simulation uses the node "
                            "speed spread the scenario states (CV %1).")
                    .arg(fmt::num(d.scenario.doc.cluster.speedCv, 3)));
        return;
    }
    para(c, QObject::tr("For each metric measured on several nodes of one instance type, the same figures and charts as "
                        "the Fleet page (one model call): the spread between nodes (coefficient of variation of the node "
                        "means), the run-to-run spread on one node, nodes whose modified z-score 0.6745·(x − median)/MAD "
                        "exceeds %1 (outliers), whether the nodes form more than one population (normal mixtures compared "
                        "by BIC, overlapping components merged), and the drift of long-lived nodes. %2 metric(s) found; "
                        "the %3 with most nodes are shown.")
                .arg(fmt::num(d.fleet.front().groups.front().result.outlierThreshold, 1))
                .arg(d.fleet.size())
                .arg(std::min<int>(kMaxFleetMetrics, int(d.fleet.size()))));
    if (!d.scenario.nodeSpeedSource.isEmpty())
        para(c, QObject::tr("The simulation draws each node's speed factor from the measured nodes: %1.").arg(fmt::esc(d.scenario.nodeSpeedSource)));
    for (int i = 0; i < std::min<int>(kMaxFleetMetrics, int(d.fleet.size())); ++i) {
        auto fleet = std::make_shared<analysis::FleetAnalysis>(d.fleet[size_t(i)]);
        heading(c, fleet->metric, 2);
        Table t;
        t.headers = {QObject::tr("Group"), QObject::tr("Nodes"), QObject::tr("Runs"), QObject::tr("Between-node CV"),
                     QObject::tr("Within-node CV"), QObject::tr("p90/p10"), QObject::tr("Outliers"), QObject::tr("Populations")};
        t.widths = {1.8, 0.7, 0.8, 1.1, 1.1, 0.8, 0.8, 1.2};
        t.numeric = {false, true, true, true, true, true, true, true};
        for (const auto& g : fleet->groups)
            t.rows << QStringList{g.group.group, QString::number(g.result.nodes), QString::number(g.result.runs),
                                  cvText(g.result.betweenNodeCv), cvText(g.result.withinNodeCv), fmt::num(g.result.p90OverP10, 3),
                                  QString::number(g.result.outliers), QString::number(g.populations.count)};
        table(c, std::move(t));
        for (const auto& g : fleet->groups)
            para(c, QStringLiteral("<b>%1</b>: %2").arg(fmt::esc(g.group.group), fmt::esc(g.populations.verdict)));
        chart(c, [fleet] { return charts::nodeMeanHistogram(*fleet); }, 200,
              QObject::tr("Share of each group's nodes per bin of their mean; bins shared by all groups."));
        bool drift = false;
        for (const auto& g : fleet->groups) drift |= !g.drift.empty();
        if (drift)
            chart(c, [fleet] { return charts::nodeDrift(*fleet); }, 180,
                  QObject::tr("Each run of a long-lived node, as % from that node's own mean, over time."));
        for (const auto& g : fleet->groups) {
            if (g.result.nodes > kMaxNodeRows) continue;  // thousands of rows belong in the --json output
            QVector<charts::NodeBox> boxes;
            for (size_t k = 0; k < g.group.nodes.size(); ++k)
                boxes << charts::NodeBox{g.group.nodes[k].node, g.group.nodes[k].values, g.result.perNode[k].outlier};
            const QString title = QStringLiteral("%1 · %2").arg(g.group.group, fleet->metric);
            const QString unit = fleet->unit;
            chart(c, [boxes, title, unit] { return charts::nodeBoxPlot(title, boxes, unit); }, 200,
                  QObject::tr("One box per node: whiskers at the lowest and highest run, box from the first to the third "
                              "quartile, line at the median."));
        }
    }
}

void addDataQuality(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Data quality"));
    int warnings = 0;
    for (const DatasetSummary& ds : d.datasets) warnings += int(ds.warnings.size());
    const auto& findings = d.quality.findings;
    if (d.qualitySeries == 0 && warnings == 0) {
        para(c, QObject::tr("The workspace holds no time series and no import produced warnings, so there is nothing "
                            "to check for gaps, counter resets, duplicate timestamps or clock offsets."));
        return;
    }
    para(c, QObject::tr("%1 time series checked for gaps against their own step, counter resets, duplicate or "
                        "out-of-order timestamps and clock offsets between nodes: %2 finding(s). Imports reported %3 "
                        "warning(s).")
                .arg(d.qualitySeries)
                .arg(findings.size())
                .arg(warnings));
    if (!findings.empty()) {
        Table t;
        t.headers = {QObject::tr("Severity"), QObject::tr("Finding"), QObject::tr("Node"), QObject::tr("Metric"),
                     QObject::tr("Details")};
        t.widths = {0.8, 1.1, 1.1, 1.4, 3.4};
        for (size_t i = 0; i < findings.size() && int(i) < kMaxFindings; ++i) {
            const quality::Finding& f = findings[i];
            t.rows << QStringList{quality::severityName(f.severity), f.kind, f.node, f.metric, f.message};
        }
        if (int(findings.size()) > kMaxFindings)
            t.caption = QObject::tr("The %1 most severe of %2 findings; `headroom analyze quality` lists them all.")
                            .arg(kMaxFindings)
                            .arg(findings.size());
        table(c, std::move(t));
    }
    if (warnings > 0) {
        heading(c, QObject::tr("Import warnings"), 2);
        Table t;
        t.headers = {QObject::tr("Dataset"), QObject::tr("Warning")};
        t.widths = {1.4, 4};
        for (const DatasetSummary& ds : d.datasets)
            for (const auto& w : ds.warnings) {
                const QJsonObject o = w.toObject();
                QString text = o.value(QStringLiteral("message")).toString();
                if (text.isEmpty()) text = w.toString();
                const QString where = o.value(QStringLiteral("where")).toString();
                t.rows << QStringList{ds.name, where.isEmpty() ? text : where + QStringLiteral(": ") + text};
            }
        table(c, std::move(t));
    }
}

void addLeadTime(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Scale-out lead time"));
    const Scenario& s = d.scenario.doc;
    const ResolvedScenario& r = d.scenario;
    const bool scales = s.autoscaling && s.autoscaling->policy != Autoscaling::Policy::None;
    const double metricDelay = scales ? s.autoscaling->metricIntervalOrDefault() : 0;
    const QStringList phases = {QObject::tr("metric delay"), QObject::tr("provisioning"), QObject::tr("boot"),
                                QObject::tr("image pull"), QObject::tr("app start"), QObject::tr("readiness"),
                                QObject::tr("registration")};
    const QVector<double> expected = {metricDelay,
                                      r.provisioningS.expectedValue(),
                                      r.bootS.expectedValue(),
                                      r.imagePullS,
                                      r.startS.expectedValue(),
                                      r.readinessS.expectedValue(),
                                      r.registrationS.expectedValue()};
    double total = 0;
    for (double v : expected) total += v;
    if (!scales)
        para(c, QObject::tr("The scenario runs a fixed fleet, so the time to add a node does not affect its results. "
                            "The phases below are what a scale-out would take with the scenario's lead-time "
                            "settings, for planning an autoscaling policy."));
    else
        para(c, QObject::tr("From the moment load rises to the moment a new node serves traffic, a scale-out passes "
                            "the phases below. With expected values the total is <b>%1</b>; while it lasts the "
                            "existing nodes carry the load alone. The policy then waits a cooldown of %2 before "
                            "acting again.")
                    .arg(fmt::seconds(total), fmt::seconds(s.autoscaling->cooldownS)));
    QVector<charts::PhaseBar> bars{{QObject::tr("expected"), expected}};
    if (auto boot = d.catalog.bootTimesOf(r.instanceType.provider); boot && boot->machineStartP95 > 0) {
        QVector<double> slow = expected;
        slow[2] = boot->machineStartP95;
        bars << charts::PhaseBar{QObject::tr("boot at catalog p95"), slow};
    }
    // Imported events, phase by phase in the chart's order (phases the chart does not show, such
    // as Kubernetes scheduling, appear in the table below it).
    const QStringList measuredKeys = {QStringLiteral("metric_delay"), QStringLiteral("provisioning"), QStringLiteral("boot"),
                                      QStringLiteral("image_pull"),   QStringLiteral("app_start"),    QStringLiteral("readiness"),
                                      QStringLiteral("registration")};
    std::vector<const leadtime::PhaseModel*> measured;
    if (d.measuredLeadTime)
        for (const leadtime::PhaseModel& m : d.measuredLeadTime->phases)
            if (m.fromData) measured.push_back(&m);
    if (!measured.empty()) {
        QVector<double> p50(measuredKeys.size(), 0.0), p95(measuredKeys.size(), 0.0);
        for (const leadtime::PhaseModel* m : measured)
            if (const qsizetype i = measuredKeys.indexOf(m->phase); i >= 0) {
                p50[i] = m->p50;
                p95[i] = m->p95;
            }
        bars << charts::PhaseBar{QObject::tr("measured p50"), p50} << charts::PhaseBar{QObject::tr("measured p95"), p95};
    }
    chart(c, [phases, bars] { return charts::leadTimePhases(phases, bars); }, measured.empty() ? 170 : 210,
          QObject::tr("Phases of one scale-out, stacked in the order they happen."));
    Table t;
    t.headers = {QObject::tr("Phase"), QObject::tr("Expected"), QObject::tr("Where the figure comes from")};
    t.widths = {1.2, 0.8, 3.4};
    t.numeric = {false, true, false};
    const QString fromScenario = QObject::tr("scenario autoscaling.lead_time");
    t.rows << QStringList{phases[0], fmt::seconds(expected[0]),
                          scales ? QObject::tr("metric interval of the policy") : QObject::tr("no autoscaling")};
    t.rows << QStringList{phases[1], fmt::seconds(expected[1]), fromScenario};
    t.rows << QStringList{phases[2], fmt::seconds(expected[2]),
                          scales && s.autoscaling->leadTime.bootFromCatalog ? QObject::tr("catalog boot times of the provider")
                                                                             : fromScenario};
    t.rows << QStringList{phases[3], fmt::seconds(expected[3]),
                          QObject::tr("image size ÷ pull bandwidth (%1 bytes at %2 bytes/s)")
                              .arg(fmt::grouped(scales ? s.autoscaling->leadTime.imageBytes : 0, 0),
                                   fmt::grouped(scales ? s.autoscaling->leadTime.pullBytesPerS : 0, 0))};
    t.rows << QStringList{phases[4], fmt::seconds(expected[4]), fromScenario};
    t.rows << QStringList{phases[5], fmt::seconds(expected[5]), fromScenario};
    t.rows << QStringList{phases[6], fmt::seconds(expected[6]), fromScenario};
    t.rows << QStringList{QObject::tr("total"), fmt::seconds(total), QString()};
    table(c, std::move(t));
    if (measured.empty()) return;

    heading(c, QObject::tr("Measured in the imported events"), 2);
    para(c, QObject::tr("Phase durations observed in the workspace's scale-out events. Compare them with the "
                        "scenario's settings above: a measured p95 well above the expected value means the "
                        "autoscaler reacts later than the simulation assumes."));
    Table m;
    m.headers = {QObject::tr("Phase"), QObject::tr("Events"), QObject::tr("p50"), QObject::tr("p90"), QObject::tr("p95"),
                 QObject::tr("Note")};
    m.widths = {1.3, 0.7, 0.8, 0.8, 0.8, 2.4};
    m.numeric = {false, true, true, true, true, false};
    for (const leadtime::PhaseModel* p : measured)
        m.rows << QStringList{QString(p->phase).replace(QLatin1Char('_'), QLatin1Char(' ')), QString::number(p->count),
                              fmt::seconds(p->p50), fmt::seconds(p->p90), fmt::seconds(p->p95),
                              p->weakEvidence ? QObject::tr("fewer than 5 events: indicative only") : p->note};
    for (const auto& pull : {d.measuredLeadTime->pullCached, d.measuredLeadTime->pullCold})
        if (pull && pull->fromData)
            m.rows << QStringList{QObject::tr("image pull (%1)").arg(pull->subset), QString::number(pull->count),
                                  fmt::seconds(pull->p50), fmt::seconds(pull->p90), fmt::seconds(pull->p95), pull->note};
    table(c, std::move(m));
}

}  // namespace headroom::report
