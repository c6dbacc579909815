#include "charts/report_charts.h"
#include "report_format.h"
#include "report_sections.h"

#include <functional>

namespace headroom::report {

namespace {

// "low – high" of a 95 % interval, each end formatted like the mean; n/a with one replication.
QString ciRange(const Estimate& e, int replications, const std::function<QString(double)>& format)
{
    if (replications < 2) return QObject::tr("n/a (one replication)");
    return QStringLiteral("%1 – %2").arg(format(e.low), format(e.high));
}

QString verdict(const ReportData& d)
{
    const SimulationSummary& s = d.simulation.summary;
    const int met = int(std::lround(s.sloAttainment * d.simulation.replications));
    return QObject::tr("%1 (%2 of %3 replications met it, attainment %4)")
        .arg(s.sloMet ? QObject::tr("meets the SLO") : QObject::tr("misses the SLO"))
        .arg(met)
        .arg(d.simulation.replications)
        .arg(fmt::percent(s.sloAttainment, 0));
}

}  // namespace

void addExecutiveSummary(Content& c, const ReportData& d)
{
    const SimulationSummary& s = d.simulation.summary;
    const Scenario& doc = d.scenario.doc;
    heading(c, QObject::tr("Executive summary"));
    addRecommendationSummary(c, d);

    heading(c, QObject::tr("The scenario as written"), 2);
    QString sentence = QObject::tr("Running <b>%1</b> costs <b>%2</b> and %3: p95 latency <b>%4</b>")
                           .arg(fmt::esc(fleetDescription(d)), fmt::usdPerMonth(d.monthlyCostUsd),
                                s.sloMet ? QObject::tr("<b>meets the SLO</b>") : QObject::tr("<b>misses the SLO</b>"),
                                fmt::ms(s.latencyP95.mean));
    if (doc.slo && doc.slo->latencyP95Ms > 0)
        sentence += QObject::tr(" against a target of %1").arg(fmt::ms(doc.slo->latencyP95Ms));
    sentence += QObject::tr(", error rate %1. SLO verdict: %2.").arg(fmt::percent(s.errorRate.mean, 3), fmt::esc(verdict(d)));
    para(c, sentence);

    Table t;
    t.headers = {QObject::tr("Figure"), QObject::tr("Mean"), QObject::tr("95 % confidence interval")};
    t.widths = {2.2, 1.4, 2};
    t.numeric = {false, true, true};
    const int n = d.simulation.replications;
    const auto msF = [](double v) { return fmt::ms(v); };
    const auto hoursF = [](double v) { return fmt::num(v, 2) + QStringLiteral(" h"); };
    const auto minutesF = [](double v) { return fmt::num(v, 1) + QStringLiteral(" min"); };
    t.rows = {
        {QObject::tr("Latency p50"), fmt::ms(s.latencyP50.mean), ciRange(s.latencyP50, n, msF)},
        {QObject::tr("Latency p95"), fmt::ms(s.latencyP95.mean), ciRange(s.latencyP95, n, msF)},
        {QObject::tr("Latency p99"), fmt::ms(s.latencyP99.mean), ciRange(s.latencyP99, n, msF)},
        {QObject::tr("Latency mean"), fmt::ms(s.latencyMean.mean), ciRange(s.latencyMean, n, msF)},
        {QObject::tr("Error rate"), fmt::percent(s.errorRate.mean, 3),
         ciRange(s.errorRate, n, [](double v) { return fmt::percent(v, 3); })},
        {QObject::tr("Attempts per request"), fmt::num(s.attemptsPerRequest.mean, 3),
         ciRange(s.attemptsPerRequest, n, [](double v) { return fmt::num(v, 3); })},
        {QObject::tr("Node-hours in the run"), hoursF(s.nodeHours.mean), ciRange(s.nodeHours, n, hoursF)},
        {QObject::tr("Cost of the run"), fmt::usd(s.costUsd.mean), ciRange(s.costUsd, n, fmt::usd)},
        {QObject::tr("Cost per month (730 h)"), fmt::usd(d.monthlyCostUsd), QString()},
        {QObject::tr("Minutes over the SLO"), minutesF(s.minutesOverSlo.mean), ciRange(s.minutesOverSlo, n, minutesF)},
    };
    t.caption = QObject::tr("Requests after warm-up: %1 arrived, %2 completed, %3 failed (mean per replication). "
                            "Intervals are 95 % intervals of the mean across replications (Student t).")
                    .arg(fmt::grouped(s.requests, 0), fmt::grouped(s.completed, 0), fmt::grouped(s.errors, 0));
    table(c, std::move(t));
}

void addSimulation(Content& c, const QString& title, const ResolvedScenario& scenario, const SimulationResult& r,
                   quint64 seed, const QString& intro)
{
    const Scenario& doc = scenario.doc;
    heading(c, title);
    para(c, intro + QObject::tr(" %1 replications of %2 each (warm-up %3 not scored), seed %4, intervals of %5. The "
                                "charts show the mean of the replications interval by interval.")
                        .arg(r.replications)
                        .arg(fmt::seconds(r.durationS > 0 ? r.durationS : doc.durationS), fmt::seconds(doc.warmupS))
                        .arg(seed)
                        .arg(fmt::seconds(doc.intervalS)));
    const SimulationSummary& s = r.summary;
    para(c, QObject::tr("p50 %1, p95 <b>%2</b>, p99 %3; error rate %4; %5 node-hours costing %6 in the run; the SLO "
                        "was met in %7 of %8 replications.")
                .arg(fmt::ms(s.latencyP50.mean), fmt::ms(s.latencyP95.mean), fmt::ms(s.latencyP99.mean),
                     fmt::percent(s.errorRate.mean, 3), fmt::num(s.nodeHours.mean, 2), fmt::usd(s.costUsd.mean))
                .arg(int(std::lround(s.sloAttainment * r.replications)))
                .arg(r.replications));
    const double slo = doc.slo ? doc.slo->latencyP95Ms : 0;
    const auto series = r.timeseries;
    const double warmup = doc.warmupS;
    chart(c, [series, slo, warmup] { return charts::latencyVsSlo(series, slo, warmup); }, 230,
          QObject::tr("p50, p95 and p99 of the requests completed in each interval; dashed red: the SLO."));
    chart(c, [series] { return charts::nodeCounts(series); }, 190,
          QObject::tr("Nodes the autoscaler wants (desired), that serve traffic (ready) and that pass health checks."));
    chart(c, [series] { return charts::utilisation(series); }, 190,
          QObject::tr("Share of vCPU time and of workers busy on the ready nodes."));
    if (scenario.burstable)
        chart(c, [series] { return charts::creditBalance(series); }, 190,
              QObject::tr("Lowest CPU credit balance of any node; at zero a standard-mode node is throttled to its "
                          "baseline."));

    heading(c, QObject::tr("Replications"), 2);
    Table t;
    t.headers = {QObject::tr("#"), QObject::tr("p95"), QObject::tr("p99"), QObject::tr("Error rate"),
                 QObject::tr("Node-hours"), QObject::tr("Cost"), QObject::tr("Peak nodes"), QObject::tr("SLO")};
    t.widths = {0.5, 1.2, 1.2, 1.2, 1.1, 1.1, 1, 0.8};
    t.numeric = {true, true, true, true, true, true, true, false};
    for (size_t i = 0; i < r.perReplication.size(); ++i) {
        const ReplicationResult& rep = r.perReplication[i];
        t.rows << QStringList{QString::number(i + 1), fmt::ms(rep.latencyMs.p95), fmt::ms(rep.latencyMs.p99),
                              fmt::percent(rep.errorRate, 3), fmt::num(rep.nodeHours, 2) + QStringLiteral(" h"),
                              fmt::usd(rep.costUsd), fmt::num(rep.peakNodes, 0),
                              rep.sloMet ? QObject::tr("met") : QObject::tr("missed")};
    }
    table(c, std::move(t));
}

}  // namespace headroom::report
